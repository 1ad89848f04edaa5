package io.digiready.collector.ingest;

import io.digiready.collector.fleet.Machine;
import io.digiready.collector.store.Tx;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.HeartbeatBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a heartbeat batch does to a machine, without any I/O: a heartbeat whose seq is not above the
 * machine's last stored seq is a duplicate; a gap in seq counts as lost heartbeats; accepted
 * heartbeats move the machine's state forward and are placed on the collector's clock.
 */
final class HeartbeatIngest {
  private HeartbeatIngest() {}

  /** The machine after the batch, the accepted heartbeats with their times, and the newest. */
  record Outcome(Machine machine, List<Tx.Accepted> accepted, Heartbeat newest, int duplicates) {}

  static Outcome apply(Machine m, HeartbeatBatch batch, Instant receivedAt) {
    var l = m.liveness();
    long lastSeq = l.lastSeq();
    long lost = l.lostHeartbeats();
    Instant internetOk = l.lastInternetOkAt();
    Heartbeat newest = null;
    Instant newestAgentTime =
        batch.heartbeats().stream().map(Heartbeat::agentTime).max(Instant::compareTo).orElseThrow();
    List<Tx.Accepted> accepted = new ArrayList<>(batch.heartbeats().size());
    int duplicates = 0;
    for (Heartbeat h : batch.heartbeats()) {
      if (h.seq() <= lastSeq) {
        duplicates++;
        continue;
      }
      // A machine that never beat before has lost nothing: its agent may have numbered
      // heartbeats for another identity (a re-enrollment keeps its counter) or drained a spool.
      if (lastSeq > 0 && h.seq() > lastSeq + 1) {
        lost += h.seq() - lastSeq - 1;
      }
      lastSeq = h.seq();
      newest = h;
      Instant at = estimatedTime(h, newestAgentTime, receivedAt);
      accepted.add(new Tx.Accepted(h, at));
      if (h.internetUp() && (internetOk == null || at.isAfter(internetOk))) {
        internetOk = at;
      }
    }
    var liveness =
        new Machine.Liveness(
            receivedAt,
            receivedAt,
            lastSeq,
            lost,
            newest == null ? l.internetUp() : newest.internetUp(),
            internetOk,
            newest == null
                ? l.clockSkewSeconds()
                : Duration.between(receivedAt, newest.agentTime()).toSeconds(),
            newest == null ? l.memoryUsedBytes() : newest.memoryUsedBytes(),
            newest == null ? l.systemDiskFreeBytes() : newest.systemDiskFreeBytes(),
            newest == null ? l.systemDiskTotalBytes() : newest.systemDiskTotalBytes());
    return new Outcome(m.withLiveness(liveness), accepted, newest, duplicates);
  }

  /**
   * When a heartbeat happened on the collector's clock: the receive time minus how much older it is
   * than the batch's newest, so a PC whose clock is wrong still lands in the right hour.
   */
  static Instant estimatedTime(Heartbeat h, Instant newestAgentTime, Instant receivedAt) {
    Instant at = receivedAt.minus(Duration.between(h.agentTime(), newestAgentTime));
    return at.isAfter(receivedAt) ? receivedAt : at;
  }
}

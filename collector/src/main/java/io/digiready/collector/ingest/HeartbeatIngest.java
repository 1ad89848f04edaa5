package io.digiready.collector.ingest;

import io.digiready.collector.fleet.Machine;
import io.digiready.collector.problem.Problem;
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
 * heartbeats move the machine's state forward and are placed on the collector's clock. A seq that
 * jumps too far is refused (400), and a machine past its heartbeat credit is told to wait (429)
 * with nothing stored ({@link SeqBound}).
 */
final class HeartbeatIngest {
  private HeartbeatIngest() {}

  /**
   * The machine after the batch, the accepted heartbeats with their times, and the newest; or, when
   * {@code retryAfter} is set, a batch refused for its rate, with nothing to store.
   */
  record Outcome(
      Machine machine,
      List<Tx.Accepted> accepted,
      Heartbeat newest,
      int duplicates,
      Duration retryAfter) {
    boolean rateLimited() {
      return retryAfter != null;
    }
  }

  /** The rules of one collector: its heartbeat interval and whether the rate limit is on. */
  record Rules(int intervalSeconds, boolean rateLimit) {}

  /** The highest first seq a machine may start at: a heartbeat a second for 30,000 years. */
  static final long FIRST_SEQ_MAX = 1_000_000_000_000L;

  private static long firstSeqBase(HeartbeatBatch batch) {
    long first = Long.MAX_VALUE;
    int at = 0;
    for (int i = 0; i < batch.heartbeats().size(); i++) {
      long seq = batch.heartbeats().get(i).seq();
      if (seq < first) {
        first = seq;
        at = i;
      }
    }
    if (first > FIRST_SEQ_MAX) {
      throw Problem.invalid(
          "heartbeats[" + at + "].seq",
          "a machine's first heartbeats must start at most at "
              + FIRST_SEQ_MAX
              + ". Found: "
              + first);
    }
    return first - 1;
  }

  static Outcome apply(Machine m, HeartbeatBatch batch, Instant receivedAt, Rules rules) {
    var l = m.liveness();
    Instant since =
        l.lastHeartbeatAt() != null
            ? l.lastHeartbeatAt()
            : l.lastSeenAt() != null ? l.lastSeenAt() : m.enrolledAt();
    long jump = SeqBound.maxJump(since, receivedAt, rules.intervalSeconds());
    long base = l.lastSeq();
    if (base == 0) {
      // A machine's first heartbeats may continue an agent's own count (a re-enrolled agent keeps
      // its counter): the bound starts at the batch's first seq, which itself must be sane.
      base = firstSeqBase(batch);
    }
    long maxSeq = base > Long.MAX_VALUE - jump ? Long.MAX_VALUE : base + jump;
    int fresh = 0;
    for (int i = 0; i < batch.heartbeats().size(); i++) {
      long seq = batch.heartbeats().get(i).seq();
      if (seq > maxSeq) {
        throw Problem.invalid(
            "heartbeats[" + i + "].seq",
            "must be at most "
                + maxSeq
                + ": the machine's last seq "
                + l.lastSeq()
                + " plus "
                + SeqBound.SLACK
                + " and 2 per heartbeat interval since its last heartbeat. Found: "
                + seq);
      }
      if (seq > l.lastSeq()) {
        fresh++;
      }
    }
    Instant creditFrom = l.heartbeatCreditFrom() != null ? l.heartbeatCreditFrom() : since;
    if (rules.rateLimit()
        && fresh > SeqBound.credit(creditFrom, receivedAt, rules.intervalSeconds())) {
      Duration wait = SeqBound.wait(creditFrom, receivedAt, rules.intervalSeconds(), fresh);
      return new Outcome(m, List.of(), null, 0, wait);
    }

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
            newest == null ? l.systemDiskTotalBytes() : newest.systemDiskTotalBytes(),
            accepted.isEmpty()
                ? l.heartbeatCreditFrom()
                : SeqBound.spend(creditFrom, receivedAt, rules.intervalSeconds(), accepted.size()),
            accepted.isEmpty() ? l.rateLimitedAt() : null);
    return new Outcome(m.withLiveness(liveness), accepted, newest, duplicates, null);
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

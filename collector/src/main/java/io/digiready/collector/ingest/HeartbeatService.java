package io.digiready.collector.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.metrics.IngestMetrics;
import io.digiready.collector.metrics.ProbeMetrics;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Tx;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.HeartbeatAck;
import io.digiready.protocol.HeartbeatBatch;
import io.digiready.protocol.Json;
import io.digiready.protocol.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores a heartbeat batch once whatever the number of retries: a heartbeat whose seq is not above
 * the machine's last stored seq is a duplicate. Accepted heartbeats update the machine's current
 * state and roll into hourly buckets; a gap in seq counts as lost heartbeats.
 */
public final class HeartbeatService {
  private static final ObjectMapper JSON = Json.mapper();
  private final CollectorConfig config;
  private final Fleet fleet;
  private final GroupCommitWriter writer;
  private final IngestMetrics counters;
  private final ProbeMetrics probeMetrics;
  private final Clock clock;

  public HeartbeatService(
      CollectorConfig config,
      Fleet fleet,
      GroupCommitWriter writer,
      IngestMetrics counters,
      ProbeMetrics probeMetrics,
      Clock clock) {
    this.config = config;
    this.fleet = fleet;
    this.writer = writer;
    this.counters = counters;
    this.probeMetrics = probeMetrics;
    this.clock = clock;
  }

  /** acceptedProbes: the probes of the stored heartbeats only, counted once the commit is done. */
  private record Result(
      Machine machine, int accepted, int duplicates, List<ProbeResult> acceptedProbes) {}

  public HeartbeatAck report(String machineId, HeartbeatBatch batch, Instant receivedAt) {
    for (int i = 0; i < batch.heartbeats().size(); i++) {
      if (!machineId.equals(batch.heartbeats().get(i).machineId())) {
        throw Problem.forbidden(
            "heartbeats[" + i + "].machineId", "this token belongs to another machine");
      }
    }
    // Serialised here, on the request thread, to keep the single writer thread on SQL only.
    List<String> json = new ArrayList<>(batch.heartbeats().size());
    for (Heartbeat h : batch.heartbeats()) {
      json.add(write(h));
    }
    Result r =
        writer.call(
            tx -> {
              Machine m = tx.machine(machineId).orElseThrow(Problem::unauthorized);
              return store(tx, m, batch, json, receivedAt);
            },
            res -> fleet.putMachine(res.machine()));
    counters.heartbeats(batch.heartbeats().size(), r.accepted(), r.duplicates());
    probeMetrics.record(r.machine().unitCode(), r.acceptedProbes());
    return new HeartbeatAck(r.accepted(), r.duplicates());
  }

  public HeartbeatAck report(String machineId, HeartbeatBatch batch) {
    return report(machineId, batch, clock.instant());
  }

  private static String write(Heartbeat h) {
    try {
      return JSON.writeValueAsString(h);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Result store(
      Tx tx, Machine m, HeartbeatBatch batch, List<String> json, Instant receivedAt)
      throws Exception {
    var l = m.liveness();
    long lastSeq = l.lastSeq();
    long lost = l.lostHeartbeats();
    Instant internetOk = l.lastInternetOkAt();
    Heartbeat newest = null;
    String newestJson = null;
    Instant newestAgentTime =
        batch.heartbeats().stream().map(Heartbeat::agentTime).max(Instant::compareTo).orElseThrow();
    Map<Long, int[]> hours = new TreeMap<>();
    int accepted = 0;
    int duplicates = 0;
    List<ProbeResult> acceptedProbes = new ArrayList<>();
    for (int i = 0; i < batch.heartbeats().size(); i++) {
      Heartbeat h = batch.heartbeats().get(i);
      if (h.seq() <= lastSeq) {
        duplicates++;
        continue;
      }
      if (h.seq() > lastSeq + 1) {
        lost += h.seq() - lastSeq - 1;
      }
      lastSeq = h.seq();
      accepted++;
      newest = h;
      newestJson = json.get(i);
      Instant at = estimatedTime(h, newestAgentTime, receivedAt);
      long hour = at.truncatedTo(ChronoUnit.HOURS).toEpochMilli();
      int[] bucket = hours.computeIfAbsent(hour, k -> new int[2]);
      bucket[0]++;
      if (h.internetUp()) {
        bucket[1]++;
        if (internetOk == null || at.isAfter(internetOk)) {
          internetOk = at;
        }
      }
      acceptedProbes.addAll(h.probes());
      for (ProbeResult p : h.probes()) {
        tx.addProbeHour(
            m.id(),
            hour,
            p.target(),
            p.kind().name().toLowerCase(java.util.Locale.ROOT),
            p.ok(),
            p.latencyMillis());
      }
      if (config.rawHeartbeatRetentionDays() > 0) {
        tx.insertRawHeartbeat(m.id(), h.seq(), receivedAt, json.get(i));
      }
    }
    for (Map.Entry<Long, int[]> e : hours.entrySet()) {
      tx.addHeartbeatHour(m.id(), e.getKey(), e.getValue()[0], e.getValue()[1]);
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
    Machine updated = m.withLiveness(liveness);
    tx.updateMachine(updated, newestJson);
    return new Result(updated, accepted, duplicates, acceptedProbes);
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

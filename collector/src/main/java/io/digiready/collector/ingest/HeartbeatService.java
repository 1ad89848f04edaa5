package io.digiready.collector.ingest;

import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.metrics.IngestMetrics;
import io.digiready.collector.metrics.ProbeMetrics;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Tx;
import io.digiready.protocol.HeartbeatAck;
import io.digiready.protocol.HeartbeatBatch;
import java.time.Clock;
import java.time.Instant;

/**
 * Stores a heartbeat batch once whatever the number of retries (see {@link HeartbeatIngest}); the
 * writer stages its rows with the rest of the group and the answer waits for the commit.
 */
public final class HeartbeatService {
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

  public HeartbeatAck report(String machineId, HeartbeatBatch batch, Instant receivedAt) {
    for (int i = 0; i < batch.heartbeats().size(); i++) {
      if (!machineId.equals(batch.heartbeats().get(i).machineId())) {
        throw Problem.forbidden(
            "heartbeats[" + i + "].machineId", "this token belongs to another machine");
      }
    }
    HeartbeatIngest.Outcome r =
        writer.call(
            tx -> {
              // The transaction's view of the machine (locked where collectors share the
              // database), else the committed fleet, which only this writer changes.
              Machine m =
                  tx.current(machineId)
                      .or(() -> fleet.machine(machineId))
                      .orElseThrow(Problem::unauthorized);
              HeartbeatIngest.Outcome outcome = HeartbeatIngest.apply(m, batch, receivedAt);
              tx.stageHeartbeats(outcome.machine(), outcome.accepted(), outcome.newest());
              return outcome;
            },
            res -> fleet.putMachine(res.machine()));
    counters.heartbeats(batch.heartbeats().size(), r.accepted().size(), r.duplicates());
    for (Tx.Accepted a : r.accepted()) {
      probeMetrics.record(r.machine().unitCode(), a.heartbeat().probes());
    }
    return new HeartbeatAck(r.accepted().size(), r.duplicates());
  }

  public HeartbeatAck report(String machineId, HeartbeatBatch batch) {
    return report(machineId, batch, clock.instant());
  }
}

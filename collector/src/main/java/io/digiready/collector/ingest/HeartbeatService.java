package io.digiready.collector.ingest;

import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.events.Phrase;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Tokens;
import io.digiready.collector.metrics.IngestMetrics;
import io.digiready.collector.metrics.ProbeMetrics;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Tx;
import io.digiready.protocol.HeartbeatAck;
import io.digiready.protocol.HeartbeatBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
  private final HeartbeatIngest.Rules rules;
  private static final Duration EVENT_EVERY = Duration.ofHours(1);

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
    this.rules =
        new HeartbeatIngest.Rules(config.heartbeatIntervalSeconds(), config.heartbeatRateLimit());
  }

  /**
   * Stages the batch with the writer's next group; the answer completes after the commit, on the
   * writer's answer thread.
   */
  public CompletableFuture<HeartbeatAck> report(
      String machineId, HeartbeatBatch batch, Instant receivedAt) {
    return report(machineId, null, batch, receivedAt);
  }

  /**
   * As above, for the agent token with hash {@code tokenHash}: checked again against the machine's
   * row in the transaction (locked where collectors share the database), so a token replaced by a
   * re-enrollment, or a machine retired, through another collector is refused at once even before
   * this collector has followed that change.
   */
  public CompletableFuture<HeartbeatAck> report(
      String machineId, String tokenHash, HeartbeatBatch batch, Instant receivedAt) {
    for (int i = 0; i < batch.heartbeats().size(); i++) {
      if (!machineId.equals(batch.heartbeats().get(i).machineId())) {
        throw Problem.forbidden(
            "heartbeats[" + i + "].machineId", "this token belongs to another machine");
      }
    }
    return writer
        .submitWithDeadline(
            machineId,
            tx -> {
              // The transaction's view of the machine (locked where collectors share the
              // database), else the committed fleet, which only this writer changes.
              Optional<Machine> known = fleet.machine(machineId);
              // Read from a shared database, the state has no allowance (it lives in memory):
              // this collector keeps counting its own.
              Machine m =
                  tx.machines()
                      .current(machineId)
                      .map(
                          current ->
                              current.liveness().heartbeatCreditFrom() == null && known.isPresent()
                                  ? current.withLiveness(
                                      current.liveness().withAllowanceOf(known.get().liveness()))
                                  : current)
                      .or(() -> known)
                      .filter(
                          current ->
                              current.retiredAt() == null
                                  && (tokenHash == null
                                      || Tokens.sameHash(current.tokenHash(), tokenHash)))
                      .orElseThrow(Problem::unauthorized);
              HeartbeatIngest.Outcome outcome = HeartbeatIngest.apply(m, batch, receivedAt, rules);
              if (outcome.rateLimited()) {
                return rateLimited(tx, outcome, receivedAt);
              }
              tx.heartbeats().stage(outcome.machine(), outcome.accepted(), outcome.newest());
              return outcome;
            },
            res -> fleet.putMachine(res.machine()))
        .thenApply(r -> answer(batch, r));
  }

  private HeartbeatAck answer(HeartbeatBatch batch, HeartbeatIngest.Outcome r) {
    if (r.rateLimited()) {
      counters.heartbeatsRateLimited(batch.heartbeats().size());
      throw Problem.tooManyRequests(
          "heartbeats: this machine sent more heartbeats than its interval allows (2 per "
              + config.heartbeatIntervalSeconds()
              + " s after a burst of "
              + SeqBound.SLACK
              + "); nothing was stored, retry later",
          r.retryAfter());
    }
    counters.heartbeats(batch.heartbeats().size(), r.accepted().size(), r.duplicates());
    for (Tx.Accepted a : r.accepted()) {
      probeMetrics.record(r.machine().unitCode(), a.heartbeat().probes());
    }
    return new HeartbeatAck(r.accepted().size(), r.duplicates());
  }

  /**
   * A refused batch stores nothing; the machine gets a {@code rate_limited} event at most once an
   * hour, so that a machine hammering the collector does not fill the events table instead.
   */
  private static HeartbeatIngest.Outcome rateLimited(
      Tx tx, HeartbeatIngest.Outcome outcome, Instant now) throws java.sql.SQLException {
    Machine m = outcome.machine();
    Instant last = m.liveness().rateLimitedAt();
    if (last != null && last.isAfter(now.minus(EVENT_EVERY))) {
      return outcome;
    }
    tx.events()
        .insert(m.id(), m.unitCode(), now, "rate_limited", Phrase.of("rateLimited").stored());
    Machine marked = m.withLiveness(m.liveness().rateLimited(now));
    return new HeartbeatIngest.Outcome(marked, List.of(), null, 0, outcome.retryAfter());
  }

  public CompletableFuture<HeartbeatAck> report(String machineId, HeartbeatBatch batch) {
    return report(machineId, batch, clock.instant());
  }

  public CompletableFuture<HeartbeatAck> report(
      String machineId, String tokenHash, HeartbeatBatch batch) {
    return report(machineId, tokenHash, batch, clock.instant());
  }
}

package io.digiready.collector.ingest;

import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.events.Phrase;
import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Tokens;
import io.digiready.collector.metrics.IngestMetrics;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.store.Credentials;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Tx;
import io.digiready.protocol.EnrollRequest;
import io.digiready.protocol.EnrollResponse;
import io.digiready.protocol.Fingerprint;
import io.digiready.protocol.Placeholders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns an enrollment into a machine. A fingerprint whose hardware UUID or system serial matches a
 * machine of the same unit that has gone silent is that machine reinstalled: it keeps its record
 * and its old token is revoked. A match that is still alive (a heartbeat within three intervals),
 * or that beat in the last 10 minutes with another OS install id (a clone), is never taken over:
 * the enrollment makes a new machine flagged {@code possibleDuplicateOf} the match, with a {@code
 * possible_duplicate} event on both. Hostname and MAC addresses never decide identity.
 */
public final class EnrollService {
  static final Duration CLONE_WINDOW = Duration.ofMinutes(10);
  private static final String NEW_TOKEN = "ask an administrator for a new enrollment token";

  private final CollectorConfig config;
  private final Fleet fleet;
  private final Credentials credentials;
  private final GroupCommitWriter writer;
  private final InventoryService inventories;
  private final IngestMetrics counters;
  private final Clock clock;
  private final RateLimit perToken;

  public EnrollService(
      CollectorConfig config,
      Fleet fleet,
      Credentials credentials,
      GroupCommitWriter writer,
      InventoryService inventories,
      IngestMetrics counters,
      Clock clock) {
    this.config = config;
    this.fleet = fleet;
    this.credentials = credentials;
    this.writer = writer;
    this.inventories = inventories;
    this.counters = counters;
    this.clock = clock;
    this.perToken =
        new RateLimit(config.enrollmentsPerMinutePerToken(), java.time.Duration.ofMinutes(1));
  }

  public EnrollResponse enroll(EnrollRequest request) {
    String enrollmentHash = Tokens.sha256Hex(request.enrollmentToken());
    EnrollmentToken token =
        credentials.enrollmentToken(enrollmentHash).orElseThrow(Problem::unauthorized);
    Instant now = clock.instant();
    refuseIfSpent(token, now);
    Duration wait = perToken.take(token.id(), now);
    if (wait != null) {
      throw Problem.tooManyRequests(
          "enrollmentToken: more than "
              + config.enrollmentsPerMinutePerToken()
              + " enrollments a minute with this token; retry later",
          wait);
    }
    String agentToken = Tokens.newToken();
    String tokenHash = Tokens.sha256Hex(agentToken);
    Machine machine =
        writer.call(
            token.id(),
            tx -> {
              if (!tx.tokens().useEnrollment(token.id(), now)) {
                // Spent by another enrollment of the same group, or revoked meanwhile.
                throw Problem.unauthorized("enrollmentToken: used up or revoked; " + NEW_TOKEN);
              }
              return enrollInTx(tx, token.unitCode(), request, tokenHash, now);
            },
            m -> {
              fleet.putMachine(m);
              fleet.enrollmentTokenUsed(enrollmentHash);
            });
    counters.report("enroll", "accepted");
    return new EnrollResponse(machine.id(), agentToken, AgentConfigs.of(config));
  }

  /** An expired or used-up token is a 401 that says which, so the installer knows what to do. */
  private static void refuseIfSpent(EnrollmentToken token, Instant now) {
    String next = "; " + NEW_TOKEN;
    if (token.expired(now)) {
      throw Problem.unauthorized("enrollmentToken: expired at " + token.expiresAt() + next);
    }
    if (token.usedUp()) {
      throw Problem.unauthorized(
          "enrollmentToken: used up ("
              + token.uses()
              + " of "
              + token.maxUses()
              + " enrollments)"
              + next);
    }
  }

  private Machine enrollInTx(
      Tx tx, String unit, EnrollRequest request, String tokenHash, Instant now) throws Exception {
    // A token's unit exists (a foreign key); this collector may just not have followed it yet.
    if (fleet.unit(unit).isEmpty() && !credentials.shared()) {
      throw Problem.unauthorized();
    }
    Fingerprint f = request.fingerprint();
    var identity =
        new Machine.Identity(
            request.hostname().strip(),
            Placeholders.clean(f.hardwareUuid()),
            Placeholders.clean(f.systemSerial()),
            Placeholders.clean(f.baseboardSerial()),
            macs(f.macs()),
            Placeholders.clean(f.osInstallId()));
    List<Machine> matches = List.of();
    if (identity.hardwareUuid() != null || identity.systemSerial() != null) {
      matches = tx.machines().matching(unit, identity.hardwareUuid(), identity.systemSerial());
    }
    Machine match = matches.isEmpty() ? null : matches.get(0);
    Phrase duplicate = match == null ? null : duplicateReason(match, identity, now);
    Machine machine;
    if (match != null && duplicate == null) {
      Machine old = match;
      machine =
          new Machine(
              old.id(),
              unit,
              tokenHash,
              old.enrolledAt(),
              null,
              identity,
              Machine.Liveness.enrolledAt(now),
              old.hardware(),
              old.possibleDuplicateOf());
      tx.machines().update(machine);
      tx.events()
          .insert(
              old.id(),
              unit,
              now,
              "reenrolled",
              Phrase.of(
                      "reenrolled",
                      "hostname",
                      identity.hostname(),
                      "previous",
                      old.identity().hostname())
                  .stored());
    } else {
      machine =
          new Machine(
              Tokens.newId("m-"),
              unit,
              tokenHash,
              now,
              null,
              identity,
              Machine.Liveness.enrolledAt(now),
              Machine.Hardware.UNKNOWN,
              match == null ? null : match.id());
      tx.machines().insert(machine);
      tx.events()
          .insert(
              machine.id(),
              unit,
              now,
              "enrolled",
              Phrase.of("enrolled", "hostname", identity.hostname()).stored());
      if (match != null) {
        tx.events()
            .insert(
                machine.id(),
                unit,
                now,
                "possible_duplicate",
                Phrase.of(
                        "duplicateNew",
                        "machine",
                        match.id(),
                        "hostname",
                        match.identity().hostname(),
                        "reason",
                        duplicate)
                    .stored());
        tx.events()
            .insert(
                match.id(),
                unit,
                now,
                "possible_duplicate",
                Phrase.of(
                        "duplicateOld",
                        "machine",
                        machine.id(),
                        "hostname",
                        identity.hostname(),
                        "reason",
                        duplicate)
                    .stored());
      }
    }
    if (request.inventory() != null) {
      machine = inventories.storeInTx(tx, machine, request.inventory(), now).machine();
    }
    return machine;
  }

  /**
   * Why an enrollment with the hardware of {@code existing} must not take it over, or null when it
   * may (the machine was reinstalled). A machine that sent a heartbeat within three intervals is
   * running: handing its identity to whoever knows its UUID or serial (printed on its sticker)
   * would silence the real agent, so the newcomer becomes a machine of its own.
   */
  private Phrase duplicateReason(Machine existing, Machine.Identity incoming, Instant now) {
    Instant beat = existing.liveness().lastHeartbeatAt();
    if (beat == null) {
      return null;
    }
    Duration alive = Duration.ofSeconds(3L * config.heartbeatIntervalSeconds());
    if (!beat.isBefore(now.minus(alive))) {
      return Phrase.of("reasonAlive", "at", beat);
    }
    if (!beat.isBefore(now.minus(CLONE_WINDOW))
        && existing.identity().osInstallId() != null
        && incoming.osInstallId() != null
        && !Objects.equals(existing.identity().osInstallId(), incoming.osInstallId())) {
      return Phrase.of("reasonCloned");
    }
    return null;
  }

  private static String macs(List<String> macs) {
    if (macs == null) {
      return null;
    }
    List<String> clean = new ArrayList<>();
    for (String mac : macs) {
      String c = Placeholders.clean(mac);
      if (c != null) {
        clean.add(c.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return clean.isEmpty() ? null : String.join(",", clean);
  }
}

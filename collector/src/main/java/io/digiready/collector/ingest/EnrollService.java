package io.digiready.collector.ingest;

import io.digiready.collector.config.CollectorConfig;
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
 * live machine of the same unit is that machine reinstalled: it keeps its record and its old token
 * is revoked. If that machine beat in the last 10 minutes with another OS install id, both are
 * running, so it is a clone: a new machine, and a {@code possible_duplicate} event on both.
 * Hostname and MAC addresses never decide identity.
 */
public final class EnrollService {
  static final Duration CLONE_WINDOW = Duration.ofMinutes(10);

  private final CollectorConfig config;
  private final Fleet fleet;
  private final Credentials credentials;
  private final GroupCommitWriter writer;
  private final InventoryService inventories;
  private final IngestMetrics counters;
  private final Clock clock;

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
  }

  public EnrollResponse enroll(EnrollRequest request) {
    EnrollmentToken token =
        credentials
            .enrollmentToken(Tokens.sha256Hex(request.enrollmentToken()))
            .orElseThrow(Problem::unauthorized);
    String agentToken = Tokens.newToken();
    String tokenHash = Tokens.sha256Hex(agentToken);
    Instant now = clock.instant();
    Machine machine =
        writer.call(
            tx -> enrollInTx(tx, token.unitCode(), request, tokenHash, now), fleet::putMachine);
    counters.report("enroll", "accepted");
    return new EnrollResponse(machine.id(), agentToken, AgentConfigs.of(config));
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
      matches = tx.machinesMatching(unit, identity.hardwareUuid(), identity.systemSerial());
    }
    Machine machine;
    if (!matches.isEmpty() && !isClone(matches.get(0), identity, now)) {
      Machine old = matches.get(0);
      machine =
          new Machine(
              old.id(),
              unit,
              tokenHash,
              old.enrolledAt(),
              null,
              identity,
              Machine.Liveness.enrolledAt(now),
              old.hardware());
      tx.updateMachine(machine);
      tx.insertEvent(
          old.id(),
          unit,
          now,
          "reenrolled",
          "re-enrolled as "
              + identity.hostname()
              + " (was "
              + old.identity().hostname()
              + "); previous agent token revoked");
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
              Machine.Hardware.UNKNOWN);
      tx.insertMachine(machine);
      tx.insertEvent(machine.id(), unit, now, "enrolled", "enrolled as " + identity.hostname());
      if (!matches.isEmpty()) {
        Machine original = matches.get(0);
        tx.insertEvent(
            machine.id(),
            unit,
            now,
            "possible_duplicate",
            "same hardware as "
                + original.id()
                + " ("
                + original.identity().hostname()
                + ") which is running with another OS install id: a cloned disk image?");
        tx.insertEvent(
            original.id(),
            unit,
            now,
            "possible_duplicate",
            "new machine "
                + machine.id()
                + " ("
                + identity.hostname()
                + ") enrolled with the same hardware and another OS install id");
      }
    }
    if (request.inventory() != null) {
      machine = inventories.storeInTx(tx, machine, request.inventory(), now).machine();
    }
    return machine;
  }

  private static boolean isClone(Machine existing, Machine.Identity incoming, Instant now) {
    Instant beat = existing.liveness().lastHeartbeatAt();
    return beat != null
        && !beat.isBefore(now.minus(CLONE_WINDOW))
        && existing.identity().osInstallId() != null
        && incoming.osInstallId() != null
        && !Objects.equals(existing.identity().osInstallId(), incoming.osInstallId());
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

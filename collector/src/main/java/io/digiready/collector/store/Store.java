package io.digiready.collector.store;

import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.fleet.ViewerToken;
import io.digiready.protocol.Heartbeat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the collector keeps its data: SQLite now, PostgreSQL later. Reads may come from any thread;
 * {@link #begin()} is called only by the single writer thread.
 */
public interface Store extends AutoCloseable {

  List<Unit> loadUnits();

  List<Machine> loadMachines();

  List<EnrollmentToken> loadActiveEnrollmentTokens();

  List<TokenRow> enrollmentTokens(String unitCode);

  List<ViewerToken> loadActiveViewerTokens();

  /** Every viewer token, revoked ones too, for the admin's list: never a hash. */
  List<ViewerTokenRow> viewerTokens();

  /** Hourly heartbeat totals of the given units (each hour counted where the machine then was). */
  List<UnitHourBucket> unitHistory(Collection<String> unitCodes, Instant from, Instant to);

  /** Probe results of the given units per day (UTC) and target, summed over the units. */
  List<ProbeDay> unitProbeDays(Collection<String> unitCodes, LocalDate from, LocalDate to);

  List<EventRow> events(String machineId, int limit);

  /**
   * Hourly buckets of one machine: heartbeats and internet for as long as hourly figures are kept,
   * probe results for as long as raw heartbeats are.
   */
  List<HourBucket> history(String machineId, Instant from, Instant to);

  Optional<String> inventoryJson(String machineId);

  /** The machine's last stored heartbeat, probe details included. */
  Optional<Heartbeat> lastHeartbeat(String machineId);

  /** True when a trivial read works; the writer reports write health itself. */
  boolean readable();

  /** Starts a transaction on the writer connection. */
  Tx begin();

  @Override
  void close();

  /**
   * An enrollment token for listing: never its secret. {@code maxUses} and {@code usesLeft} are
   * null for a token without a limit.
   */
  record TokenRow(
      String id,
      String unit,
      Instant createdAt,
      Instant expiresAt,
      Integer maxUses,
      int uses,
      Integer usesLeft,
      Instant revokedAt) {}

  record ViewerTokenRow(String id, String name, Instant createdAt, Instant revokedAt) {}

  record UnitHourBucket(Instant hour, long machines, long heartbeats, long internetUp) {}

  record EventRow(
      long id, String machineId, String unitCode, Instant at, String kind, String detail) {}

  record ProbeBucket(
      String target,
      String kind,
      long successes,
      long failures,
      Double meanLatencyMillis,
      Long maxLatencyMillis) {}

  record HourBucket(Instant hour, long heartbeats, long internetUp, List<ProbeBucket> probes) {}

  record ProbeDay(LocalDate day, ProbeBucket probe) {}
}

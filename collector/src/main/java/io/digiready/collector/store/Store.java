package io.digiready.collector.store;

import io.digiready.collector.coverage.UnitFigures;
import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.fleet.ViewerToken;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.Inventory;
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
   * The stored daily figures of the given units from {@code from} to {@code to} (calendar days in
   * each unit's time zone), ordered by unit code, then day.
   */
  List<CoverageDay> coverageDays(Collection<String> unitCodes, LocalDate from, LocalDate to);

  /**
   * The last day whose figures are closed (status recorded or carried) for each unit that has one;
   * a cheap seek per unit.
   */
  java.util.Map<String, LocalDate> lastClosedCoverageDays();

  /**
   * Hourly buckets of one machine: heartbeats and internet for as long as hourly figures are kept,
   * probe results for as long as raw heartbeats are.
   */
  List<HourBucket> history(String machineId, Instant from, Instant to);

  Optional<String> inventoryJson(String machineId);

  /** The machine's last stored heartbeat, probe details included. */
  Optional<Heartbeat> lastHeartbeat(String machineId);

  /** The machine's software list and when it was stored; empty when it never sent one. */
  Optional<SoftwareList> software(String machineId);

  /**
   * Every stored installation of the application called {@code name} (ignoring case), on any
   * machine: one per machine and release (name, version, vendor).
   */
  List<Installation> installations(String name);

  /** Calls {@code each} with every release (its id) installed on the given machines. */
  void installedReleases(Collection<String> machineIds, InstalledRelease each);

  /** The application id of each given release id (releases never change application). */
  java.util.Map<Integer, Integer> releaseApplications(Collection<Integer> vids);

  /** Of the given machines, those that have sent a software list (possibly an empty one). */
  java.util.Set<String> softwareReported(Collection<String> machineIds);

  /** Application names by application id, for the ids given. */
  java.util.Map<Integer, String> softwareNames(Collection<Integer> sids);

  /** Versions by release id, for the ids given ("" when the agent sent none). */
  java.util.Map<Integer, String> softwareVersions(Collection<Integer> vids);

  /** True when several collectors may share this database (PostgreSQL); false for SQLite. */
  default boolean shared() {
    return false;
  }

  /**
   * On a shared database, the admin token's SHA-256 hash that every collector accepts: the stored
   * one, or {@code proposedHash} when none is stored yet (the first collector's). Unshared stores
   * keep the admin token in their data directory and return {@code proposedHash}.
   */
  default String adminTokenHash(String proposedHash) {
    return proposedHash;
  }

  /**
   * Whether this collector holds the lease for background work (retention, daily figures) and for
   * the per-machine series: always on an unshared database; on a shared one, exactly one collector
   * at a time, and another takes over when it dies. Cheap to call; renewed by {@link
   * #renewLease()}.
   */
  default boolean holdsLease() {
    return true;
  }

  /** Tries to take or keep the lease; the collector calls it every few seconds. */
  default void renewLease() {}

  /**
   * On a shared database, the version that every write of a unit, a token or a machine's identity
   * moves in its transaction (one cheap read); -1 where nothing is shared.
   */
  default long sharedVersion() {
    return -1;
  }

  /** The live machine whose agent token has this hash, read from the database. */
  default Optional<String> machineIdForTokenHash(String hash) {
    return Optional.empty();
  }

  /** The active (not revoked) enrollment token with this hash, read from the database. */
  default Optional<EnrollmentToken> activeEnrollmentToken(String hash) {
    return Optional.empty();
  }

  /** The active viewer token with this hash, read from the database. */
  default Optional<ViewerToken> activeViewerToken(String hash) {
    return Optional.empty();
  }

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

  /**
   * One unit's subtree figures on one calendar day, as {@code unit_coverage_days} keeps them.
   * {@code status} is {@link #SO_FAR}, {@link #RECORDED} or {@link #CARRIED}; {@code asOf} is the
   * moment the figures describe (the day's end, or when a carried or so-far row was taken).
   */
  record CoverageDay(String unit, LocalDate day, int status, Instant asOf, UnitFigures figures) {
    /** Today's figures so far: rewritten until the day ends. */
    public static final int SO_FAR = 0;

    /** Taken at the day's end by a running collector. */
    public static final int RECORDED = 1;

    /** No collector ran when the day ended: the last figures taken before, carried forward. */
    public static final int CARRIED = 2;

    /** The same figures for another day and status (carrying forward). */
    public CoverageDay as(LocalDate otherDay, int otherStatus) {
      return new CoverageDay(unit, otherDay, otherStatus, asOf, figures);
    }
  }

  record SoftwareList(Instant reportedAt, List<Inventory.Software> software) {}

  /** One release of an application on one machine; version and vendor null when not sent. */
  record Installation(
      String machineId, String name, String version, String vendor, LocalDate installDate) {}

  /** Receives one installed release: the machine's id and the release's ({@code vid}). */
  interface InstalledRelease {
    void accept(String machineId, int vid);
  }
}

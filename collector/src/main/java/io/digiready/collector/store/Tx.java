package io.digiready.collector.store;

import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.fleet.ViewerToken;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.Inventory;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The writes of one group commit. Used by the writer thread only.
 *
 * <p>Heartbeats are <em>staged</em>: {@link #stageHeartbeats} only records them, and the whole
 * group's heartbeat rows are written with batched statements at the next direct write or at commit
 * (one machine row per machine, one day row per machine and hour, one unit row per unit and hour,
 * whatever the number of requests). Every other method writes or reads at once, after the staged
 * rows, so that the order of requests is kept.
 */
public interface Tx {

  /** Marks the start of one request's work; costs nothing unless the request writes directly. */
  void savepoint() throws SQLException;

  void releaseSavepoint() throws SQLException;

  /** Undoes the current request's work: its direct writes and what it staged. */
  void rollbackToSavepoint() throws SQLException;

  void commit() throws SQLException;

  void rollback();

  void upsertUnit(Unit unit, Instant now) throws SQLException;

  void insertEnrollmentToken(EnrollmentToken token) throws SQLException;

  boolean revokeEnrollmentToken(String id, Instant now) throws SQLException;

  /**
   * Counts one enrollment with the token; false (and nothing counted) when it is revoked, expired
   * at {@code now} or used up. The check and the count are one statement, so two enrollments in one
   * group cannot pass a limit together.
   */
  boolean useEnrollmentToken(String id, Instant now) throws SQLException;

  void insertViewerToken(ViewerToken token) throws SQLException;

  boolean revokeViewerToken(String id, Instant now) throws SQLException;

  Optional<Machine> machine(String id) throws SQLException;

  /** Live machines of the unit whose hardware UUID or system serial equals a non-null argument. */
  List<Machine> machinesMatching(String unitCode, String hardwareUuid, String systemSerial)
      throws SQLException;

  void insertMachine(Machine machine) throws SQLException;

  /** Writes identity, token, unit, retirement and liveness (everything but inventory). */
  void updateMachine(Machine machine) throws SQLException;

  Optional<String> inventoryJson(String machineId) throws SQLException;

  void updateInventory(String machineId, Machine.Hardware hardware, String json)
      throws SQLException;

  void insertEvent(String machineId, String unitCode, Instant at, String kind, String detail)
      throws SQLException;

  /** The machine's stored software list; empty when it never sent one (an older agent). */
  Optional<List<Inventory.Software>> software(String machineId) throws SQLException;

  /**
   * Makes the machine's stored software list {@code list} (an empty list: none installed), writing
   * only what differs; when something changed (or it is the machine's first list), records {@code
   * at} as the time the list was stored and returns true.
   */
  boolean replaceSoftware(String machineId, List<Inventory.Software> list, Instant at)
      throws SQLException;

  /**
   * The machine as this transaction sees it: as an earlier request of the group left it, or, on a
   * database that several collectors share, as the database has it now, locked until the commit so
   * that another collector's heartbeats for it wait (that is what keeps seq and dedupe right across
   * collectors). Empty means the caller's committed in-memory view is current: a single collector
   * on SQLite is the only writer.
   */
  Optional<Machine> current(String machineId) throws SQLException;

  /**
   * Stages a machine's accepted heartbeats: its new state, hourly counts, unit totals, probe
   * results and the raw records. {@code updated} is the machine after them; {@code newest} is kept
   * as its last heartbeat.
   */
  void stageHeartbeats(Machine updated, List<Accepted> accepted, Heartbeat newest)
      throws SQLException;

  /** A heartbeat the writer accepted, and when it happened on the collector's clock. */
  record Accepted(Heartbeat heartbeat, Instant at) {}

  /**
   * Stores daily figures, one upsert per unit and day. An existing row is replaced only while it
   * holds today's figures so far: a closed day (recorded or carried) keeps the values it has, so
   * that running this twice, or on two collectors, changes nothing.
   */
  void upsertCoverageDays(List<Store.CoverageDay> days) throws SQLException;

  /** Deletes daily figures of days before {@code before}; returns rows deleted. */
  int pruneCoverageDays(java.time.LocalDate before) throws SQLException;

  /** Deletes hourly figures and raw heartbeats older than the cut-offs; returns rows deleted. */
  int prune(Instant hourlyBefore, Instant rawBefore) throws SQLException;

  /**
   * What changed in the database since {@code marker} (a value of its change sequence), for a
   * collector that shares the database with others; nothing on SQLite, where this collector is the
   * only writer. Revoked tokens come with their revocation time set.
   */
  Changes changesSince(long marker) throws SQLException;

  /** Rows changed by any collector; {@code high} is the largest change number among them. */
  record Changes(
      List<Unit> units,
      List<Machine> machines,
      List<EnrollmentToken> enrollmentTokens,
      List<String> revokedEnrollmentTokens,
      List<ViewerToken> viewerTokens,
      List<String> revokedViewerTokens,
      long high) {
    public static Changes none(long marker) {
      return new Changes(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), marker);
    }

    public int size() {
      return units.size()
          + machines.size()
          + enrollmentTokens.size()
          + revokedEnrollmentTokens.size()
          + viewerTokens.size()
          + revokedViewerTokens.size();
    }
  }
}

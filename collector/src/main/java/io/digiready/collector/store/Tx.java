package io.digiready.collector.store;

import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.fleet.ViewerToken;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.Inventory;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The writes of one group commit. Used by the writer thread only.
 *
 * <p>Heartbeats are <em>staged</em>: {@link Heartbeats#stage} only records them, and the whole
 * group's heartbeat rows are written with batched statements at the next direct write or at commit
 * (one machine row per machine, one day row per machine and hour, one unit row per unit and hour,
 * whatever the number of requests). Every other method writes or reads at once, after the staged
 * rows, so that the order of requests is kept. The transaction hands out one writer per aggregate;
 * each owns its SQL.
 */
public interface Tx {

  /** Marks the start of one request's work; costs nothing unless the request writes directly. */
  void savepoint() throws SQLException;

  void releaseSavepoint() throws SQLException;

  /** Undoes the current request's work: its direct writes and what it staged. */
  void rollbackToSavepoint() throws SQLException;

  void commit() throws SQLException;

  void rollback();

  /** A unit's row. */
  Units units();

  /** Enrollment and viewer tokens. */
  Tokens tokens();

  /** Machines: identity, state, inventory. */
  Machines machines();

  /** A machine's events. */
  Events events();

  /** A machine's software list. */
  Software software();

  /** Heartbeats, staged for the group, and the retention of their rollups. */
  Heartbeats heartbeats();

  /** Every unit's figures per day. */
  CoverageDays coverageDays();

  /**
   * What only a database shared by several collectors needs: the change feed that keeps each
   * collector's memory current (SQLite, one collector's own file, has nothing to feed).
   */
  Shared shared();

  interface Units {
    void upsert(Unit unit, Instant now) throws SQLException;

    /**
     * Every unit's parent code (null for a root) as the database holds it, read after taking the
     * tree's lock: where several collectors share the database, a second unit write waits here
     * until the first commits, so tree rules checked against this map hold at the commit.
     */
    java.util.Map<String, String> lockTree() throws SQLException;
  }

  interface Tokens {
    void insertEnrollment(EnrollmentToken token) throws SQLException;

    boolean revokeEnrollment(String id, Instant now) throws SQLException;

    /** Counts one use, if the token is still valid and has uses left. */
    boolean useEnrollment(String id, Instant now) throws SQLException;

    /**
     * Locks these enrollment tokens' rows until the commit, in key order, where several collectors
     * share them: a group's uses then never wait on each other's rows in opposite orders.
     */
    void lockEnrollments(Collection<String> ids) throws SQLException;

    void insertViewer(ViewerToken token) throws SQLException;

    boolean revokeViewer(String id, Instant now) throws SQLException;
  }

  interface Machines {
    /** The machine's rows, locked until the commit where several collectors share them. */
    Optional<Machine> byId(String id) throws SQLException;

    /**
     * Machines of the unit with this hardware UUID or system serial, not retired, last seen first;
     * locked like {@link #byId}, so a retire committed meanwhile is seen, not undone.
     */
    List<Machine> matching(String unitCode, String hardwareUuid, String systemSerial)
        throws SQLException;

    void insert(Machine machine) throws SQLException;

    void update(Machine machine) throws SQLException;

    Optional<String> inventoryJson(String machineId) throws SQLException;

    void updateInventory(String machineId, Machine.Hardware hardware, String json)
        throws SQLException;

    /** The labels of the required applications the machine lacks (null: not worked out). */
    void updateSoftwareMissing(String machineId, List<String> missing) throws SQLException;

    /**
     * The machine as this transaction last wrote it, or (on a shared database) as the database
     * holds it, locked until the commit; empty when neither applies.
     */
    Optional<Machine> current(String machineId) throws SQLException;

    /**
     * Reads and locks the rows of these machines in one statement (on a shared database), before
     * the group's requests ask for them one by one through {@link #current}.
     */
    default void lockAll(java.util.Collection<String> machineIds) throws SQLException {}
  }

  interface Events {
    void insert(String machineId, String unitCode, Instant at, String kind, String detail)
        throws SQLException;
  }

  interface Software {
    Optional<List<Inventory.Software>> list(String machineId) throws SQLException;

    /** Stores the list; false when it is the one stored already. */
    boolean replace(String machineId, List<Inventory.Software> list, Instant at)
        throws SQLException;

    /**
     * Deletes the releases no machine has and the names no release has: what lists replaced since
     * left behind. Answers how many rows went.
     */
    int collectUnused() throws SQLException;
  }

  interface Heartbeats {
    void stage(Machine updated, List<Accepted> accepted, Heartbeat newest) throws SQLException;

    int prune(Instant hourlyBefore, Instant rawBefore) throws SQLException;
  }

  record Accepted(Heartbeat heartbeat, Instant at) {}

  interface CoverageDays {
    void upsert(List<Store.CoverageDay> days) throws SQLException;

    int prune(java.time.LocalDate before) throws SQLException;
  }

  interface Shared {
    Changes changesSince(long marker) throws SQLException;

    /** Units, tokens and machine identities changed after {@code marker}; no liveness. */
    Changes writesSince(long marker) throws SQLException;
  }

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

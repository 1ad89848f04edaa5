package io.digiready.collector.store;

import io.digiready.collector.fleet.Machine;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What a transaction needs only when several collectors write one database: reading what the others
 * changed, and locking a machine's row against them. SQLite is one collector's own file: nothing to
 * read, nothing to lock ({@link #NOT_SHARED}).
 */
interface SharedDatabase {
  /**
   * What other collectors (and this one) wrote after {@code marker}; without {@code liveness}, the
   * machines whose identity, unit or retirement changed, not those that only sent heartbeats.
   */
  Tx.Changes changesSince(Statements st, long marker, boolean liveness) throws SQLException;

  /** The machine as the database holds it, locked until the commit; empty if not shared. */
  Optional<Machine> lockMachine(Statements st, String machineId) throws SQLException;

  /**
   * The machines among {@code machineIds} as the database holds them, by id, locked until the
   * commit; empty if not shared. One statement for a whole writer group, the rows locked in the
   * order of their keys so that two collectors locking overlapping groups cannot deadlock.
   */
  Map<String, Machine> lockMachines(Statements st, Collection<String> machineIds)
      throws SQLException;

  /** Locks these enrollment tokens' rows until the commit, in key order; nothing if not shared. */
  void lockEnrollmentTokens(Statements st, Collection<String> ids) throws SQLException;

  /**
   * Serialises writes to the unit tree until the commit; SQLite has one writer already. Taken
   * before the tree is read, so the second of two moves sees the first one's commit.
   */
  void lockTree(Statements st) throws SQLException;

  /**
   * The clause that locks the rows a read in a write transaction returns until the commit ({@code
   * FOR UPDATE}), so that a retire, a move and a re-enrollment of one machine through two
   * collectors run one after the other, each on the other's result; empty where not shared.
   */
  String forUpdate();

  /**
   * Moves the shared version in this transaction: a write other collectors must see before their
   * next answer was made. Its row stays locked until the commit, so the version a collector reads
   * has moved only once the write is committed and visible.
   */
  void bumpVersion(Statements st) throws SQLException;

  SharedDatabase NOT_SHARED =
      new SharedDatabase() {
        @Override
        public Tx.Changes changesSince(Statements st, long marker, boolean liveness) {
          return Tx.Changes.none(marker);
        }

        @Override
        public Optional<Machine> lockMachine(Statements st, String machineId) {
          return Optional.empty();
        }

        @Override
        public Map<String, Machine> lockMachines(Statements st, Collection<String> machineIds) {
          return Map.of();
        }

        @Override
        public void lockEnrollmentTokens(Statements st, Collection<String> ids) {}

        @Override
        public void lockTree(Statements st) {}

        @Override
        public String forUpdate() {
          return "";
        }

        @Override
        public void bumpVersion(Statements st) {}
      };
}

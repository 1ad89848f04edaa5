package io.digiready.collector.store;

import java.sql.SQLException;

/**
 * The order one transaction keeps between the heartbeat rows it stages and the rows it writes or
 * reads directly (see {@link Tx}): every rows class of the transaction asks it first.
 */
interface WriteOrder {
  /** Before a direct write: the group's staged rows first, then the request's savepoint. */
  void beforeWrite() throws SQLException;

  /** Before a direct read: the staged rows, so the read sees what earlier requests wrote. */
  void beforeRead() throws SQLException;

  /**
   * Before a direct write to a row that every collector keeps in memory (a unit, a token, a
   * machine's identity, unit or retirement): the transaction then bumps the shared version before
   * its commit, so that every collector catches up before its next answer (see {@link Freshness}).
   */
  void beforeSharedWrite() throws SQLException;
}

package io.digiready.collector.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * One write transaction on the collector's writer connection, for SQLite and PostgreSQL alike: it
 * begins, keeps the order between staged heartbeat rows and direct writes, commits or rolls back,
 * and hands out one writer per aggregate. Requests get a savepoint only when they write directly;
 * staged heartbeat rows of the whole group are written in batches (see {@link Tx}).
 */
final class JdbcTx implements Tx, WriteOrder {
  private final Statements st;
  private final Dialect dialect;
  private final SharedDatabase shared;
  private final TxKeys keys;
  private final HeartbeatWrites heartbeats;
  private final UnitRows units;
  private final TokenRows tokens;
  private final MachineWrites machines;
  private final EventRows events;
  private final SoftwareWrites software;
  private final CoverageDayRows coverageDays;

  private boolean savepointOpen;
  private boolean sharedWrite;
  private boolean committed;

  JdbcTx(
      Connection c,
      Map<String, PreparedStatement> cache,
      StoreKeys known,
      boolean keepRaw,
      Dialect dialect,
      SharedDatabase shared)
      throws SQLException {
    this.st = new Statements(c, cache);
    this.dialect = dialect;
    this.shared = shared;
    this.keys = new TxKeys(st, known);
    this.heartbeats = new HeartbeatWrites(st, keys, this, dialect, keepRaw);
    this.units = new UnitRows(st, keys, this, shared);
    this.tokens = new TokenRows(st, this, shared);
    this.machines = new MachineWrites(st, keys, this, heartbeats, shared);
    this.events = new EventRows(st, this);
    this.software = new SoftwareWrites(st, keys, this);
    this.coverageDays = new CoverageDayRows(st, keys, this);
    dialect.begin(st);
  }

  @Override
  public void savepoint() {
    // Opened lazily by the first direct write: most requests in a busy group are heartbeats that
    // only stage rows, and a SAVEPOINT and RELEASE each would be two statements per request.
    savepointOpen = false;
  }

  @Override
  public void beforeWrite() throws SQLException {
    if (heartbeats.requestStaged()) {
      throw new IllegalStateException("a request may stage heartbeats or write directly, not both");
    }
    if (!savepointOpen) {
      machines.forgetLocked();
      heartbeats.flush();
      st.exec("SAVEPOINT request");
      savepointOpen = true;
    }
  }

  @Override
  public void beforeSharedWrite() throws SQLException {
    beforeWrite();
    sharedWrite = true;
  }

  @Override
  public void beforeRead() throws SQLException {
    if (!savepointOpen) {
      heartbeats.flush();
    }
  }

  @Override
  public void releaseSavepoint() throws SQLException {
    if (savepointOpen) {
      st.exec("RELEASE request");
      savepointOpen = false;
    }
    heartbeats.release();
  }

  @Override
  public void rollbackToSavepoint() throws SQLException {
    if (savepointOpen) {
      st.exec("ROLLBACK TO request");
      st.exec("RELEASE request");
      savepointOpen = false;
    }
    heartbeats.discardRequest();
  }

  @Override
  public void commit() throws SQLException {
    heartbeats.flush();
    if (sharedWrite) {
      // Last before the commit: the version row's lock is held only for the commit itself.
      shared.bumpVersion(st);
    }
    dialect.commit(st);
    committed = true;
    keys.publish();
  }

  /** Whether this transaction committed (its connection worked to the end). */
  boolean committed() {
    return committed;
  }

  @Override
  public void rollback() {
    try {
      dialect.rollback(st);
    } catch (SQLException e) {
      // no transaction left to roll back (SQLite may already have rolled back on I/O errors)
    }
    st.discard();
  }

  @Override
  public Units units() {
    return units;
  }

  @Override
  public Tokens tokens() {
    return tokens;
  }

  @Override
  public Machines machines() {
    return machines;
  }

  @Override
  public Events events() {
    return events;
  }

  @Override
  public Software software() {
    return software;
  }

  @Override
  public Heartbeats heartbeats() {
    return heartbeats;
  }

  @Override
  public CoverageDays coverageDays() {
    return coverageDays;
  }

  @Override
  public Shared shared() {
    return new Shared() {
      @Override
      public Changes changesSince(long marker) throws SQLException {
        beforeRead();
        return shared.changesSince(st, marker, true);
      }

      @Override
      public Changes writesSince(long marker) throws SQLException {
        beforeRead();
        return shared.changesSince(st, marker, false);
      }
    };
  }
}

package io.digiready.collector.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, shared by several collectors: each has its own writer connection (its writer thread
 * commits groups there, as with SQLite) and a small pool for reads. What must stay true across
 * collectors is the database's job: a heartbeat's machine row is locked for the group that stores
 * it ({@link JdbcTx#current}), unique keys keep dictionaries single, and migrations run under an
 * advisory lock so that two collectors started together do not both apply them.
 */
public final class PostgresStore extends JdbcStore {
  /** Advisory lock keys (any constants unique to this application). */
  static final long MIGRATION_LOCK = 0x6469_6769_0001L;

  static final long LEASE_LOCK = 0x6469_6769_0002L;

  /** Held by a transaction that checks and writes the unit tree, until it ends. */
  static final long TREE_LOCK = 0x6469_6769_0003L;

  private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);

  private final String url;
  private final Properties credentials;
  private final HikariDataSource pool;
  private final Map<String, PreparedStatement> writerStatements = new HashMap<>();
  private Connection writer;

  /** The writer's last transaction and when it began: see {@link #begin}. */
  private JdbcTx lastTx;

  private long lastBegin;
  private static final long IDLE_CHECK_NANOS = 1_000_000_000L;

  /** Holds the session-level advisory lock of the lease while this collector has it. */
  private Connection leaseConnection;

  private volatile boolean lease;

  public PostgresStore(String url, String user, String password, boolean keepRaw) {
    super(Dialect.POSTGRESQL, keepRaw);
    this.url = url;
    this.credentials = new Properties();
    if (user != null && !user.isEmpty()) {
      credentials.setProperty("user", user);
    }
    if (password != null && !password.isEmpty()) {
      credentials.setProperty("password", password);
    }
    credentials.setProperty("ApplicationName", "digiready-collector");
    // A batch of INSERTs (the group's raw records, probe sums) goes as multi-row statements.
    credentials.setProperty("reWriteBatchedInserts", "true");
    try {
      writer = DriverManager.getConnection(url, credentials);
      migrate(writer);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot open the PostgreSQL database " + url + ": " + e.getMessage(), e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setDataSourceProperties(credentials);
    config.setPoolName("digiready-read");
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(5_000);
    config.setReadOnly(true);
    pool = new HikariDataSource(config);
    loadKeys();
  }

  private static void migrate(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
      lock.setLong(1, MIGRATION_LOCK);
      lock.execute();
    }
    try {
      Migrations.apply(c, Dialect.POSTGRESQL);
    } finally {
      try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        unlock.setLong(1, MIGRATION_LOCK);
        unlock.execute();
      }
    }
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public String adminTokenHash(String proposedHash) {
    try (Connection c = DriverManager.getConnection(url, credentials)) {
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO settings (name, value) VALUES ('admin_token_sha256', ?)"
                  + " ON CONFLICT (name) DO NOTHING")) {
        p.setString(1, proposedHash);
        p.executeUpdate();
      }
      try (PreparedStatement p =
              c.prepareStatement("SELECT value FROM settings WHERE name = 'admin_token_sha256'");
          ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the admin token's hash: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean holdsLease() {
    return lease;
  }

  /**
   * The lease is a PostgreSQL session-level advisory lock held on a connection of its own: it lasts
   * while that connection does, so when a collector dies (even by kill -9) the server drops it and
   * the next collector to try takes it over.
   */
  @Override
  public synchronized void renewLease() {
    try {
      if (leaseConnection == null || !leaseConnection.isValid(2)) {
        if (leaseConnection != null) {
          try {
            leaseConnection.close();
          } catch (SQLException e) {
            // broken anyway
          }
        }
        lease = false;
        leaseConnection = DriverManager.getConnection(url, credentials);
      }
      if (!lease) {
        try (PreparedStatement p =
            leaseConnection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
          p.setLong(1, LEASE_LOCK);
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            lease = rs.getBoolean(1);
          }
        }
        if (lease) {
          LOG.info(
              "this collector now holds the background lease (retention, daily figures, per-machine series)");
        }
      }
    } catch (SQLException e) {
      if (lease) {
        LOG.warn("lost the background lease: {}", e.getMessage());
      }
      lease = false;
    }
  }

  @Override
  protected <T> T read(Read<T> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return work.on(c);
    }
  }

  @Override
  public long sharedVersion() {
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement("SELECT version FROM shared_version");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StorageUnavailableException(
          "cannot read whether other collectors wrote: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean readable() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public Tx begin() {
    try {
      // isValid is a round trip of its own: under load, when the last group committed a moment
      // ago, the connection is taken as it is (a failure then fails one group, answered 503).
      boolean check =
          writer == null
              || writer.isClosed()
              || lastTx == null
              || !lastTx.committed()
              || System.nanoTime() - lastBegin > IDLE_CHECK_NANOS;
      if (check && (writer == null || !writer.isValid(2))) {
        // The server restarted or the network broke: a new connection, statements prepared anew.
        reconnect();
      }
      lastBegin = System.nanoTime();
      lastTx =
          new JdbcTx(writer, writerStatements, keys, keepRaw, dialect, SharedPostgres.INSTANCE);
      return lastTx;
    } catch (SQLException e) {
      throw new StorageUnavailableException("cannot begin a transaction: " + e.getMessage(), e);
    }
  }

  private void reconnect() throws SQLException {
    for (PreparedStatement p : writerStatements.values()) {
      try {
        p.close();
      } catch (SQLException e) {
        // the connection is gone anyway
      }
    }
    writerStatements.clear();
    if (writer != null) {
      try {
        writer.close();
      } catch (SQLException e) {
        // already broken
      }
    }
    writer = DriverManager.getConnection(url, credentials);
  }

  @Override
  public synchronized void close() {
    for (Connection c : new Connection[] {writer, leaseConnection}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (SQLException e) {
        // closing at shutdown
      }
    }
    lease = false;
    pool.close();
  }
}

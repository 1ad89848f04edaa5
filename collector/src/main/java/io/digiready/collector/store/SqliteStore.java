package io.digiready.collector.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * SQLite in WAL mode: one writer connection (the writer thread's) and one read connection for admin
 * reads, which WAL lets run beside the writer.
 */
public final class SqliteStore extends JdbcStore {
  private final Connection writer;
  private final Connection reader;
  private final Map<String, PreparedStatement> writerStatements = new java.util.HashMap<>();

  /**
   * @param keepRaw whether heartbeats are also kept as raw records (rawHeartbeatRetentionDays > 0)
   */
  public SqliteStore(Path file, String synchronous, boolean keepRaw) {
    super(Dialect.SQLITE, keepRaw);
    try {
      OwnerOnly.directory(file.toAbsolutePath().getParent());
      OwnerOnly.databaseFiles(file);
      String url = "jdbc:sqlite:" + file.toAbsolutePath();
      writer = open(url, synchronous);
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
      }
      Migrations.apply(writer, dialect);
      reader = open(url, synchronous);
      loadKeys();
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("cannot open database " + file + ": " + e.getMessage(), e);
    }
  }

  private static Connection open(String url, String synchronous) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous));
    config.setBusyTimeout(5000);
    config.enforceForeignKeys(true);
    // 64 MiB of page cache: heartbeats of thousands of machines touch pages all over the B-trees.
    config.setCacheSize(-65536);
    // sqlite-jdbc would otherwise run SELECT last_insert_rowid() after every INSERT to serve
    // getGeneratedKeys(), which the collector never calls (keys come back with RETURNING).
    config.setGetGeneratedKeys(false);
    return DriverManager.getConnection(url, config.toProperties());
  }

  @Override
  public synchronized boolean readable() {
    try (Statement s = reader.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public Tx begin() {
    try {
      return new JdbcTx(
          writer, writerStatements, keys, keepRaw, dialect, SharedDatabase.NOT_SHARED);
    } catch (SQLException e) {
      throw new StorageUnavailableException("cannot begin a transaction: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    for (PreparedStatement p : writerStatements.values()) {
      try {
        p.close();
      } catch (SQLException e) {
        // closing at shutdown
      }
    }
    for (Connection c : List.of(reader, writer)) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing at shutdown: nothing left to do with the error
      }
    }
  }

  @Override
  protected synchronized <T> T read(Read<T> work) throws SQLException {
    return work.on(reader);
  }
}

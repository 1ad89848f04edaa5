package io.digiready.collector.backup;

import io.digiready.collector.store.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.sqlite.SQLiteConfig;

/**
 * Online backup and offline restore of the collector's SQLite database.
 *
 * <p>A backup is {@code VACUUM INTO}: a consistent snapshot taken through a read-only connection
 * while the collector keeps serving (WAL lets readers run beside the writer). A restore replaces
 * the database only while no collector holds the data directory's lock, and keeps the replaced file
 * beside it.
 */
public final class Backups {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Backups() {}

  /** Writes a consistent copy of {@code database} to {@code target}, which must not exist. */
  public static void backup(Path database, Path target) throws IOException, SQLException {
    if (!Files.isRegularFile(database)) {
      throw new IOException("no database at " + database);
    }
    if (Files.exists(target)) {
      throw new IOException(target + " exists already; choose a new file name");
    }
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    // An empty owner-only file first: VACUUM INTO fills an empty file and keeps its mode, so the
    // copy of every serial and token hash is never readable by others, whatever the umask.
    OwnerOnly.file(target);
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    readOnly.setBusyTimeout(30_000);
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + database, readOnly.toProperties());
        PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
      vacuum.setString(1, target.toString());
      vacuum.execute();
    }
    fsync(target);
    String check = integrity(target);
    if (!check.equals("ok")) {
      throw new IOException("the backup " + target + " failed its integrity check: " + check);
    }
  }

  /**
   * Replaces {@code <dataDir>/<databaseFile>} with {@code source} after checking it; refuses while
   * a collector uses the data directory. Returns where the replaced database was kept, or null.
   */
  public static Path restore(Path source, Path dataDir, String databaseFile)
      throws IOException, SQLException {
    if (!Files.isRegularFile(source)) {
      throw new IOException("no backup at " + source);
    }
    String check = integrity(source);
    if (!check.equals("ok")) {
      throw new IOException(source + " is not a sound SQLite database: " + check);
    }
    try (DataDirLock ignored = DataDirLock.acquire(dataDir, "restoring into it")) {
      Path database = dataDir.resolve(databaseFile);
      Path staging = dataDir.resolve(databaseFile + ".restoring");
      Files.copy(source, staging, StandardCopyOption.REPLACE_EXISTING);
      OwnerOnly.narrow(staging);
      fsync(staging);
      Path kept = null;
      if (Files.exists(database)) {
        kept = dataDir.resolve(databaseFile + ".before-restore-" + STAMP.format(Instant.now()));
        Files.move(database, kept, StandardCopyOption.ATOMIC_MOVE);
      }
      // The old write-ahead log belongs to the old file: replayed onto the restored one it would
      // corrupt it.
      for (String suffix : new String[] {"-wal", "-shm"}) {
        Path side = dataDir.resolve(databaseFile + suffix);
        if (kept != null && Files.exists(side)) {
          Files.move(side, kept.resolveSibling(kept.getFileName() + suffix));
        } else {
          Files.deleteIfExists(side);
        }
      }
      Files.move(staging, database, StandardCopyOption.ATOMIC_MOVE);
      fsync(dataDir);
      return kept;
    }
  }

  static String integrity(Path database) throws SQLException {
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + database, readOnly.toProperties());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      return rs.next() ? rs.getString(1) : "no answer";
    }
  }

  private static void fsync(Path path) throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            path, Files.isDirectory(path) ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.backup.Backups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database, its WAL and shared-memory files and every backup hold serials and token hashes:
 * they are created owner-only (0600) whatever the umask, and an older install's files are narrowed
 * at start.
 */
class DataFileModesTest {
  @TempDir Path dir;

  static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void the_database_its_wal_and_backups_are_owner_only() throws Exception {
    Path data = dir.resolve("data");
    Path db = data.resolve(Collector.DATABASE_FILE);
    try (TestCollector c = new TestCollector(data)) {
      c.createUnit("a", "Xã A", null, "commune", 1);
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Path file = data.resolve(Collector.DATABASE_FILE + suffix);
        assertThat(file).exists();
        assertThat(mode(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
      }
      assertThat(mode(data)).isEqualTo("rwx------");
      Path backup = dir.resolve("backups").resolve("copy.db");
      Backups.backup(db, backup);
      assertThat(mode(backup)).isEqualTo("rw-------");
    }
    // A database left readable by an older version is narrowed at the next start.
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
    try (TestCollector again = new TestCollector(data)) {
      assertThat(mode(db)).isEqualTo("rw-------");
    }
    Backups.restore(dir.resolve("backups").resolve("copy.db"), data, Collector.DATABASE_FILE);
    assertThat(mode(db)).isEqualTo("rw-------");
  }
}

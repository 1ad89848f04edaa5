package io.digiready.collector;

import io.digiready.collector.backup.Backups;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code backup FILE} and {@code restore FILE}: one line on success, one clear line on failure. */
final class BackupCommands {
  private BackupCommands() {}

  static int run(String command, Path file, io.digiready.collector.config.CollectorConfig config) {
    if (config.storage().postgresql()) {
      // PostgreSQL has its own consistent, online tools; a second copy of them here would only
      // be worse.
      System.err.println(
          "digiready-collector "
              + command
              + ": the data is in PostgreSQL ("
              + config.storage().jdbcUrl()
              + "); use its tools: pg_dump --format=custom --file=digiready.dump DATABASE"
              + " (online, consistent) and pg_restore --clean --if-exists --dbname=DATABASE"
              + " digiready.dump with every collector stopped");
      return 1;
    }
    Path dataDir = config.dataDir();
    Path database = dataDir.resolve(Collector.DATABASE_FILE);
    try {
      if (command.equals("backup")) {
        Backups.backup(database, file);
        System.out.println(
            "backup of " + database + " written to " + file + " (" + Files.size(file) + " bytes)");
      } else {
        Path kept = Backups.restore(file, dataDir, Collector.DATABASE_FILE);
        System.out.println(
            "restored "
                + database
                + " from "
                + file
                + (kept == null ? "" : "; the replaced database is kept as " + kept));
      }
      return 0;
    } catch (Exception e) {
      System.err.println("digiready-collector " + command + ": " + e.getMessage());
      return 1;
    }
  }
}

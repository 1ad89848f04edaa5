package io.digiready.collector;

import io.digiready.collector.backup.Backups;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code backup FILE} and {@code restore FILE}: one line on success, one clear line on failure. */
final class BackupCommands {
  private BackupCommands() {}

  static int run(String command, Path file, Path dataDir) {
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

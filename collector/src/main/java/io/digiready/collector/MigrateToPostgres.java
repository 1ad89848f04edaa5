package io.digiready.collector;

import io.digiready.collector.backup.Backups;
import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.coverage.CoverageCalculator;
import io.digiready.collector.coverage.UnitCoverage;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Tokens;
import io.digiready.collector.store.SqliteStore;
import io.digiready.collector.store.SqliteToPostgres;
import io.digiready.collector.store.Store;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * {@code migrate-to-postgresql}: a site that outgrows one node copies its SQLite database into
 * PostgreSQL, then starts its collectors with {@code storage=postgresql}. The copy is made from a
 * consistent snapshot of the live file, so the collector may keep serving meanwhile (what arrives
 * after the snapshot is not copied: stop the collector first for a complete move).
 */
final class MigrateToPostgres {
  static final String NAME = "migrate-to-postgresql";

  private MigrateToPostgres() {}

  static int run(CollectorConfig config, PrintStream out) {
    Path database = config.dataDir().resolve(Collector.DATABASE_FILE);
    Path snapshot = null;
    try {
      if (!Files.isRegularFile(database)) {
        throw new IllegalStateException("no SQLite database at " + database);
      }
      snapshot = Files.createTempFile(config.dataDir(), "migrate-", ".db");
      Files.delete(snapshot);
      Backups.backup(database, snapshot);
      out.println("snapshot of " + database + " taken");
      var storage = config.storage();
      // Opening the store creates the schema (migrations) in the empty database.
      try (Store target = Collector.store(config)) {
        out.println("schema ready in " + storage.jdbcUrl());
      }
      Properties credentials = new Properties();
      if (!storage.jdbcUser().isEmpty()) {
        credentials.setProperty("user", storage.jdbcUser());
      }
      String password = Collector.password(storage.jdbcPasswordFile());
      if (password != null) {
        credentials.setProperty("password", password);
      }
      SqliteToPostgres.Copied copied;
      try (Connection c = DriverManager.getConnection(storage.jdbcUrl(), credentials)) {
        copied = SqliteToPostgres.copy(snapshot, c, out);
      }
      boolean same = true;
      for (var e : copied.rows().entrySet()) {
        long[] n = e.getValue();
        if (n[0] != n[1]) {
          out.printf("%s: %d rows in SQLite but %d in PostgreSQL%n", e.getKey(), n[0], n[1]);
          same = false;
        }
      }
      out.println(same ? "row counts: every table identical" : "row counts differ");
      boolean figures = sameFigures(config, snapshot, out);
      Path tokenFile = config.dataDir().resolve(AdminTokenFile.NAME);
      if (Files.isRegularFile(tokenFile)) {
        try (Store target = Collector.store(config)) {
          String hash = Tokens.sha256Hex(Files.readString(tokenFile).strip());
          boolean kept = target.adminTokenHash(hash).equals(hash);
          out.println(
              kept
                  ? "admin token: the one in " + tokenFile + " works with every collector"
                  : "admin token: the database already had another one");
        }
      }
      if (!same || !figures) {
        return 1;
      }
      out.println(
          "done: start the collectors with storage=postgresql and jdbcUrl="
              + storage.jdbcUrl()
              + "; keep "
              + database
              + " until they run");
      return 0;
    } catch (Exception e) {
      System.err.println("digiready-collector " + NAME + ": " + e.getMessage());
      return 1;
    } finally {
      if (snapshot != null) {
        try {
          Files.deleteIfExists(snapshot);
        } catch (java.io.IOException e) {
          // a temp file left in the data directory
        }
      }
    }
  }

  /** Every unit's figures computed from both databases at the same instant, compared. */
  private static boolean sameFigures(CollectorConfig config, Path snapshot, PrintStream out) {
    Instant now = Instant.now();
    CoverageCalculator calculator = new CoverageCalculator(config);
    List<UnitCoverage> before;
    List<UnitCoverage> after;
    try (Store sqlite = new SqliteStore(snapshot, "NORMAL", true);
        Store postgres = Collector.store(config)) {
      before = calculator.compute(fleet(sqlite), now);
      after = calculator.compute(fleet(postgres), now);
    }
    boolean same = before.equals(after);
    out.println(
        same
            ? "figures: all " + before.size() + " units identical"
            : "figures differ between SQLite and PostgreSQL");
    return same;
  }

  private static Fleet fleet(Store store) {
    Fleet fleet = new Fleet();
    fleet.load(store.loadUnits(), store.loadMachines(), store.loadActiveEnrollmentTokens());
    return fleet;
  }
}

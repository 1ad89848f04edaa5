package io.digiready.collector.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a collector's SQLite database into an empty PostgreSQL schema, for a site that grows from
 * one node to several collectors. The source is a consistent snapshot (a backup of the live file),
 * the copy is one PostgreSQL transaction, and afterwards every table's row count is compared.
 */
public final class SqliteToPostgres {
  /** Tables in an order that satisfies the foreign keys (units parents first, see below). */
  static final List<String> TABLES =
      List.of(
          "units",
          "enrollment_tokens",
          "viewer_tokens",
          "machines",
          "events",
          "unit_keys",
          "machine_state",
          "probe_targets",
          "machine_days",
          "unit_days",
          "unit_probe_days",
          "raw_heartbeat_hours",
          "unit_coverage_days",
          "software_names",
          "software_releases",
          "machine_software");

  /** Identity columns whose values the copy keeps, so that the compact tables' keys still match. */
  private static final Map<String, String> KEPT_IDENTITIES =
      Map.of(
          "unit_keys",
          "uid",
          "machine_state",
          "mid",
          "probe_targets",
          "target_id",
          "events",
          "id",
          "raw_heartbeat_hours",
          "id",
          "software_names",
          "sid",
          "software_releases",
          "vid");

  private SqliteToPostgres() {}

  /** Rows per table in the source and in the target, after the copy. */
  public record Copied(Map<String, long[]> rows) {
    public boolean complete() {
      return rows.values().stream().allMatch(r -> r[0] == r[1]);
    }
  }

  /**
   * @param snapshot a consistent copy of the SQLite database (see {@code Backups.backup})
   * @param target an open connection to the PostgreSQL database, migrated and empty
   */
  public static Copied copy(Path snapshot, Connection target, PrintStream out) throws SQLException {
    try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + snapshot)) {
      try (Statement s = target.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM units")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          throw new IllegalStateException(
              "the PostgreSQL database already holds units: migrate into an empty one");
        }
      }
      target.setAutoCommit(false);
      try {
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
          long n = copyTable(source, target, table);
          rows.put(table, new long[] {n, 0});
          out.printf("copied %,d rows of %s%n", n, table);
        }
        for (var e : KEPT_IDENTITIES.entrySet()) {
          // The copied keys came with their values: new rows continue after the largest.
          try (Statement s = target.createStatement()) {
            s.execute(
                "SELECT setval(pg_get_serial_sequence('"
                    + e.getKey()
                    + "', '"
                    + e.getValue()
                    + "'), GREATEST((SELECT MAX("
                    + e.getValue()
                    + ") FROM "
                    + e.getKey()
                    + "), 1))");
          }
        }
        target.commit();
        for (String table : TABLES) {
          rows.get(table)[1] = count(target, table);
        }
        return new Copied(rows);
      } catch (SQLException | RuntimeException e) {
        target.rollback();
        throw e;
      } finally {
        target.setAutoCommit(true);
      }
    }
  }

  private static long copyTable(Connection source, Connection target, String table)
      throws SQLException {
    String order = table.equals("units") ? unitsParentsFirst(source) : "";
    try (Statement s = source.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + order)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i));
      }
      boolean identityAlways = table.equals("events") || table.equals("raw_heartbeat_hours");
      String insert =
          "INSERT INTO "
              + table
              + " ("
              + String.join(", ", columns)
              + ")"
              + (identityAlways ? " OVERRIDING SYSTEM VALUE" : "")
              + " VALUES ("
              + String.join(", ", Collections.nCopies(columns.size(), "?"))
              + ")";
      long n = 0;
      try (PreparedStatement p = target.prepareStatement(insert)) {
        while (rs.next()) {
          for (int i = 1; i <= columns.size(); i++) {
            Object value = rs.getObject(i);
            p.setObject(i, value);
          }
          p.addBatch();
          if (++n % 1000 == 0) {
            p.executeBatch();
          }
        }
        p.executeBatch();
      }
      return n;
    }
  }

  /** Units ordered so that every parent comes before its children (a foreign key). */
  private static String unitsParentsFirst(Connection source) throws SQLException {
    // Depth from the root, computed iteratively in SQL: a recursive CTE SQLite understands.
    try (Statement s = source.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE unit_depth AS WITH RECURSIVE d(code, depth) AS ("
              + " SELECT code, 0 FROM units WHERE parent IS NULL"
              + " UNION ALL SELECT u.code, d.depth + 1 FROM units u JOIN d ON u.parent = d.code)"
              + " SELECT code, depth FROM d");
    }
    return " ORDER BY (SELECT depth FROM unit_depth WHERE unit_depth.code = units.code), code";
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Row counts of the source snapshot, to compare with the target's. */
  public static Map<String, Long> counts(Path snapshot) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + snapshot)) {
      for (String table : TABLES) {
        out.put(table, count(c, table));
      }
    }
    return out;
  }
}

package io.digiready.collector.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies the numbered steps the database has not seen yet, each in its own transaction: SQL
 * scripts under {@code db/}, and Java steps where data must be converted (JSON to binary).
 */
final class Migrations {
  /** One step: a script name, or a Java conversion with its name. */
  record Step(String name, JavaStep code) {
    static Step sql(String script) {
      return new Step(script, null);
    }
  }

  interface JavaStep {
    void run(Connection c) throws SQLException;
  }

  /** SQLite's steps, from the first release on (upgrades must keep working). */
  static final List<Step> SQLITE =
      List.of(
          Step.sql("V001__init.sql"),
          Step.sql("V002__viewer_tokens.sql"),
          Step.sql("V003__unit_heartbeat_hours.sql"),
          Step.sql("V004__compact_storage.sql"),
          new Step("V005__heartbeats_to_binary", HeartbeatsToBinary::run),
          Step.sql("V006__drop_moved_columns.sql"),
          Step.sql("V010__machine_possible_duplicate.sql"),
          Step.sql("V011__enrollment_token_limits.sql"),
          Step.sql("V020__unit_coverage_days.sql"),
          Step.sql("V030__software.sql"),
          new Step("V031__software_from_inventory", SoftwareFromInventory::run),
          Step.sql("V032__coverage_days_protection.sql"),
          Step.sql("V040__raw_heartbeat_parts.sql"));

  /**
   * PostgreSQL's steps. Its history starts at the compact schema (there are no older PostgreSQL
   * databases to upgrade), so its V001 is SQLite's V001 to V006 in one script.
   */
  static final List<Step> POSTGRESQL =
      List.of(
          Step.sql("V001__schema.sql"),
          Step.sql("V002__changes.sql"),
          Step.sql("V010__machine_possible_duplicate.sql"),
          Step.sql("V011__enrollment_token_limits.sql"),
          Step.sql("V020__unit_coverage_days.sql"),
          Step.sql("V030__software.sql"),
          new Step("V031__software_from_inventory", SoftwareFromInventory::run),
          Step.sql("V032__coverage_days_protection.sql"),
          Step.sql("V040__raw_heartbeat_parts.sql"));

  static List<Step> steps(Dialect dialect) {
    return dialect == Dialect.SQLITE ? SQLITE : POSTGRESQL;
  }

  private Migrations() {}

  static int apply(Connection c, Dialect dialect) throws SQLException {
    return apply(c, dialect, steps(dialect).size());
  }

  /** Applies the steps up to version {@code upTo} (tests build older databases with it). */
  static int apply(Connection c, Dialect dialect, int upTo) throws SQLException {
    List<Step> steps = steps(dialect);
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_migrations"
              + " (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    }
    int current = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) {
      rs.next();
      current = rs.getInt(1);
    }
    int applied = 0;
    for (int i = current; i < upTo; i++) {
      Step step = steps.get(i);
      String script = step.name();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        if (step.code() != null) {
          step.code().run(c);
        } else {
          for (String sql : statements(read(dialect, script))) {
            s.execute(sql);
          }
        }
        try (PreparedStatement p =
            c.prepareStatement("INSERT INTO schema_migrations VALUES (?, ?, ?)")) {
          p.setInt(1, i + 1);
          p.setString(2, script);
          p.setLong(3, System.currentTimeMillis());
          p.executeUpdate();
        }
        c.commit();
        applied++;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
    return applied;
  }

  private static String read(Dialect dialect, String script) {
    try (InputStream in =
        Migrations.class.getResourceAsStream("/db/" + dialect.folder() + "/" + script)) {
      if (in == null) {
        throw new IllegalStateException("missing migration script " + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration script " + script, e);
    }
  }

  /**
   * The statements of a script: split at semicolons, except inside a {@code $$ ... $$} body (a
   * PostgreSQL function); comment lines dropped.
   */
  static List<String> statements(String text) {
    StringBuilder clean = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.strip().startsWith("--")) {
        clean.append(line).append('\n');
      }
    }
    List<String> out = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean body = false;
    String sql = clean.toString();
    for (int i = 0; i < sql.length(); i++) {
      if (sql.startsWith("$$", i)) {
        body = !body;
        current.append("$$");
        i++;
      } else if (sql.charAt(i) == ';' && !body) {
        out.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(sql.charAt(i));
      }
    }
    out.add(current.toString().strip());
    return out.stream().filter(s -> !s.isEmpty()).toList();
  }
}

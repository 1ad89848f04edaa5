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

  static final List<Step> STEPS =
      List.of(
          Step.sql("V001__init.sql"),
          Step.sql("V002__viewer_tokens.sql"),
          Step.sql("V003__unit_heartbeat_hours.sql"),
          Step.sql("V004__compact_storage.sql"),
          new Step("V005__heartbeats_to_binary", HeartbeatsToBinary::run),
          Step.sql("V006__drop_moved_columns.sql"),
          Step.sql("V010__machine_possible_duplicate.sql"),
          Step.sql("V011__enrollment_token_limits.sql"));

  private Migrations() {}

  static int apply(Connection c) throws SQLException {
    return apply(c, STEPS.size());
  }

  /** Applies the steps up to version {@code upTo} (tests build older databases with it). */
  static int apply(Connection c, int upTo) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_migrations"
              + " (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    }
    int current = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) {
      current = rs.getInt(1);
    }
    int applied = 0;
    for (int i = current; i < upTo; i++) {
      Step step = STEPS.get(i);
      String script = step.name();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        if (step.code() != null) {
          step.code().run(c);
        } else {
          for (String sql : statements(read(script))) {
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

  private static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream("/db/" + script)) {
      if (in == null) {
        throw new IllegalStateException("missing migration script " + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration script " + script, e);
    }
  }

  static List<String> statements(String text) {
    StringBuilder clean = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.strip().startsWith("--")) {
        clean.append(line).append('\n');
      }
    }
    return java.util.Arrays.stream(clean.toString().split(";"))
        .map(String::strip)
        .filter(sql -> !sql.isEmpty())
        .toList();
  }
}

package io.digiready.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database made by an older collector is upgraded in place, with the new tables filled. */
class MigrationsTest {
  @TempDir Path dir;

  @Test
  void unit_hours_are_backfilled_from_the_machine_hours_of_an_older_database() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("old.db");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE schema_migrations"
              + " (version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at INTEGER NOT NULL)");
      for (String sql :
          Migrations.statements(
              new String(
                  MigrationsTest.class.getResourceAsStream("/db/V001__init.sql").readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8))) {
        s.execute(sql);
      }
      s.execute("INSERT INTO schema_migrations VALUES (1, 'V001__init.sql', 0)");
      s.execute(
          "INSERT INTO machines (id, unit_code, token_hash, hostname, enrolled_at) VALUES"
              + " ('m1', 'a', 'h1', 'pc1', 0), ('m2', 'a', 'h2', 'pc2', 0), ('m3', 'b', 'h3', 'pc3', 0)");
      s.execute(
          "INSERT INTO heartbeat_hours VALUES ('m1', 3600000, 60, 60), ('m2', 3600000, 30, 10),"
              + " ('m3', 3600000, 5, 0), ('m1', 7200000, 1, 1)");

      assertThat(Migrations.apply(c)).isEqualTo(Migrations.SCRIPTS.size() - 1);

      try (ResultSet rs =
          s.executeQuery(
              "SELECT unit_code, hour, machines, heartbeats, internet_up FROM unit_heartbeat_hours"
                  + " ORDER BY unit_code, hour")) {
        StringBuilder rows = new StringBuilder();
        while (rs.next()) {
          rows.append(rs.getString(1))
              .append(' ')
              .append(rs.getLong(2))
              .append(' ')
              .append(rs.getLong(3))
              .append(' ')
              .append(rs.getLong(4))
              .append(' ')
              .append(rs.getLong(5))
              .append('\n');
        }
        assertThat(rows.toString())
            .isEqualTo("a 3600000 2 90 70\na 7200000 1 1 1\nb 3600000 1 5 0\n");
      }
      assertThat(Migrations.apply(c)).isZero();
    }
  }
}

package io.digiready.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteToPostgresTest {
  @TempDir Path dir;

  @Test
  void the_move_to_postgresql_copies_every_table_sqlite_has() throws Exception {
    Path file = dir.resolve("digiready.db");
    new SqliteStore(file, "FULL", true).close();
    List<String> tables = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT name FROM sqlite_schema WHERE type = 'table'"
                        + " AND name NOT IN ('schema_migrations', 'sqlite_sequence')")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    assertThat(SqliteToPostgres.TABLES).containsExactlyInAnyOrderElementsOf(tables);
  }
}

package io.digiready.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.protocol.Heartbeat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  @TempDir Path dir;

  private static final String HEARTBEAT_JSON =
      "{\"machineId\":\"m1\",\"seq\":%d,\"agentTime\":\"%s\",\"uptimeSeconds\":3600,"
          + "\"probes\":[{\"target\":\"https://dichvucong.gov.vn\",\"kind\":\"http\","
          + "\"internet\":true,\"ok\":false,\"latencyMillis\":null,\"error\":\"timeout\","
          + "\"detail\":\"no answer in 5 s\"}],\"internetUp\":false,"
          + "\"memoryUsedBytes\":3100000000,\"systemDiskFreeBytes\":52000000000,"
          + "\"systemDiskTotalBytes\":120000000000}";

  @Test
  void unit_hours_are_backfilled_from_the_machine_hours_of_an_older_database() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("old.db");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      assertThat(Migrations.apply(c, Dialect.SQLITE, 1)).isEqualTo(1);
      s.execute(
          "INSERT INTO machines (id, unit_code, token_hash, hostname, enrolled_at) VALUES"
              + " ('m1', 'a', 'h1', 'pc1', 0), ('m2', 'a', 'h2', 'pc2', 0), ('m3', 'b', 'h3', 'pc3', 0)");
      s.execute(
          "INSERT INTO heartbeat_hours VALUES ('m1', 3600000, 60, 60), ('m2', 3600000, 30, 10),"
              + " ('m3', 3600000, 5, 0), ('m1', 7200000, 1, 1)");

      assertThat(Migrations.apply(c, Dialect.SQLITE, 3)).isEqualTo(2);

      assertThat(
              rows(
                  s,
                  "SELECT unit_code, hour, machines, heartbeats, internet_up"
                      + " FROM unit_heartbeat_hours ORDER BY unit_code, hour"))
          .isEqualTo("a 3600000 2 90 70\na 7200000 1 1 1\nb 3600000 1 5 0\n");
    }
  }

  /** A database as the collector of 2026-11-29 left it, with every kind of row it wrote. */
  private void oldDatabase(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      Migrations.apply(c, Dialect.SQLITE, 3);
      long now = Instant.parse("2026-11-28T03:10:00Z").toEpochMilli();
      long hour = now / 3_600_000 * 3_600_000;
      s.execute(
          "INSERT INTO units (code, name, parent, kind, staff, equipment_target,"
              + " connectivity_target, created_at, updated_at) VALUES"
              + " ('a', 'Xã A', NULL, 'commune', 3, 1.0, 0.98, 0, 0)");
      s.execute(
          "INSERT INTO machines (id, unit_code, token_hash, hostname, enrolled_at, last_seen_at,"
              + " last_heartbeat_at, last_seq, lost_heartbeats, last_internet_up,"
              + " last_internet_ok_at, memory_used_bytes, disk_free_bytes, disk_total_bytes,"
              + " last_heartbeat, memory_bytes, logical_cpus) VALUES"
              + " ('m1', 'a', 'h1', 'pc1', 0, "
              + now
              + ", "
              + now
              + ", 2, 1, 0, "
              + (now - 60_000)
              + ", 3100000000, 52000000000, 120000000000, '"
              + String.format(HEARTBEAT_JSON, 2, "2026-11-28T03:10:00Z")
              + "', 8589934592, 4)");
      s.execute("INSERT INTO heartbeat_hours VALUES ('m1', " + hour + ", 2, 1), ('m1', 0, 1, 1)");
      s.execute("INSERT INTO unit_heartbeat_hours VALUES ('a', " + hour + ", 1, 2, 1)");
      s.execute(
          "INSERT INTO probe_hours VALUES ('m1', "
              + hour
              + ", 'https://dichvucong.gov.vn', 'http', 1, 1, 1, 85, 85)");
      s.execute(
          "INSERT INTO raw_heartbeats VALUES ('m1', 2, "
              + now
              + ", '"
              + String.format(HEARTBEAT_JSON, 2, "2026-11-28T03:10:00Z")
              + "')");
    }
  }

  @Test
  void an_older_database_keeps_its_figures_and_heartbeats_in_the_compact_tables() throws Exception {
    Path file = dir.resolve("digiready.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      oldDatabase(c);
    }
    try (SqliteStore store = new SqliteStore(file, "FULL", true)) {
      Instant hour = Instant.parse("2026-11-28T03:00:00Z");
      assertThat(store.unitHistory(Set.of("a"), hour, hour.plusSeconds(3600)))
          .containsExactly(new Store.UnitHourBucket(hour, 1, 2, 1));
      var history = store.history("m1", Instant.EPOCH, hour.plusSeconds(3600));
      assertThat(history).hasSize(2);
      assertThat(history.get(0).hour()).isEqualTo(Instant.EPOCH);
      assertThat(history.get(1).heartbeats()).isEqualTo(2);
      assertThat(history.get(1).internetUp()).isEqualTo(1);
      // Probe results per machine now come from the raw records, converted from JSON.
      assertThat(history.get(1).probes())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.target()).isEqualTo("https://dichvucong.gov.vn");
                assertThat(p.failures()).isEqualTo(1);
              });
      assertThat(
              store.unitProbeDays(
                  Set.of("a"), LocalDate.parse("2026-11-28"), LocalDate.parse("2026-11-28")))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.probe().successes()).isEqualTo(1);
                assertThat(d.probe().failures()).isEqualTo(1);
                assertThat(d.probe().meanLatencyMillis()).isEqualTo(85.0);
              });
      Heartbeat last = store.lastHeartbeat("m1").orElseThrow();
      assertThat(last.seq()).isEqualTo(2);
      assertThat(last.memoryUsedBytes()).isEqualTo(3_100_000_000L);
      assertThat(last.probes().get(0).detail()).isEqualTo("no answer in 5 s");
      assertThat(last.probes().get(0).error()).isEqualTo("timeout");
      var machine = store.loadMachines().get(0);
      assertThat(machine.liveness().lastSeq()).isEqualTo(2);
      assertThat(machine.liveness().lostHeartbeats()).isEqualTo(1);
      assertThat(machine.hardware().logicalCpus()).isEqualTo(4);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      assertThat(rows(s, "SELECT name FROM sqlite_schema WHERE type = 'table'").lines())
          .contains("machine_days", "unit_days", "raw_heartbeat_hours")
          .doesNotContain("heartbeat_hours", "probe_hours", "raw_heartbeats");
      assertThat(rows(s, "SELECT name FROM pragma_table_info('machines')").lines())
          .contains("hostname", "inventory")
          .doesNotContain("last_seq", "last_heartbeat");
      // The converted records stay readable (above) as part 0 of their hour.
      assertThat(rows(s, "SELECT mid || ' ' || part FROM raw_heartbeat_hours").lines())
          .allMatch(r -> r.endsWith(" 0"))
          .isNotEmpty();
      assertThat(Migrations.apply(c, Dialect.SQLITE)).isZero();
    }
  }

  @Test
  void inventories_stored_before_the_software_tables_give_their_lists_and_protection()
      throws Exception {
    Path file = dir.resolve("digiready.db");
    String inventory =
        "{\"schemaVersion\":1,\"hostname\":\"pc1\",\"disks\":[],\"fileSystems\":[],"
            + "\"networkInterfaces\":[],"
            + "\"software\":[{\"name\":\"Zalo\",\"version\":\"24.11.1\",\"vendor\":null,"
            + "\"installDate\":\"2026-10-02\"},{\"name\":\"Unikey\"}],"
            + "\"protection\":{\"antiMalware\":[{\"name\":\"Windows Defender\","
            + "\"enabled\":false,\"upToDate\":true}],\"source\":\"securityCenter\"},"
            + "\"updates\":{\"lastInstalledAt\":\"2026-11-12T17:00:00Z\",\"rebootPending\":true}}";
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      oldDatabase(c);
      Migrations.apply(c, Dialect.SQLITE, 6);
      try (var p = c.prepareStatement("UPDATE machines SET inventory = ?, inventory_at = 5")) {
        p.setString(1, inventory);
        p.executeUpdate();
      }
    }
    try (SqliteStore store = new SqliteStore(file, "FULL", true)) {
      var machine = store.loadMachines().get(0);
      assertThat(machine.hardware().antiMalware())
          .isEqualTo(
              new io.digiready.collector.fleet.Machine.AntiMalware(
                  io.digiready.collector.fleet.Machine.AntiMalware.State.DISABLED,
                  "Windows Defender"));
      assertThat(machine.hardware().osUpdatedAt()).isEqualTo(Instant.parse("2026-11-12T17:00:00Z"));
      var list = store.software("m1").orElseThrow();
      assertThat(list.reportedAt()).isEqualTo(Instant.ofEpochMilli(5));
      assertThat(list.software())
          .containsExactly(
              new io.digiready.protocol.Inventory.Software("Unikey", null, null, null),
              new io.digiready.protocol.Inventory.Software(
                  "Zalo", "24.11.1", null, LocalDate.parse("2026-10-02")));
      assertThat(store.inventoryJson("m1").orElseThrow())
          .doesNotContain("\"software\"")
          .contains("\"rebootPending\":true");
      assertThat(store.installations("ZALO")).hasSize(1);
    }
  }

  private static String rows(Statement s, String sql) throws Exception {
    StringBuilder rows = new StringBuilder();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          rows.append(i > 1 ? " " : "").append(rs.getString(i));
        }
        rows.append('\n');
      }
    }
    return rows.toString();
  }

  @Test
  void every_script_expands_fully_for_both_engines() {
    for (Dialect d : Dialect.values()) {
      for (Migrations.Step step : Migrations.steps(d)) {
        if (step.code() == null) {
          assertThat(Migrations.read(d, step.name()))
              .as(d + " " + step.name())
              .doesNotContain("${")
              .doesNotContain("@hours");
        }
      }
    }
    assertThat(Migrations.read(Dialect.POSTGRESQL, "V030__software.sql"))
        .contains("sid INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
        .contains("mid BIGINT NOT NULL");
    assertThat(Migrations.read(Dialect.SQLITE, "V030__software.sql"))
        .contains("sid INTEGER PRIMARY KEY")
        .contains(") WITHOUT ROWID;");
  }

  @Test
  void hourly_columns_are_written_once_and_expand_to_24() {
    String day = Migrations.expand("(@hours[h{hh} INTEGER], @hours[{h}])", Dialect.SQLITE);
    assertThat(day)
        .startsWith("(h00 INTEGER, h01 INTEGER, ")
        .contains("h23 INTEGER, 0, 1, 2, ")
        .endsWith(", 22, 23)");
    assertThat(day.split("INTEGER", -1)).hasSize(25);
  }
}

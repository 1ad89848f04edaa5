package io.digiready.collector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the software inventory keeps, in bytes of its three tables and their indexes (SQLite's
 * dbstat pages, PostgreSQL's pg_total_relation_size): per machine for a list of {@code apps}
 * applications shared by a fleet of {@code machines} PCs (a catalogue with a few versions, as real
 * fleets have), and how the tables grow when one machine sends 30 lists of 2,000 ever new long
 * names, before and after the hourly collection. Everything goes through the real HTTP API.
 *
 * <p>Lives beside TestCollector for the collector's hourly pruning. Run with {@code
 * collector/bench/software-storage.sh [machines] [apps] [sqlite|postgresql]}.
 */
public final class SoftwareStorageBench {
  private static final List<String> TABLES =
      List.of("software_names", "software_releases", "machine_software");

  private SoftwareStorageBench() {}

  public static void main(String[] args) throws Exception {
    int machines = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int apps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Path dir = Files.createTempDirectory("digiready-software-storage");
    try (TestCollector c =
        new TestCollector(
            dir, "inventoriesPerHour", "1000", "enrollmentsPerMinutePerToken", "100000")) {
      String engine = TestCollector.POSTGRESQL ? "postgresql" : "sqlite";
      c.createUnit("x", "Xã", null, "commune", machines);
      String token = c.enrollmentToken("x");
      long empty = bytes(c);
      for (int m = 0; m < machines; m++) {
        TestCollector.Agent a = c.enroll(token, "PC-" + m, "u-" + m, "s-" + m, "o-" + m);
        send(c, a, "PC-" + m, catalogue(apps, m));
      }
      long fleet = bytes(c) - empty;
      System.out.printf(
          Locale.ROOT,
          "%s: %d machines x %d applications: software tables %,d bytes, %,d bytes per machine"
              + " (machine_software alone %,d per machine)%n",
          engine,
          machines,
          apps,
          fleet,
          fleet / machines,
          bytes(c, List.of("machine_software")) / machines);

      TestCollector.Agent noisy = c.enroll(token, "NOISY", "u-n", "s-n", "o-n");
      long before = bytes(c);
      for (int r = 0; r < 30; r++) {
        send(c, noisy, "NOISY", fresh(r));
        c.clock.advance(Duration.ofMinutes(1));
      }
      long after = bytes(c);
      collect(c);
      long collected = bytes(c);
      // Thirty more: what the first round freed is used again (on PostgreSQL once vacuumed, as
      // autovacuum does on its own), so the tables do not keep growing with every round.
      for (int r = 30; r < 60; r++) {
        send(c, noisy, "NOISY", fresh(r));
        c.clock.advance(Duration.ofMinutes(1));
      }
      collect(c);
      long second = bytes(c);
      System.out.printf(
          Locale.ROOT,
          "%s: one machine, 30 lists of 2,000 fresh names: +%,d bytes before the hourly"
              + " collection, +%,d after it; after 30 more and the collection: +%,d (names kept:"
              + " %,d)%n",
          engine,
          after - before,
          collected - before,
          second - before,
          count(c, "SELECT COUNT(*) FROM software_names"));
    }
  }

  /** The hourly collection, then on PostgreSQL a plain VACUUM (what autovacuum does later). */
  private static void collect(TestCollector c) throws Exception {
    c.collector.prune(c.clock).get();
    if (TestCollector.POSTGRESQL) {
      try (Connection db = c.database();
          Statement s = db.createStatement()) {
        for (String t : TABLES) {
          s.execute("VACUUM " + t);
        }
      }
    }
  }

  private static void send(
      TestCollector c, TestCollector.Agent a, String host, List<Map<String, Object>> software) {
    Map<String, Object> inv =
        Fixtures.inventory(host, c.clock.instant(), 8 * Fixtures.GIB, 4, "Windows", "10");
    inv.put("software", software);
    Http.Answer r = c.inventory(a, inv);
    if (r.status() != 200) {
      throw new IllegalStateException(r.status() + " " + r.body());
    }
  }

  /** The same applications on every PC, in one of three versions (by machine). */
  static List<Map<String, Object>> catalogue(int apps, int machine) {
    List<Map<String, Object>> out = new ArrayList<>(apps);
    for (int i = 0; i < apps; i++) {
      int version = (machine + i) % 3;
      out.add(
          Fixtures.software(
              "Ứng dụng văn phòng số " + i,
              i + "." + version + ".0",
              "Nhà phát hành " + i % 40,
              null));
    }
    return out;
  }

  static List<Map<String, Object>> fresh(int report) {
    List<Map<String, Object>> out = new ArrayList<>(2_000);
    String padding = "x".repeat(180);
    for (int i = 0; i < 2_000; i++) {
      out.add(
          Fixtures.software(
              "Ứng dụng " + report + "-" + i + " " + padding,
              report + "." + i,
              "NPH " + report,
              null));
    }
    return out;
  }

  static long bytes(TestCollector c) throws SQLException {
    return bytes(c, TABLES);
  }

  /** Bytes of the tables and their indexes. */
  static long bytes(TestCollector c, List<String> tables) throws SQLException {
    String in = "'" + String.join("','", tables) + "'";
    if (TestCollector.POSTGRESQL) {
      long sum = 0;
      for (String t : tables) {
        sum += count(c, "SELECT pg_total_relation_size('" + t + "')");
      }
      return sum;
    }
    return count(
        c,
        "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master"
            + " WHERE tbl_name IN ("
            + in
            + "))");
  }

  static long count(TestCollector c, String sql) throws SQLException {
    try (Connection db = c.database();
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package io.digiready.collector.bench;

import io.digiready.collector.Fixtures;
import io.digiready.collector.Http;
import io.digiready.collector.TestCollector;
import io.digiready.collector.TestCollector.Agent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures database bytes per machine per day: one day of 60 s heartbeats (two probes each) for a
 * few machines, with and without raw heartbeats. Arguments: machines (default 20).
 */
public final class StorageFootprint {
  private StorageFootprint() {}

  public static void main(String[] args) throws Exception {
    int machines = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    for (String raw : List.of("0", "2")) {
      Path dir = Files.createTempDirectory("footprint");
      long before;
      try (TestCollector c = new TestCollector(dir, s -> s, "rawHeartbeatRetentionDays", raw)) {
        c.createUnit("a", "Xã A", null, "commune", machines);
        String token = c.enrollmentToken("a");
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < machines; i++) {
          agents.add(c.enroll(token, "PC-" + i, "u" + i, "s" + i, "o" + i));
        }
        before = bytes(dir);
        long seq = 0;
        for (int hour = 0; hour < 24; hour++) {
          for (Agent a : agents) {
            List<Object> beats = new ArrayList<>();
            for (int m = 0; m < 60; m++) {
              var hb =
                  Fixtures.heartbeat(
                      a.machineId(), seq + m + 1, c.clock.instant().plusSeconds(60L * m), true);
              hb.put("probes", List.of(Fixtures.probe(true, true), Fixtures.probe(false, true)));
              beats.add(hb);
            }
            Http.Answer r =
                c.http.post("/api/v1/heartbeats", a.token(), Map.of("heartbeats", beats));
            if (r.status() != 200) {
              throw new IllegalStateException(r.body());
            }
          }
          seq += 60;
          c.clock.advance(Duration.ofHours(1));
        }
      }
      long after = bytes(dir);
      System.out.printf(
          "rawHeartbeatRetentionDays=%s: %d bytes per machine per day%n",
          raw, (after - before) / machines);
    }
  }

  private static long bytes(Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("digiready.db"));
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT (SELECT page_count FROM pragma_page_count()) - "
                        + "(SELECT freelist_count FROM pragma_freelist_count()),"
                        + " (SELECT page_size FROM pragma_page_size())")) {
      return rs.getLong(1) * rs.getLong(2);
    }
  }
}

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Simulated days for the storage figures: MACHINES machines send 60 s heartbeats (three probes
 * each, as the simulator's and the agent's defaults: http and dns of the portal, tcp of a LAN
 * server) for DAYS whole UTC days, one 60-heartbeat batch per machine and hour, to an in-process
 * collector on a test clock. It runs once with {@code rawHeartbeatRetentionDays=0} and once with
 * the default, prints the page-count difference per machine-day, and leaves each database in {@code
 * java.io.tmpdir/footprint*}/digiready.db for {@code collector/bench/storage.py}. Arguments:
 * MACHINES (100), DAYS (1).
 */
public final class StorageFootprint {
  private StorageFootprint() {}

  public static void main(String[] args) throws Exception {
    int machines = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    for (String raw : List.of("0", "2")) {
      Path dir = Files.createTempDirectory("footprint");
      long before;
      long heartbeats = 0;
      try (TestCollector c =
          new TestCollector(
              dir,
              s -> s,
              "rawHeartbeatRetentionDays",
              raw,
              "hourlyRetentionDays",
              String.valueOf(days + 30),
              // all machines enroll with one token within a second, faster than an office does
              "enrollmentsPerMinutePerToken",
              "100000")) {
        c.createUnit("a", "Xã A", null, "commune", machines);
        String token = c.enrollmentToken("a");
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < machines; i++) {
          agents.add(c.enroll(token, "PC-" + i, "u" + i, "s" + i, "o" + i));
        }
        // Whole UTC days, as the day tables are keyed: a batch sent at the end of an hour holds
        // that hour's 60 heartbeats, the newest one sent now.
        Instant start =
            c.clock
                .instant()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(1))
                .plus(Duration.ofMinutes(59));
        c.clock.advance(Duration.between(c.clock.instant(), start));
        before = bytes(dir);
        long seq = 0;
        for (int hour = 0; hour < 24 * days; hour++) {
          for (Agent a : agents) {
            List<Object> beats = new ArrayList<>();
            for (int m = 0; m < 60; m++) {
              var hb =
                  Fixtures.heartbeat(
                      a.machineId(),
                      seq + m + 1,
                      c.clock.instant().minusSeconds(60L * (59 - m)),
                      true);
              hb.put(
                  "probes",
                  List.of(
                      Fixtures.probe(true, true),
                      Map.of(
                          "target",
                          "dichvucong.gov.vn",
                          "kind",
                          "dns",
                          "internet",
                          true,
                          "ok",
                          true,
                          "latencyMillis",
                          12),
                      Map.of(
                          "target",
                          "10.0.0.5:445",
                          "kind",
                          "tcp",
                          "internet",
                          false,
                          "ok",
                          true,
                          "latencyMillis",
                          2)));
              beats.add(hb);
            }
            Http.Answer r =
                c.http.post("/api/v1/heartbeats", a.token(), Map.of("heartbeats", beats));
            if (r.status() != 200) {
              throw new IllegalStateException(r.body());
            }
            heartbeats += 60;
          }
          seq += 60;
          c.clock.advance(Duration.ofHours(1));
        }
      }
      long after = bytes(dir);
      System.out.printf(
          "rawHeartbeatRetentionDays=%s: %d machines x %d days, %d heartbeats, %d bytes per"
              + " machine per day (whole file growth), database %s%n",
          raw,
          machines,
          days,
          heartbeats,
          (after - before) / ((long) machines * days),
          dir.resolve("digiready.db"));
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

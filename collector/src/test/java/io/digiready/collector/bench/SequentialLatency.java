package io.digiready.collector.bench;

import io.digiready.collector.Fixtures;
import io.digiready.collector.TestCollector;
import java.nio.file.Files;
import java.time.Instant;

/** Sequential single-heartbeat requests in-process: the latency of one request, no contention. */
public final class SequentialLatency {
  private SequentialLatency() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    String sync = args.length > 1 ? args[1] : "FULL";
    try (TestCollector c =
        new TestCollector(
            Files.createTempDirectory("latency"), s -> s, "sqliteSynchronous", sync)) {
      c.createUnit("a", "A", null, "commune", 1);
      var agent = c.enroll(c.enrollmentToken("a"), "PC", "u", "s", "o");
      for (int warm = 1; warm <= 200; warm++) {
        c.beat(agent, warm, true);
      }
      long t0 = System.nanoTime();
      for (int i = 201; i < 201 + n; i++) {
        var r =
            c.http.post(
                "/api/v1/heartbeats",
                agent.token(),
                Fixtures.batch(Fixtures.heartbeat(agent.machineId(), i, Instant.now(), true)));
        if (r.status() != 200) {
          throw new IllegalStateException(r.body());
        }
      }
      double ms = (System.nanoTime() - t0) / 1e6 / n;
      System.out.printf("%s: %.2f ms per sequential single-heartbeat request%n", sync, ms);
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        c.http.get("/health/live", null);
      }
      System.out.printf("GET /health/live: %.2f ms%n", (System.nanoTime() - t1) / 1e6 / n);
      System.out.println(
          c.http
              .get("/metrics", null)
              .body()
              .lines()
              .filter(l -> l.startsWith("digiready_writer_commit_seconds_"))
              .toList());
    }
  }
}

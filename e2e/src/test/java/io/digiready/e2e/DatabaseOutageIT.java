package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestPostgres;
import io.digiready.simulator.AckLog;
import io.digiready.simulator.LoadRun;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped for 20 s under load behind the balancer: each collector answers 503 with
 * Retry-After (never a 500), its /health/ready says so and comes back, and every heartbeat
 * acknowledged before, during and after is stored exactly once.
 */
class DatabaseOutageIT {
  private static final String ADMIN = "database-outage-admin-token-0123456789";
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  @TempDir Path dir;
  SharedCluster cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = new SharedCluster(dir, ADMIN, true);
  }

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Status and Retry-After of a request, or -1 when the collector did not answer at all. */
  record Seen(String what, int status, String retryAfter) {}

  private static Seen probe(String what, java.util.function.Supplier<HttpResponse<String>> call) {
    try {
      HttpResponse<String> r = call.get();
      return new Seen(what, r.statusCode(), r.headers().firstValue("Retry-After").orElse(null));
    } catch (UncheckedIOException e) {
      return new Seen(what, -1, null);
    }
  }

  @Test
  void postgresql_stopped_for_20_seconds_under_load_is_503_then_nothing_lost() throws Exception {
    CollectorProcess one = cluster.one;
    CollectorProcess two = cluster.two;
    one.unitWithToken("load", 1000);
    AckLog acks = new AckLog(null);
    // Paced: 200 heartbeats/s for 60 s is 400 per machine, within the heartbeat rate limit's burst
    // of 1,000 (unpaced, a quick machine went past it and got 429s the test counted as failures).
    var plan = new LoadRun.Plan(30, 200, Duration.ofSeconds(60), 5, 4, "load", 41);
    // The load's failures are kept (the first lines of each kind), so a failure says what came
    // back.
    java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
    PrintStream loadLog = new PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8);
    LoadRun run = new LoadRun(cluster.balancer.client(), Clock.systemUTC(), loadLog, acks);
    var machines = run.enroll(plan);
    var load =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return run.run(plan, machines);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Child.await(Duration.ofSeconds(60), "acknowledged load", () -> acks.accepted() > 500);
    long before = acks.accepted();

    cluster.postgres.suspend();
    Instant end = Instant.now().plus(OUTAGE);
    Map<String, Integer> statuses = new TreeMap<>();
    boolean[] notReady = new boolean[2];
    String heartbeat =
        "{\"heartbeats\":[{\"machineId\":\"m-none\",\"seq\":1,\"agentTime\":\""
            + Instant.now()
            + "\",\"uptimeSeconds\":1,\"probes\":[],\"internetUp\":true}]}";
    while (Instant.now().isBefore(end)) {
      for (int i = 0; i < 2; i++) {
        CollectorProcess c = i == 0 ? one : two;
        List<Seen> seen =
            List.of(
                probe("ready", () -> c.get("/health/ready", null)),
                probe("units", () -> c.get("/api/v1/units", ADMIN)),
                probe(
                    "unit write",
                    () ->
                        c.request(
                            "POST",
                            "/api/v1/units",
                            ADMIN,
                            "{\"code\":\"late\",\"name\":\"Late\",\"kind\":\"x\",\"staff\":1}")),
                probe(
                    "heartbeat",
                    () -> c.request("POST", "/api/v1/heartbeats", "not-a-token", heartbeat)));
        for (Seen s : seen) {
          statuses.merge(s.what() + " " + s.status(), 1, Integer::sum);
          assertThat(s.status())
              .as("%s via %s during the outage", s.what(), c.url())
              .isNotEqualTo(500);
          if (s.status() == 503) {
            assertThat(s.retryAfter())
                .as("%s 503 via %s: Retry-After", s.what(), c.url())
                .isNotNull();
          }
        }
        notReady[i] |= seen.get(0).status() == 503;
      }
      Thread.sleep(500);
    }
    cluster.postgres.resume();
    System.out.println("answers during the outage: " + statuses);
    assertThat(notReady).as("/health/ready of each collector during the outage").containsOnly(true);
    for (CollectorProcess c : List.of(one, two)) {
      Child.await(Duration.ofSeconds(30), "ready again: " + c.url(), c::ready);
    }
    var result = load.get();
    assertThat(result.failures())
        .as(
            "answers other than 2xx and 503 under load; the load said:%n%s",
            said.toString(java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .distinct()
                .limit(20)
                .collect(java.util.stream.Collectors.joining("\n")))
        .isZero();
    assertThat(acks.accepted())
        .as("heartbeats acknowledged after the outage")
        .isGreaterThan(before);
    // The database's own count first: per machine, the hourly counts add up to the last seq
    // minus the losses, and the last seq is at least the last one acknowledged.
    Map<String, AtomicLong> acked = acks.highestSeqByMachine();
    int rows = 0;
    try (Connection db = DriverManager.getConnection(cluster.jdbcUrl, TestPostgres.USER, "");
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "SELECT s.machine_id, s.last_seq, s.lost_heartbeats,"
                        + " (SELECT SUM(h00+h01+h02+h03+h04+h05+h06+h07+h08+h09+h10+h11+h12"
                        + "+h13+h14+h15+h16+h17+h18+h19+h20+h21+h22+h23) FROM machine_days d"
                        + " WHERE d.mid = s.mid) FROM machine_state s")) {
      while (rs.next()) {
        rows++;
        String id = rs.getString(1);
        assertThat(rs.getLong(4))
            .as("machine %s: every heartbeat stored once", id)
            .isEqualTo(rs.getLong(2) - rs.getLong(3));
        if (acked.containsKey(id)) {
          assertThat(rs.getLong(2))
              .as("machine %s: its last acknowledged seq is stored", id)
              .isGreaterThanOrEqualTo(acked.get(id).get());
        }
      }
    }
    assertThat(rows).isEqualTo(machines.size());
    // Each collector's answers follow within its look at the others' heartbeats (seconds).
    for (CollectorProcess c : List.of(one, two)) {
      Child.await(
          Duration.ofSeconds(30),
          "the machines' last acknowledged seqs through " + c.url(),
          () ->
              acked.entrySet().stream()
                  .allMatch(
                      e -> {
                        Ledger ledger = Ledger.of(c, e.getKey());
                        return ledger.lastSeq() >= e.getValue().get()
                            && ledger.storedHeartbeats() == ledger.lastSeq() - ledger.lost();
                      }));
    }
    for (CollectorProcess c : List.of(one, two)) {
      assertThat(c.log()).as("log of %s", c.url()).doesNotContain("unexpected error");
    }
  }
}

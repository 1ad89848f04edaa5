package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestPostgres;
import io.digiready.simulator.AckLog;
import io.digiready.simulator.CollectorClient;
import io.digiready.simulator.LoadRun;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real collector jars on one real PostgreSQL behind a real HAProxy running the project's {@code
 * install/haproxy/haproxy.cfg} (its ports changed): simulated agents report through the balancer
 * while one collector is killed with SIGKILL.
 */
class MultiCollectorIT {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private static final String ADMIN = "multi-collector-admin-token-0123456789";

  @TempDir Path dir;
  SharedCluster cluster;
  String jdbcUrl;
  CollectorProcess one;
  CollectorProcess two;

  @BeforeEach
  void start() throws Exception {
    // Durable settings (fsync on): a collector is killed, PostgreSQL keeps running.
    cluster = new SharedCluster(dir, ADMIN, true);
    jdbcUrl = cluster.jdbcUrl;
    one = cluster.one;
    two = cluster.two;
  }

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private CollectorClient balancer() {
    return cluster.balancer.client();
  }

  @Test
  void a_collector_killed_under_load_behind_the_balancer_loses_no_acknowledged_heartbeat()
      throws Exception {
    one.unitWithToken("load", 1000);
    // The other collector follows within seconds (it polls the database's changes).
    Child.await(
        Duration.ofSeconds(15),
        "the second collector knows the unit",
        () -> two.get("/api/v1/units/load", ADMIN).statusCode() == 200);
    CollectorClient client = balancer();
    AckLog acks = new AckLog(null);
    var plan = new LoadRun.Plan(40, 0, Duration.ofSeconds(20), 5, 8, "load", 31);
    LoadRun run = new LoadRun(client, Clock.systemUTC(), QUIET, acks);
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
    Child.await(Duration.ofSeconds(60), "acknowledged load", () -> acks.accepted() > 1000);
    CollectorProcess victim = one.leaseHolder() ? one : two;
    CollectorProcess survivor = victim == one ? two : one;
    victim.kill();
    var result = load.get();
    assertThat(result.heartbeats()).as("heartbeats acknowledged through the balancer").isPositive();

    Child.await(
        Duration.ofSeconds(30), "the survivor takes the background lease", survivor::leaseHolder);

    victim.startAndAwaitReady();
    for (Map.Entry<String, AtomicLong> acked : acks.highestSeqByMachine().entrySet()) {
      for (CollectorProcess c : List.of(one, two)) {
        Ledger ledger = Ledger.of(c, acked.getKey());
        assertThat(ledger.lastSeq())
            .as("machine %s: its last acknowledged seq is stored", acked.getKey())
            .isGreaterThanOrEqualTo(acked.getValue().get());
        assertThat(ledger.storedHeartbeats())
            .as("machine %s: every heartbeat stored exactly once", acked.getKey())
            .isEqualTo(ledger.lastSeq() - ledger.lost());
      }
    }
    // The database's own count: per machine, the hourly counts add up to last seq minus losses.
    try (Connection db = DriverManager.getConnection(jdbcUrl, TestPostgres.USER, "");
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "SELECT s.machine_id, s.last_seq, s.lost_heartbeats,"
                        + " (SELECT SUM(h00+h01+h02+h03+h04+h05+h06+h07+h08+h09+h10+h11+h12"
                        + "+h13+h14+h15+h16+h17+h18+h19+h20+h21+h22+h23) FROM machine_days d"
                        + " WHERE d.mid = s.mid) FROM machine_state s")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        assertThat(rs.getLong(4))
            .as("machine %s counted in the database", rs.getString(1))
            .isEqualTo(rs.getLong(2) - rs.getLong(3));
      }
      assertThat(rows).isEqualTo(40);
    }
    Child.await(
        Duration.ofSeconds(15),
        "both collectors give the same unit figures",
        () ->
            one.adminJson("/api/v1/units")
                .toString()
                .equals(two.adminJson("/api/v1/units").toString()));
  }

  @Test
  void the_same_batch_posted_to_both_collectors_at_once_is_accepted_once() throws Exception {
    one.unitWithToken("once", 1);
    CollectorClient viaOne = new CollectorClient(URI.create(one.url()), ADMIN);
    CollectorClient viaTwo = new CollectorClient(URI.create(two.url()), ADMIN);
    AckLog acks = new AckLog(null);
    var plan = new LoadRun.Plan(1, 0, Duration.ofSeconds(1), 20, 1, "once", 32);
    var machine = new LoadRun(viaOne, Clock.systemUTC(), QUIET, acks).enroll(plan).get(0);
    Child.await(
        Duration.ofSeconds(15),
        "the second collector knows the machine",
        () -> two.get("/api/v1/machines/" + machine.machineId(), ADMIN).statusCode() == 200);
    var batch = machine.batch(20, java.time.Instant.now());
    var first = CompletableFuture.supplyAsync(() -> viaOne.heartbeats(machine.agentToken(), batch));
    var second =
        CompletableFuture.supplyAsync(() -> viaTwo.heartbeats(machine.agentToken(), batch));
    var a = first.get();
    var b = second.get();
    assertThat(a.accepted() + b.accepted()).isEqualTo(20);
    assertThat(a.duplicates() + b.duplicates()).isEqualTo(20);
    assertThat(Ledger.of(one, machine.machineId()).storedHeartbeats()).isEqualTo(20);
  }
}

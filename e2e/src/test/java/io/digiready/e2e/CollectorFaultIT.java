package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.digiready.simulator.AckLog;
import io.digiready.simulator.LoadRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault tests 4-6: the real collector jar under simulated load, killed, flooded, out of disk. */
class CollectorFaultIT {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path dir;

  @Test
  void a_collector_killed_under_load_keeps_every_acknowledged_heartbeat() throws Exception {
    Path data = dir.resolve("data");
    int port = Child.freePort();
    AckLog acks = new AckLog(null);
    try (CollectorProcess collector = new CollectorProcess(data, port)) {
      collector.startAndAwaitReady();
      collector.unitWithToken("load", 1000);
      var plan = new LoadRun.Plan(40, 0, Duration.ofSeconds(12), 10, 6, "load", 11);
      var load =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new LoadRun(collector.client(), Clock.systemUTC(), QUIET, acks).run(plan);
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      Child.await(Duration.ofSeconds(60), "acknowledged load", () -> acks.accepted() > 2000);
      collector.kill();
      load.get();
      assertThat(acks.accepted()).isGreaterThan(2000);

      collector.startAndAwaitReady();
      for (Map.Entry<String, AtomicLong> acked : acks.highestSeqByMachine().entrySet()) {
        Ledger ledger = Ledger.of(collector, acked.getKey());
        assertThat(ledger.lastSeq())
            .as("machine %s: last acknowledged seq is stored", acked.getKey())
            .isGreaterThanOrEqualTo(acked.getValue().get());
        assertThat(ledger.storedHeartbeats()).isEqualTo(ledger.lastSeq() - ledger.lost());
      }
      collector.stop();
    }
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + database(data));
        var rs = db.createStatement().executeQuery("PRAGMA integrity_check")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
  }

  @Test
  void when_the_writer_queue_is_full_clients_get_503_and_catch_up_without_loss() throws Exception {
    try (CollectorProcess collector =
        new CollectorProcess(dir.resolve("data"), "--writer-queue-capacity", "2")) {
      collector.startAndAwaitReady();
      collector.unitWithToken("busy", 1000);
      AckLog acks = new AckLog(null);
      var plan = new LoadRun.Plan(60, 0, Duration.ofSeconds(8), 1, 24, "busy", 12);
      var result = new LoadRun(collector.client(), Clock.systemUTC(), QUIET, acks).run(plan);

      assertThat(result.busyAnswers()).as("503 answers under overload").isPositive();
      assertThat(result.failures()).isZero();
      long stored = 0;
      for (var acked : acks.highestSeqByMachine().entrySet()) {
        Ledger ledger = Ledger.of(collector, acked.getKey());
        assertThat(ledger.lastSeq()).isEqualTo(acked.getValue().get());
        assertThat(ledger.lost()).isZero();
        stored += ledger.storedHeartbeats();
      }
      assertThat(stored).isEqualTo(acks.accepted());
    }
  }

  @Test
  void a_full_disk_answers_503_keeps_the_collector_up_and_recovers_when_space_returns()
      throws Exception {
    assumeThat(canMountTmpfs()).as("needs root to mount a 16 MiB tmpfs").isTrue();
    Path mount = Files.createDirectories(dir.resolve("small"));
    run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mount.toString());
    try (CollectorProcess collector = new CollectorProcess(mount.resolve("data"))) {
      collector.startAndAwaitReady();
      collector.unitWithToken("full", 100);
      AckLog acks = new AckLog(null);
      var client = collector.client();
      var plan = new LoadRun.Plan(5, 0, Duration.ofSeconds(3), 50, 2, "full", 13);
      var load = new LoadRun(client, Clock.systemUTC(), QUIET, acks);
      var machines = load.enroll(plan);
      Path filler = mount.resolve("filler");
      // Fill what is left, so the next database page cannot be written.
      run("sh", "-c", "dd if=/dev/zero of=" + filler + " bs=64k 2>/dev/null || true");

      var duringFull = load.run(plan, machines);
      assertThat(duringFull.busyAnswers()).as("503 while the disk is full").isPositive();
      assertThat(collector.alive()).as("the process is still running").isTrue();
      assertThat(collector.get("/health/live", null).statusCode()).as("live").isEqualTo(200);
      assertThat(collector.get("/health/ready", null).statusCode())
          .as("not ready while it cannot write")
          .isEqualTo(503);

      Files.delete(filler);
      // A gentle rate afterwards: a flood would fill the 16 MiB again and the test would measure
      // that.
      var gentle = new LoadRun.Plan(5, 100, Duration.ofSeconds(3), 10, 2, "full", 13);
      var afterwards = load.run(gentle, machines);
      assertThat(afterwards.heartbeats()).as("accepted once space is back").isPositive();
      assertThat(afterwards.failures()).isZero();
      Child.await(Duration.ofSeconds(30), "ready again", collector::ready);
    } finally {
      run("umount", "-l", mount.toString());
    }
  }

  private static boolean canMountTmpfs() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }

  static Path database(Path data) {
    return data.resolve("digiready.db");
  }
}

package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.simulator.AckLog;
import io.digiready.simulator.LoadRun;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code digiready-collector backup} while heartbeats stream in, then {@code restore} elsewhere.
 */
class BackupRestoreIT {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path dir;

  private static int collectorCommand(Path log, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Child.jar("collector").toString()));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  @Test
  void an_online_backup_restores_into_a_collector_with_the_figures_of_the_backup_point()
      throws Exception {
    Path data = dir.resolve("data");
    Path backup = dir.resolve("backups/digiready-backup.db");
    Path log = dir.resolve("commands.log");
    AckLog acks = new AckLog(null);
    Map<String, Long> ackedBefore = new HashMap<>();
    Map<String, Long> ackedAfter = new HashMap<>();
    try (CollectorProcess collector = new CollectorProcess(data)) {
      collector.startAndAwaitReady();
      collector.unitWithToken("backup", 500);
      var plan = new LoadRun.Plan(20, 400, Duration.ofSeconds(10), 5, 4, "backup", 21);
      var load = new LoadRun(collector.client(), Clock.systemUTC(), QUIET, acks);
      var machines = load.enroll(plan);
      var running =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return load.run(plan, machines);
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      Child.await(Duration.ofSeconds(30), "heartbeats flowing", () -> acks.accepted() > 300);

      acks.highestSeqByMachine().forEach((id, seq) -> ackedBefore.put(id, seq.get()));
      assertThat(collectorCommand(log, "backup", "--data-dir", data.toString(), backup.toString()))
          .as("backup while serving:%n%s", java.nio.file.Files.readString(log))
          .isZero();
      acks.highestSeqByMachine().forEach((id, seq) -> ackedAfter.put(id, seq.get()));

      assertThat(running.get().failures()).isZero();
      assertThat(collectorCommand(log, "restore", "--data-dir", data.toString(), backup.toString()))
          .as("restore into the data directory of a running collector is refused")
          .isEqualTo(1);
      assertThat(java.nio.file.Files.readString(log)).contains("stop it before restoring into it");
      assertThat(collector.ready()).isTrue();
    }

    Path restored = dir.resolve("restored");
    assertThat(
            collectorCommand(log, "restore", "--data-dir", restored.toString(), backup.toString()))
        .as("restore:%n%s", java.nio.file.Files.readString(log))
        .isZero();
    try (CollectorProcess again = new CollectorProcess(restored)) {
      again.startAndAwaitReady();
      for (String machine : ackedBefore.keySet()) {
        Ledger ledger = Ledger.of(again, machine);
        assertThat(ledger.lastSeq())
            .as("machine %s holds what was acknowledged before the backup began", machine)
            .isGreaterThanOrEqualTo(ackedBefore.get(machine))
            .isLessThanOrEqualTo(ackedAfter.get(machine));
        assertThat(ledger.storedHeartbeats()).isEqualTo(ledger.lastSeq() - ledger.lost());
      }
      var unit = again.adminJson("/api/v1/units/backup");
      assertThat(unit.get("staff").asInt()).isEqualTo(500);
      assertThat(unit.get("workingMachines").asInt()).isEqualTo(20);
    }
  }
}

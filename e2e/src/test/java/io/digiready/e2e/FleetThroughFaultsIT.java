package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak's driver (issue 28 point 6) on a small scale, against the real collector jar: the
 * simulator's {@code fleet --keep-going --ack-log --verify} beats the demo province's PCs while the
 * collector is killed with -9 and started again on the same port. The fleet must count the
 * heartbeats the kill left unacknowledged instead of failing, the collector must hold every one it
 * acknowledged, and the fleet's own figures must equal the collector's in every unit at the end.
 */
class FleetThroughFaultsIT {
  private static final Pattern SUMMARY =
      Pattern.compile("^heartbeats: (\\d+) requests, (\\d+) acknowledged .*errors \\{(.*)\\},.*$");

  @TempDir Path dir;

  @Test
  void the_fleet_keeps_going_through_a_kill_and_its_figures_equal_the_collectors()
      throws Exception {
    Path data = dir.resolve("data");
    Path acks = dir.resolve("acks.txt");
    Path out = dir.resolve("simulator.log");
    // A 2 s heartbeat interval on both sides: the fleet's online window (three intervals) is the
    // collector's, and 20 s of beating are ten rounds of every PC.
    try (CollectorProcess collector =
        new CollectorProcess(
            data,
            "--heartbeat-interval-seconds",
            "2",
            "--heartbeat-rate-limit",
            "false",
            "--enrollments-per-minute-per-token",
            "10000")) {
      collector.startAndAwaitReady();
      Process simulator =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-jar",
                      Child.jar("simulator").toString(),
                      "fleet",
                      "--collector",
                      collector.url(),
                      "--admin-token-file",
                      data.resolve("admin-token").toString(),
                      "--tree",
                      Child.REPO.resolve("install/demo/units.csv").toString(),
                      "--machines",
                      "120",
                      "--interval-seconds",
                      "2",
                      "--duration-seconds",
                      "20",
                      "--window-seconds",
                      "2",
                      "--connections",
                      "8",
                      "--keep-going",
                      "--ack-log",
                      acks.toString(),
                      "--verify"))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      try {
        Child.await(
            Duration.ofSeconds(60),
            "the fleet enrolled",
            () -> read(out).lines().anyMatch(l -> l.startsWith("enroll:")));
        TimeUnit.SECONDS.sleep(5);
        collector.kill();
        TimeUnit.SECONDS.sleep(2);
        collector.startAndAwaitReady();
        assertThat(simulator.waitFor(120, TimeUnit.SECONDS)).as(read(out)).isTrue();
      } finally {
        simulator.destroyForcibly();
      }
      String log = read(out);
      // what the fleet saw, for the build log: its minute lines, totals and verify lines
      log.lines()
          .filter(l -> !l.startsWith("window ") && !l.startsWith("tree:"))
          .forEach(l -> System.out.println("fleet: " + l));
      assertThat(simulator.exitValue()).as(log).isZero();
      assertThat(log).contains("verify: every unit matches the expectation (15 units)");

      Matcher summary =
          log.lines()
              .map(SUMMARY::matcher)
              .filter(Matcher::matches)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no heartbeat summary in\n" + log));
      long acknowledged = Long.parseLong(summary.group(2));
      assertThat(summary.group(3)).as("heartbeats the kill left unacknowledged").isNotEmpty();
      assertThat(log)
          .containsPattern(
              "(?m)^\\S+Z answers in the \\d+ s before: \\d+ acknowledged,"
                  + " [1-9]\\d* failed \\{");

      // every acknowledged heartbeat is in the ack log once, and stored by the collector
      List<String> lines = Files.readAllLines(acks, StandardCharsets.UTF_8);
      assertThat(lines).hasSize((int) acknowledged).doesNotHaveDuplicates();
      Map<String, Set<Long>> seqs = new HashMap<>();
      for (String line : lines) {
        String[] parts = line.split(" ");
        seqs.computeIfAbsent(parts[0], k -> new HashSet<>()).add(Long.parseLong(parts[1]));
      }
      assertThat(seqs).hasSize(120);
      for (var e : seqs.entrySet()) {
        Ledger ledger = Ledger.of(collector, e.getKey());
        long highest = e.getValue().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(ledger.lastSeq()).as("machine %s", e.getKey()).isGreaterThanOrEqualTo(highest);
        assertThat(ledger.storedHeartbeats())
            .as("machine %s: heartbeats stored", e.getKey())
            .isGreaterThanOrEqualTo(e.getValue().size());
      }
      assertThat(collector.log()).doesNotContain(" ERROR ");
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

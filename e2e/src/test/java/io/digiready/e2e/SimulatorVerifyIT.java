package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault test 7: the simulator plays a 500-PC district (office hours, a commune without internet,
 * PCs below the policy, gone PCs, a reimaged PC, a cloned pair) against the real collector, and
 * every unit's figures must equal the simulator's independent expectation exactly.
 */
class SimulatorVerifyIT {
  @TempDir Path dir;

  @Test
  void a_500_pc_district_gets_exactly_the_coverage_the_simulator_expects() throws Exception {
    // A one-minute working window, so that PCs seen once at the start are stale at the end.
    // The simulator enrolls a whole unit at once with one token, faster than the collector's
    // default 60 enrollments a minute per token (real agents wait and retry on 429).
    try (CollectorProcess collector =
        new CollectorProcess(
            dir.resolve("data"),
            "--heartbeat-interval-seconds",
            "2",
            "--working-window-days",
            String.valueOf(60.0 / 86_400),
            "--enrollments-per-minute-per-token",
            "10000")) {
      collector.startAndAwaitReady();
      Path out = dir.resolve("simulator.log");
      Process simulator =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-jar",
                      Child.jar("simulator").toString(),
                      "district",
                      "--collector",
                      collector.url(),
                      "--admin-token-file",
                      collector.dataDir.resolve("admin-token").toString(),
                      "--units",
                      Child.REPO.resolve("install/demo/units.csv").toString(),
                      "--machines",
                      "500",
                      "--seed",
                      "2026",
                      "--working-window-seconds",
                      "60",
                      "--verify"))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      boolean finished = simulator.waitFor(300, TimeUnit.SECONDS);
      String log = Files.readString(out, StandardCharsets.UTF_8);
      if (!finished) {
        simulator.destroyForcibly();
      }
      assertThat(finished).as("simulator finished:%n%s", log).isTrue();
      assertThat(simulator.exitValue()).as("simulator output:%n%s", log).isZero();
      assertThat(log).contains("verify: every unit matches the expectation (15 units)");
      assertThat(log).containsPattern("district: 501 PCs, line down in krong-nang\\.");
      // The demo province requires applications the simulated PCs have only at realistic rates:
      // the figure the simulator verified is a real share, neither none nor everyone.
      var province = collector.adminJson("/api/v1/units/dak-lak");
      System.out.printf(
          "dak-lak: %s of %s working PCs have every required application (softwareCoverage %s)%n",
          province.get("softwareReadyMachines"),
          province.get("workingMachines"),
          province.get("softwareCoverage"));
      assertThat(province.get("effectiveRequiredApplications")).isNotEmpty();
      assertThat(province.get("softwareCoverage").asDouble()).isStrictlyBetween(0.0, 1.0);
    }
  }
}

package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus rules, Alertmanager routes and Grafana dashboards, checked with the real tools:
 * promtool, amtool, a real Alertmanager and Prometheus, the collector jar fed by the simulator.
 */
class OpsChecksIT {

  private static String run(long timeoutSeconds, String... command)
      throws IOException, InterruptedException {
    // Output goes to a file: a pipe nobody reads while waiting would block a chatty script.
    Path log = Files.createTempFile("ops-check", ".log");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(Child.REPO.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            String.join(" ", command) + " ran longer than " + timeoutSeconds + " s");
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(p.exitValue())
          .as("%s exited with %d:%n%s", List.of(command), p.exitValue(), text)
          .isZero();
      return text;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  @Test
  void promtool_and_amtool_accept_the_config_and_every_alert_test_passes() throws Exception {
    String out = run(300, "bash", "install/prometheus/check.sh", "--live");
    assertThat(out).contains("SUCCESS");
  }

  @Test
  void the_dashboards_pass_their_static_checks_and_unit_tests() throws Exception {
    run(120, "python3", "grafana/test_panel_queries.py");
    run(120, "python3", "grafana/check_queries.py", "--lint");
  }

  @Test
  void every_panel_query_answers_against_a_real_prometheus_scraping_the_real_collector()
      throws Exception {
    String out = run(400, "bash", "grafana/check_with_simulator.sh");
    assertThat(out).contains("every panel query answered");
  }
}

package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step list of install/prometheus/README.md ("Prometheus on your own server"), followed on a
 * folder that stands for /etc/prometheus: the files copied in, check.sh refusing the placeholders,
 * the two marked lines and the token filled in, check.sh passing, and a real Prometheus started on
 * that folder scraping a real collector with its metrics token (its /targets says up).
 */
class PrometheusSetupIT {
  private static final Path PROMETHEUS = Child.REPO.resolve("install/prometheus");
  private static final String METRICS_TOKEN = "metrics-Token-0123456789abcdef";

  @TempDir Path dir;

  record Run(int exit, String output) {}

  @Test
  void the_readme_steps_give_a_prometheus_that_scrapes_the_collector() throws Exception {
    Path etc = Files.createDirectories(dir.resolve("etc-prometheus"));
    // step 2: the files, as a fresh Debian server gets them
    for (String file :
        List.of(
            "prometheus.yml",
            "digiready.rules.yml",
            "digiready-metrics.token",
            "alertmanager.yml",
            "digiready.tmpl")) {
      Files.copy(PROMETHEUS.resolve(file), etc.resolve(file));
    }

    Run placeholders = checkSh(etc.toString());
    assertThat(placeholders.exit()).as(placeholders.output()).isEqualTo(1);
    assertThat(placeholders.output())
        .contains("still names the placeholder collector.example:8080")
        .contains("digiready-metrics.token still holds the placeholder")
        .contains("alertmanager.yml still names example.org");

    try (CollectorProcess collector =
        new CollectorProcess(dir.resolve("collector"), "--metrics-token", METRICS_TOKEN)) {
      collector.startAndAwaitReady();
      int collectorPort = URI.create(collector.url()).getPort();
      int alertmanagerPort = Child.freePort();
      // steps 3 and 4: the token, and the two marked lines of prometheus.yml
      Files.writeString(etc.resolve("digiready-metrics.token"), METRICS_TOKEN + "\n");
      edit(etc.resolve("prometheus.yml"), "collector.example:8080", "127.0.0.1:" + collectorPort);
      edit(etc.resolve("prometheus.yml"), "127.0.0.1:9093", "127.0.0.1:" + alertmanagerPort);
      // step 5: the EDIT lines of alertmanager.yml
      edit(etc.resolve("alertmanager.yml"), "smtp.example.org:587", "mail.tinh.gov.vn:587");
      edit(etc.resolve("alertmanager.yml"), "digiready-alerts@example.org", "canhbao@tinh.gov.vn");
      edit(etc.resolve("alertmanager.yml"), "it-oncall@example.org", "cntt@tinh.gov.vn");

      // step 6
      Run passed = checkSh(etc.resolve("prometheus.yml").toString());
      assertThat(passed.exit()).as(passed.output()).isZero();
      assertThat(passed.output()).contains("SUCCESS", "passed: reload Prometheus");

      // steps 7 and 8: Prometheus on that folder, and its targets
      int port = Child.freePort();
      Process prometheus =
          new ProcessBuilder(
                  "prometheus",
                  "--config.file=" + etc.resolve("prometheus.yml"),
                  "--storage.tsdb.path=" + dir.resolve("tsdb"),
                  "--web.listen-address=127.0.0.1:" + port)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("prometheus.log").toFile())
              .start();
      try {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ObjectMapper json = new ObjectMapper();
        List<String> seen = new ArrayList<>();
        // the first scrape comes within one 15 s interval of the start
        try {
          Child.await(
              Duration.ofSeconds(60),
              "the digiready target up in /api/v1/targets",
              () -> {
                assertThat(prometheus.isAlive()).as(read(dir.resolve("prometheus.log"))).isTrue();
                try {
                  JsonNode targets =
                      json.readTree(
                          http.send(
                                  HttpRequest.newBuilder(
                                          URI.create(
                                              "http://127.0.0.1:" + port + "/api/v1/targets"))
                                      .build(),
                                  HttpResponse.BodyHandlers.ofString())
                              .body());
                  for (JsonNode t : targets.path("data").path("activeTargets")) {
                    seen.add(
                        t.path("labels").path("job").asText()
                            + " "
                            + t.path("health").asText()
                            + " "
                            + t.path("lastError").asText());
                    if (t.path("labels").path("job").asText().equals("digiready")
                        && t.path("health").asText().equals("up")) {
                      return true;
                    }
                  }
                  return false;
                } catch (IOException e) {
                  return false;
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return false;
                }
              });
        } catch (AssertionError e) {
          throw new AssertionError(
              e.getMessage()
                  + "; targets seen: "
                  + seen.subList(Math.max(0, seen.size() - 3), seen.size())
                  + "\n"
                  + read(dir.resolve("prometheus.log")),
              e);
        }
        JsonNode rules =
            json.readTree(
                http.send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/rules"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
        assertThat(rules.path("data").path("groups").findValuesAsText("name"))
            .contains("digiready");
        assertThat(rules.toString()).contains("DigireadyUnitBelowTarget");
      } finally {
        prometheus.destroy();
        if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
          prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static void edit(Path file, String placeholder, String value) throws IOException {
    String text = Files.readString(file);
    assertThat(text).as(file + " holds " + placeholder).contains(placeholder);
    Files.writeString(file, text.replace(placeholder, value));
  }

  private Run checkSh(String target) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "check", ".log");
    Process p =
        new ProcessBuilder("bash", PROMETHEUS.resolve("check.sh").toString(), target)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("check.sh ran longer than 300 s:\n" + read(log));
    }
    return new Run(p.exitValue(), read(log));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

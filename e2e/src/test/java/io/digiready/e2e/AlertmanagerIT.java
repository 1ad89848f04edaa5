package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Alertmanager example, run for real (prometheus-alertmanager on 127.0.0.1): it starts
 * without a warning, and its e-mails, handed to a local SMTP sink, are the ones digiready.tmpl
 * renders, in the alerts' language.
 */
class AlertmanagerIT {
  private static final Path PROMETHEUS = Child.REPO.resolve("install/prometheus");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXTERNAL_URL = "http://alertmanager.example:9093";

  @TempDir Path dir;

  @Test
  void the_shipped_example_starts_without_a_warning() throws Exception {
    Path config = dir.resolve("alertmanager.yml");
    Files.copy(PROMETHEUS.resolve("alertmanager.yml"), config);
    Files.copy(PROMETHEUS.resolve("digiready.tmpl"), dir.resolve("digiready.tmpl"));
    Am am = start(config);
    try {
      awaitReady(am);
    } finally {
      stop(am);
    }
    String log = read(dir.resolve("alertmanager.log"));
    assertThat(log).contains("Completed loading of configuration file");
    assertThat(log.lines().filter(l -> l.contains("level=warn") || l.contains("level=error")))
        .as(log)
        .isEmpty();
  }

  @Test
  void an_alert_mail_names_the_unit_and_what_happened_in_the_alerts_language() throws Exception {
    try (SmtpSink smtp = new SmtpSink()) {
      // the example's placeholders, pointed at this machine: the sink (which has no TLS), a closed
      // port for the paging hook, and no 30 s wait before a group's first mail
      String example = Files.readString(PROMETHEUS.resolve("alertmanager.yml"));
      String copy =
          replaceOnce(example, "smtp.example.org:587", "127.0.0.1:" + smtp.port())
              .replace("smtp_require_tls: true", "smtp_require_tls: false")
              .replace("http://127.0.0.1:9095/hook", "http://127.0.0.1:1/hook")
              .replace("group_wait: 30s", "group_wait: 1s")
              .replace("group_wait: 10m", "group_wait: 1s")
              .replace("group_interval: 5m", "group_interval: 1s");
      assertThat(copy)
          .contains("smtp_require_tls: false", "127.0.0.1:1/hook")
          .doesNotContain("group_wait: 30s", "group_wait: 10m");
      Path config = Files.writeString(dir.resolve("alertmanager.yml"), copy);
      Files.copy(PROMETHEUS.resolve("digiready.tmpl"), dir.resolve("digiready.tmpl"));
      Am am = start(config);
      try {
        awaitReady(am);
        // the copy changes addresses and waits only: it starts as cleanly as the example (the
        // paging hook's closed port gives warnings later, once a critical alert is sent)
        assertThat(
                read(dir.resolve("alertmanager.log")).lines().filter(l -> l.contains("level=warn")))
            .isEmpty();
        JsonNode viAlerts = JSON.readTree(PROMETHEUS.resolve("tests/email-data.json").toFile());
        post(am.port(), viAlerts);
        SmtpSink.Mail vi = smtp.next(Duration.ofSeconds(60));
        // the line comes back: Prometheus sends the alert once more, with its end
        ObjectNode internetBack = (ObjectNode) viAlerts.path("alerts").get(0).deepCopy();
        assertThat(internetBack.path("labels").path("alertname").asText())
            .isEqualTo("DigireadyUnitInternetDown");
        internetBack.put("status", "resolved").put("endsAt", Instant.now().toString());
        post(
            am.port(),
            JSON.createObjectNode().set("alerts", JSON.createArrayNode().add(internetBack)));
        SmtpSink.Mail viResolved = smtp.next(Duration.ofSeconds(60));
        post(am.port(), JSON.readTree(PROMETHEUS.resolve("tests/email-data.en.json").toFile()));
        SmtpSink.Mail en = smtp.next(Duration.ofSeconds(60));

        System.out.println("---- the Vietnamese mail as Alertmanager sent it ----\n" + vi.raw());
        System.out.println(
            "---- as a reader sees it ----\nSubject: " + vi.subject() + "\n\n" + vi.text());
        assertThat(vi.subject())
            .isEqualTo("[digiready] KHẨN: Mất kết nối Internet tại Xã Phú Lộc (2 cảnh báo)");
        assertThat(vi.parts("text/html")).isZero();
        // the mail is what `amtool template render` gives for the same alerts (check.sh compares
        // that with tests/email.vi.txt)
        assertThat(vi.text().strip())
            .isEqualTo(read(PROMETHEUS.resolve("tests/email.vi.txt")).strip());
        assertThat(vi.text())
            .contains(
                "Chỉ 1/4 máy tính đang trực tuyến tại Xã Phú Lộc (25%) truy cập được Internet",
                "Đơn vị: krong-nang.phu-loc", "Từ 08:42 07/12/2026 (+07)");

        assertThat(viResolved.subject())
            .isEqualTo(
                "[digiready] CẢNH BÁO: Tỷ lệ máy tính được bảo vệ chống mã độc của Xã Phú Lộc chưa"
                    + " đạt chỉ tiêu (2 cảnh báo)");
        assertThat(viResolved.text())
            .startsWith("digiready: 1 cảnh báo đang diễn ra, 1 đã khắc phục.")
            .contains("\nĐÃ KHẮC PHỤC\n\n• Mất kết nối Internet tại Xã Phú Lộc\n")
            .contains(", đã khắc phục lúc ");

        assertThat(en.subject())
            .isEqualTo(
                "[digiready] FOR INFORMATION: Equipment coverage of Huyện Krông Năng is below target");
        assertThat(en.text().strip())
            .isEqualTo(read(PROMETHEUS.resolve("tests/email.en.txt")).strip());
      } finally {
        stop(am);
      }
    }
  }

  /** The alerts of a template data file (the one check.sh renders), as Prometheus posts them. */
  private static void post(int port, JsonNode data) throws IOException, InterruptedException {
    ArrayNode alerts = JSON.createArrayNode();
    for (JsonNode a : data.path("alerts")) {
      ObjectNode alert = alerts.addObject();
      alert.set("labels", a.path("labels"));
      alert.set("annotations", a.path("annotations"));
      alert.set("startsAt", a.path("startsAt"));
      if ("resolved".equals(a.path("status").asText())) {
        alert.set("endsAt", a.path("endsAt"));
      }
      alert.set("generatorURL", a.path("generatorURL"));
    }
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/alerts"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(alerts)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  /** A running Alertmanager and its loopback port. */
  private record Am(Process process, int port) {}

  private Am start(Path config) throws IOException {
    int port = Child.freePort();
    ProcessBuilder pb =
        new ProcessBuilder(
                "prometheus-alertmanager",
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.external-url=" + EXTERNAL_URL,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile());
    // the fixtures' times are written in Vietnam's time, as a server there runs
    pb.environment().put("TZ", "Asia/Ho_Chi_Minh");
    return new Am(pb.start(), port);
  }

  private void awaitReady(Am am) throws InterruptedException {
    int port = am.port();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Child.await(
        Duration.ofSeconds(30),
        "Alertmanager ready",
        () -> {
          assertThat(am.process().isAlive()).as(read(dir.resolve("alertmanager.log"))).isTrue();
          try {
            return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200;
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        });
  }

  private static void stop(Am am) throws InterruptedException {
    Process p = am.process();
    p.destroy();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String replaceOnce(String text, String what, String with) {
    assertThat(text).contains(what);
    return text.replace(what, with);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

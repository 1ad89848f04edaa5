package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /metrics through the shipped {@code install/haproxy/haproxy.cfg} (its ports changed) in front of
 * the real collector jar with {@code trustedProxies=127.0.0.1}. A client elsewhere is played by one
 * test-only line that makes HAProxy take the client address from a request header (HAProxy then
 * appends that address to X-Forwarded-For as it would a real remote client's); no traffic leaves
 * 127.0.0.1.
 */
class BalancerMetricsIT {
  static final String METRICS_TOKEN = "metrics-token-for-the-balancer-test-0123456789";
  static final String ELSEWHERE = "203.0.113.7";

  @TempDir Path dir;
  CollectorProcess collector;
  Child haproxy;
  int balancerPort;

  @AfterEach
  void stop() throws Exception {
    for (Child c : new Child[] {haproxy, collector}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private void start(String... collectorFlags) throws Exception {
    stop();
    collector = new CollectorProcess(dir.resolve("collector"), collectorFlags).startAndAwaitReady();
    balancerPort = Child.freePort();
    String shipped =
        Files.readString(Child.REPO.resolve("install/haproxy/haproxy.cfg"), StandardCharsets.UTF_8);
    assertThat(shipped).contains("option forwardfor");
    String config =
        shipped
            .replace("127.0.0.1:8080", "127.0.0.1:" + balancerPort)
            .replace("127.0.0.1:8081", "127.0.0.1:" + collector.port)
            .replace("127.0.0.1:8082", "127.0.0.1:" + collector.port)
            .replace(
                "    option forwardfor\n",
                "    option forwardfor\n"
                    + "    http-request set-src req.hdr(x-test-client) if { req.hdr(x-test-client) -m found }\n");
    Path cfg = dir.resolve("haproxy.cfg");
    Files.writeString(cfg, config, StandardCharsets.UTF_8);
    haproxy = new Child("haproxy", dir.resolve("haproxy-" + balancerPort + ".log"));
    haproxy.startBinary(List.of("haproxy", "-f", cfg.toString(), "-db"));
    Child.await(
        Duration.ofSeconds(30),
        "HAProxy to see the collector ready\n" + haproxy.log(),
        () -> status(balancerPort, "/health/ready") == 200);
  }

  private static int status(int port, String path, String... headers) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(10));
      for (int i = 0; i < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      return HttpClient.newHttpClient()
          .send(b.GET().build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  @Test
  void without_a_metrics_token_metrics_is_closed_to_a_client_elsewhere_and_open_with_one()
      throws Exception {
    start("--trusted-proxies", "127.0.0.1");
    // A client elsewhere, through the balancer: refused, whatever X-Forwarded-For it writes.
    assertThat(status(balancerPort, "/metrics", "X-Test-Client", ELSEWHERE)).isEqualTo(403);
    assertThat(
            status(
                balancerPort,
                "/metrics",
                "X-Test-Client",
                ELSEWHERE,
                "X-Forwarded-For",
                "127.0.0.1"))
        .isEqualTo(403);
    // A Prometheus on the balancer's (and here the collector's) host, through the balancer.
    assertThat(status(balancerPort, "/metrics")).isEqualTo(200);
    // Straight to the collector from the balancer's own address, naming no client: it cannot be
    // told from a balanced request whose balancer dropped the header, so it is not believed local
    // (a Prometheus on a balancer's host uses metricsToken).
    assertThat(status(collector.port, "/metrics")).isEqualTo(403);

    // Without trustedProxies the collector believes no forwarder: every balanced request (it
    // carries X-Forwarded-For) is refused, a direct one from this host is local.
    start();
    assertThat(status(balancerPort, "/metrics")).isEqualTo(403);
    assertThat(status(collector.port, "/metrics")).isEqualTo(200);
    // Straight to the collector, naming a client: a forwarder it does not trust is in between.
    assertThat(status(collector.port, "/metrics", "X-Forwarded-For", "127.0.0.1")).isEqualTo(403);

    start("--trusted-proxies", "127.0.0.1", "--metrics-token", METRICS_TOKEN);
    assertThat(status(balancerPort, "/metrics", "X-Test-Client", ELSEWHERE)).isEqualTo(401);
    assertThat(
            status(
                balancerPort,
                "/metrics",
                "X-Test-Client",
                ELSEWHERE,
                "Authorization",
                "Bearer " + METRICS_TOKEN))
        .isEqualTo(200);
  }
}

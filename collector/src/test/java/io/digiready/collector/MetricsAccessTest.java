package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /metrics names every hostname, machine id, OS and CPU: without a configured credential it answers
 * loopback clients only (a Prometheus on the same host), and with {@code metricsToken} it answers
 * whoever sends that bearer token.
 */
class MetricsAccessTest {
  static final String TOKEN = "metrics-token-for-tests-0123456789";

  @TempDir Path dir;

  Http.Answer get(TestCollector c, String... headers) {
    HttpRequest.Builder b = c.http.builder("/metrics", null);
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return c.http.sendRaw(b.GET().build());
  }

  @Test
  void without_a_metrics_token_only_a_loopback_client_no_proxy_forwarded_may_scrape()
      throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      c.createUnit("a", "Xã A", null, "commune", 1);
      assertThat(get(c).status()).isEqualTo(200);
      assertThat(get(c).body()).contains("digiready_unit_info");
      // Through a reverse proxy on the same host every peer is 127.0.0.1: the proxy's header
      // tells that the client is someone else.
      for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
        Http.Answer proxied = get(c, header, "203.0.113.7");
        assertThat(proxied.status()).as(header).isEqualTo(403);
        assertThat(proxied.json().get("detail").asText()).contains("metricsToken");
        assertThat(proxied.body()).doesNotContain("digiready_unit_info");
      }
    }
  }

  @Test
  void behind_a_trusted_balancer_the_client_it_names_decides_and_nobody_else_can_name_one()
      throws Exception {
    // The test's requests come from 127.0.0.1, here the balancer's address.
    try (TestCollector c = new TestCollector(dir, "trustedProxies", "127.0.0.1")) {
      c.createUnit("a", "Xã A", null, "commune", 1);
      // A client elsewhere, as the balancer says: closed.
      assertThat(get(c, "X-Forwarded-For", "203.0.113.7").status()).isEqualTo(403);
      // Whatever the client wrote first, the balancer's own entry is the last one.
      assertThat(get(c, "X-Forwarded-For", "127.0.0.1, 203.0.113.7").status()).isEqualTo(403);
      // A Prometheus on the balancer's host, through the balancer: open.
      assertThat(get(c, "X-Forwarded-For", "203.0.113.7, 127.0.0.1").status()).isEqualTo(200);
      // The balancer passed no client address: nobody known, closed.
      assertThat(get(c).status()).isEqualTo(403);
    }
  }

  @Test
  void a_trusted_proxy_must_be_an_address_literal() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new TestCollector(dir, "trustedProxies", "balancer.example"))
        .hasMessageContaining("trustedProxies: expected IP addresses");
  }

  @Test
  void with_a_metrics_token_every_client_must_send_it_and_it_is_never_echoed() throws Exception {
    try (TestCollector c = new TestCollector(dir, "metricsToken", TOKEN)) {
      Http.Answer none = get(c);
      assertThat(none.status()).isEqualTo(401);
      assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(get(c, "Authorization", "Bearer wrong-" + TOKEN).status()).isEqualTo(401);
      assertThat(get(c, "Authorization", "Bearer " + TestCollector.ADMIN).status())
          .as("the admin token is not the metrics token")
          .isEqualTo(401);
      Http.Answer ok = get(c, "Authorization", "Bearer " + TOKEN);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.body()).doesNotContain(TOKEN);
      assertThat(none.body()).doesNotContain(TOKEN);
      assertThat(
              get(c, "Authorization", "Bearer " + TOKEN, "X-Forwarded-For", "203.0.113.7").status())
          .isEqualTo(200);
    }
  }

  @Test
  void a_short_metrics_token_stops_start_up_without_echoing_it() {
    var e =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> new TestCollector(dir, "metricsToken", "short"));
    assertThat(e)
        .hasMessageStartingWith("metricsToken: must be 16 to 512")
        .hasMessageNotContaining("short.");
  }
}

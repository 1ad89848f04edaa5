package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.digiready.collector.TestCollector.Agent;
import io.digiready.collector.store.FailingStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * digiready_probe_results_total and digiready_probe_latency_seconds, read from a real collector's
 * /metrics after heartbeats went through the real API.
 */
@Contract
class ProbeMetricsTest {
  @TempDir Path dir;

  static final String PORTAL = "https://dichvucong.gov.vn";
  static final String DNS = "dichvucong.gov.vn";

  static Map<String, Object> probe(
      String target, String kind, boolean ok, Long latencyMillis, String error) {
    return Fixtures.map(
        "target", target,
        "kind", kind,
        "internet", true,
        "ok", ok,
        "latencyMillis", latencyMillis,
        "error", error,
        "detail", null);
  }

  /** A heartbeat of the agent with these probes, at the collector's current time. */
  static Map<String, Object> heartbeat(
      TestCollector c, Agent a, long seq, List<Map<String, Object>> probes) {
    Map<String, Object> h = Fixtures.heartbeat(a.machineId(), seq, c.clock.instant(), true);
    h.put("probes", new ArrayList<>(probes));
    return h;
  }

  static Http.Answer send(TestCollector c, Agent a, List<Map<String, Object>> heartbeats) {
    return c.http.post(
        "/api/v1/heartbeats", a.token(), Fixtures.map("heartbeats", new ArrayList<>(heartbeats)));
  }

  static PromText scrape(TestCollector c) {
    return new PromText(c.http.get("/metrics", null).body());
  }

  static Double results(PromText m, String unit, String target, String kind, String outcome) {
    return m.value(
        "digiready_probe_results_total",
        "unit",
        unit,
        "target",
        target,
        "kind",
        kind,
        "outcome",
        outcome);
  }

  @Test
  void stored_probes_are_counted_by_unit_target_kind_and_outcome_and_duplicates_are_not()
      throws Exception {
    try (TestCollector c =
        new TestCollector(dir, "probeTargets", "http:" + PORTAL + ",dns:" + DNS)) {
      c.createUnit("a", "A", null, "district", 2);
      c.createUnit("b", "B", null, "district", 2);
      Agent a = c.enroll(c.enrollmentToken("a"), "PC-A", "uuid-a", "sn-a", "os-a");
      Agent b = c.enroll(c.enrollmentToken("b"), "PC-B", "uuid-b", "sn-b", "os-b");
      var first =
          List.of(
              probe(PORTAL, "http", true, 85L, null),
              probe(DNS, "dns", false, null, "dns_failure"),
              // Not one of the collector's targets: "other", whatever the agent was told.
              probe("collector.lan:8080", "tcp", true, 2L, null),
              // A configured target probed with another kind is not that target either.
              probe(DNS, "tcp", false, 3000L, "timeout"),
              // An error kind this collector does not know (a newer agent): "error".
              probe("https://example.org", "http", false, 40L, "quantum_flux"));
      assertThat(send(c, a, List.of(heartbeat(c, a, 1, first))).json().get("accepted").asInt())
          .isEqualTo(1);

      // The same heartbeat again (a retry), then a batch with it and one new heartbeat.
      var second =
          List.of(probe(PORTAL, "http", true, 300L, null), probe(DNS, "dns", true, 4L, null));
      assertThat(send(c, a, List.of(heartbeat(c, a, 1, first))).json().get("duplicates").asInt())
          .isEqualTo(1);
      var retryAndNew = send(c, a, List.of(heartbeat(c, a, 1, first), heartbeat(c, a, 2, second)));
      assertThat(retryAndNew.json().get("accepted").asInt()).isEqualTo(1);
      assertThat(retryAndNew.json().get("duplicates").asInt()).isEqualTo(1);

      // Rejected: invalid (seq 0) and another machine's id. Nothing of them is counted.
      assertThat(send(c, a, List.of(heartbeat(c, a, 0, second))).status()).isEqualTo(400);
      assertThat(send(c, b, List.of(heartbeat(c, a, 3, second))).status()).isEqualTo(403);

      assertThat(
              send(
                      c,
                      b,
                      List.of(
                          heartbeat(
                              c,
                              b,
                              1,
                              List.of(
                                  probe(PORTAL, "http", false, 5000L, "proxy_error"),
                                  probe(DNS, "dns", false, null, "network_error")))))
                  .status())
          .isEqualTo(200);

      PromText m = scrape(c);
      assertThat(results(m, "a", PORTAL, "http", "ok")).isEqualTo(2.0);
      assertThat(results(m, "a", DNS, "dns", "dns_failure")).isEqualTo(1.0);
      assertThat(results(m, "a", DNS, "dns", "ok")).isEqualTo(1.0);
      assertThat(results(m, "a", "other", "tcp", "ok")).isEqualTo(1.0);
      assertThat(results(m, "a", "other", "tcp", "timeout")).isEqualTo(1.0);
      assertThat(results(m, "a", "other", "http", "error")).isEqualTo(1.0);
      assertThat(results(m, "b", PORTAL, "http", "proxy_error")).isEqualTo(1.0);
      assertThat(results(m, "b", DNS, "dns", "network_error")).isEqualTo(1.0);
      // 5 probes + 2 probes from a, 2 from b: nothing else, so no retry or rejection slipped in.
      assertThat(m.find("digiready_probe_results_total")).hasSize(8);
      assertThat(
              m.find("digiready_probe_results_total").stream()
                  .mapToDouble(PromText.Sample::value)
                  .sum())
          .isEqualTo(9.0);
      assertThat(m.find("digiready_probe_results_total"))
          .allSatisfy(s -> assertThat(s.labels().get("target")).isIn(PORTAL, DNS, "other"));
    }
  }

  @Test
  void latency_of_successful_probes_goes_into_a_histogram_in_seconds_without_a_unit_label()
      throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      c.createUnit("a", "A", null, "district", 2);
      Agent a = c.enroll(c.enrollmentToken("a"), "PC-A", "uuid-a", "sn-a", "os-a");
      long seq = 1;
      for (long millis : new long[] {4, 85, 85, 300, 12_000}) {
        var probes =
            List.of(
                probe(PORTAL, "http", true, millis, null),
                // Failed probes carry a latency too; it is not a success latency.
                probe(DNS, "dns", false, 5000L, "timeout"));
        assertThat(send(c, a, List.of(heartbeat(c, a, seq++, probes))).status()).isEqualTo(200);
      }
      // A retry of seq 3 with other figures: a duplicate, its latency is not recorded.
      var retry =
          send(c, a, List.of(heartbeat(c, a, 3, List.of(probe(PORTAL, "http", true, 1L, null)))));
      assertThat(retry.json().get("duplicates").asInt()).isEqualTo(1);

      PromText m = scrape(c);
      String bucket = "digiready_probe_latency_seconds_bucket";
      assertThat(m.value(bucket, "target", PORTAL, "kind", "http", "le", "0.005")).isEqualTo(1.0);
      assertThat(m.value(bucket, "target", PORTAL, "kind", "http", "le", "0.05")).isEqualTo(1.0);
      assertThat(m.value(bucket, "target", PORTAL, "kind", "http", "le", "0.1")).isEqualTo(3.0);
      assertThat(m.value(bucket, "target", PORTAL, "kind", "http", "le", "0.5")).isEqualTo(4.0);
      assertThat(m.value(bucket, "target", PORTAL, "kind", "http", "le", "10.0")).isEqualTo(4.0);
      assertThat(m.value(bucket, "target", PORTAL, "kind", "http", "le", "+Inf")).isEqualTo(5.0);
      assertThat(m.value("digiready_probe_latency_seconds_count", "target", PORTAL, "kind", "http"))
          .isEqualTo(5.0);
      assertThat(m.value("digiready_probe_latency_seconds_sum", "target", PORTAL, "kind", "http"))
          .isCloseTo(12.474, within(1e-9));
      assertThat(m.find(bucket, "target", PORTAL)).hasSize(12); // 11 bounds and +Inf
      assertThat(m.find("digiready_probe_latency_seconds_count", "target", DNS)).isEmpty();
      assertThat(m.samples)
          .filteredOn(s -> s.name().startsWith("digiready_probe_latency_seconds"))
          .noneMatch(s -> s.labels().containsKey("unit"));
      assertThat(results(m, "a", DNS, "dns", "timeout")).isEqualTo(5.0);
    }
  }

  @Test
  void a_heartbeat_whose_commit_failed_is_not_counted_and_its_retry_is_counted_once()
      throws Exception {
    FailingStore[] failing = new FailingStore[1];
    try (TestCollector c = new TestCollector(dir, s -> failing[0] = new FailingStore(s))) {
      c.createUnit("a", "A", null, "district", 1);
      Agent a = c.enroll(c.enrollmentToken("a"), "PC-A", "uuid-a", "sn-a", "os-a");
      var probes = List.of(probe(PORTAL, "http", true, 85L, null));
      failing[0].full = true;
      assertThat(send(c, a, List.of(heartbeat(c, a, 1, probes))).status()).isEqualTo(503);
      assertThat(scrape(c).find("digiready_probe_results_total")).isEmpty();

      failing[0].full = false;
      assertThat(send(c, a, List.of(heartbeat(c, a, 1, probes))).status()).isEqualTo(200);
      PromText m = scrape(c);
      assertThat(results(m, "a", PORTAL, "http", "ok")).isEqualTo(1.0);
      assertThat(m.value("digiready_probe_latency_seconds_count", "target", PORTAL)).isEqualTo(1.0);
    }
  }
}

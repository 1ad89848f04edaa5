package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.digiready.collector.TestCollector.Agent;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Contract
class MetricsTest {
  @TempDir Path dir;

  static final String PL = "krong-nang.phu-loc";

  @Test
  void every_design_metric_is_exported_with_the_fixture_values() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      FixtureTree tree = new FixtureTree(c);
      c.createUnit("empty", "Sở Trống", null, "agency", 0);
      Http.Answer scrape = c.http.get("/metrics", null);
      assertThat(scrape.status()).isEqualTo(200);
      assertThat(scrape.header("Content-Type")).startsWith("text/plain");
      PromText m = new PromText(scrape.body());

      assertThat(
              m.value(
                  "digiready_unit_info",
                  "unit",
                  PL,
                  "name",
                  "Xã Phú Lộc",
                  "parent",
                  "krong-nang",
                  "kind",
                  "commune"))
          .isEqualTo(1.0);
      assertThat(m.value("digiready_unit_info", "unit", "krong-nang", "parent", "")).isEqualTo(1.0);
      assertThat(m.value("digiready_unit_staff", "unit", "krong-nang")).isEqualTo(14.0);
      assertThat(m.value("digiready_unit_staff", "unit", PL)).isEqualTo(10.0);
      assertThat(m.value("digiready_unit_machines", "unit", PL, "state", "online")).isEqualTo(7.0);
      assertThat(m.value("digiready_unit_machines", "unit", PL, "state", "offline")).isEqualTo(1.0);
      assertThat(m.value("digiready_unit_machines", "unit", PL, "state", "stale")).isEqualTo(1.0);
      assertThat(m.value("digiready_unit_machines", "unit", PL, "state", "retired")).isEqualTo(0.0);
      assertThat(m.value("digiready_unit_machines", "unit", "krong-nang", "state", "online"))
          .isEqualTo(13.0);
      assertThat(m.value("digiready_unit_internet_machines", "unit", PL)).isEqualTo(7.0);
      assertThat(m.value("digiready_unit_compliant_machines", "unit", PL)).isEqualTo(6.0);
      assertThat(m.value("digiready_unit_equipment_coverage_ratio", "unit", PL)).isEqualTo(0.8);
      assertThat(m.value("digiready_unit_connectivity_coverage_ratio", "unit", PL))
          .isEqualTo(0.875);
      assertThat(m.value("digiready_unit_compliance_ratio", "unit", PL)).isEqualTo(0.75);
      assertThat(m.value("digiready_unit_readiness_score", "unit", PL))
          .isCloseTo((0.8 + 0.875 + 0.75) / 3, within(1e-9));
      assertThat(m.value("digiready_unit_equipment_coverage_ratio", "unit", "krong-nang"))
          .isCloseTo(12.0 / 14, within(1e-9));
      assertThat(m.value("digiready_unit_equipment_target_ratio", "unit", PL)).isEqualTo(1.0);
      assertThat(m.value("digiready_unit_connectivity_target_ratio", "unit", PL)).isEqualTo(0.98);
      // The fixture ends on Thursday 10:10 in Hanoi.
      assertThat(m.value("digiready_unit_office_open", "unit", PL)).isEqualTo(1.0);
      // No staff: no equipment figure at all, never 1 or NaN.
      assertThat(m.value("digiready_unit_equipment_coverage_ratio", "unit", "empty")).isNull();
      assertThat(m.value("digiready_unit_readiness_score", "unit", "empty")).isNull();
      assertThat(m.value("digiready_unit_staff", "unit", "empty")).isEqualTo(0.0);

      String online = tree.agents.get("PL-1").machineId();
      String noInternet = tree.agents.get("PL-7").machineId();
      String offline = tree.agents.get("offline").machineId();
      String stale = tree.agents.get("stale").machineId();
      assertThat(m.value("digiready_machine_up", "machine", online, "unit", PL, "hostname", "PL-1"))
          .isEqualTo(1.0);
      assertThat(m.value("digiready_machine_up", "machine", offline)).isEqualTo(0.0);
      assertThat(m.value("digiready_machine_up", "machine", stale)).isNull();
      assertThat(m.value("digiready_machine_last_seen_timestamp_seconds", "machine", online))
          .isEqualTo(c.clock.instant().getEpochSecond() * 1.0);
      assertThat(m.value("digiready_machine_internet_up", "machine", online)).isEqualTo(1.0);
      assertThat(m.value("digiready_machine_internet_up", "machine", noInternet)).isEqualTo(0.0);
      assertThat(
              m.value(
                  "digiready_machine_info",
                  "machine",
                  online,
                  "os",
                  "Windows 10",
                  "cpu",
                  "Intel Core i5-10500",
                  "memory_gib",
                  "8"))
          .isEqualTo(1.0);
      assertThat(m.find("digiready_machine_up")).hasSize(14);
      String win7 = tree.agents.get("PL-5").machineId();
      String small = tree.agents.get("PL-6").machineId();
      assertThat(m.value("digiready_machine_compliant", "machine", online, "hostname", "PL-1"))
          .isEqualTo(1.0);
      assertThat(m.value("digiready_machine_compliant", "machine", win7)).isEqualTo(0.0);
      assertThat(m.value("digiready_machine_compliant", "machine", stale)).isNull();
      assertThat(
              m.value(
                  "digiready_machine_policy_failing",
                  "machine",
                  win7,
                  "unit",
                  PL,
                  "hostname",
                  "PL-5",
                  "rule",
                  "os",
                  "status",
                  "fail"))
          .isEqualTo(1.0);
      assertThat(m.value("digiready_machine_policy_failing", "machine", small, "rule", "memory"))
          .isEqualTo(1.0);
      assertThat(m.find("digiready_machine_policy_failing")).hasSize(2);
      // Equals the unit series: 8 working in phu-loc, 6 compliant (6 + 6 in the district).
      assertThat(m.find("digiready_machine_compliant", "unit", PL)).hasSize(8);
      assertThat(
              m.find("digiready_machine_compliant").stream()
                  .mapToDouble(PromText.Sample::value)
                  .sum())
          .isEqualTo(12.0);

      assertThat(
              m.value(
                  "digiready_reports_received_total", "kind", "heartbeat", "outcome", "accepted"))
          .isEqualTo(15.0);
      assertThat(
              m.value("digiready_reports_received_total", "kind", "enroll", "outcome", "accepted"))
          .isEqualTo(15.0);
      assertThat(
              m.value(
                  "http_server_requests_seconds_count",
                  "uri",
                  "/api/v1/heartbeats",
                  "method",
                  "POST",
                  "status",
                  "200"))
          .isEqualTo(15.0);
      assertThat(
              m.value(
                  "http_server_requests_seconds_count",
                  "uri",
                  "/api/v1/units/{code}",
                  "method",
                  "GET",
                  "status",
                  "200"))
          .isNull(); // not called in this test
      assertThat(m.find("digiready_writer_commit_seconds_count")).hasSize(1);
      assertThat(m.find("digiready_ingest_batch_size_count")).hasSize(1);
      assertThat(m.find("jvm_memory_used_bytes")).isNotEmpty();
    }
  }

  @Test
  void the_uri_label_is_the_route_template_not_the_raw_path() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      c.createUnit("a", "A", null, "district", 1);
      c.unitView("a");
      c.admin("GET", "/api/v1/units/does-not-exist", null);
      PromText m = new PromText(c.http.get("/metrics", null).body());
      assertThat(
              m.value(
                  "http_server_requests_seconds_count",
                  "uri",
                  "/api/v1/units/{code}",
                  "status",
                  "200"))
          .isEqualTo(1.0);
      assertThat(
              m.value(
                  "http_server_requests_seconds_count",
                  "uri",
                  "/api/v1/units/{code}",
                  "status",
                  "404"))
          .isEqualTo(1.0);
      assertThat(m.samples).noneMatch(s -> "/api/v1/units/a".equals(s.labels().get("uri")));
    }
  }

  @Test
  void per_machine_series_can_be_switched_off() throws Exception {
    try (TestCollector c = new TestCollector(dir, "metricsPerMachine", "false")) {
      new FixtureTree(c);
      PromText m = new PromText(c.http.get("/metrics", null).body());
      assertThat(m.samples).noneMatch(s -> s.name().startsWith("digiready_machine_"));
      // The tree has two machines failing the policy: without the switch they would be listed.
      assertThat(m.find("digiready_machine_policy_failing")).isEmpty();
      assertThat(m.find("digiready_machine_compliant")).isEmpty();
      assertThat(m.value("digiready_unit_compliant_machines", "unit", PL)).isEqualTo(6.0);
      assertThat(m.value("digiready_unit_equipment_coverage_ratio", "unit", PL)).isEqualTo(0.8);
    }
  }

  /** The failing-rule series of one machine, as "rule status" strings. */
  private static List<String> failing(PromText m, String machine) {
    return m.find("digiready_machine_policy_failing", "machine", machine).stream()
        .map(s -> s.labels().get("rule") + " " + s.labels().get("status"))
        .sorted()
        .toList();
  }

  @Test
  void the_policy_series_list_each_failing_rule_of_working_machines_only() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      c.createUnit("u", "U", null, "district", 6);
      String token = c.enrollmentToken("u");
      Agent gone = windows7(c, token, "OLD-7");
      c.clock.advance(Duration.ofDays(8)); // past the 7-day working window: stale
      Agent retired = windows7(c, token, "RET-7");
      assertThat(
              c.admin("POST", "/api/v1/machines/" + retired.machineId() + "/retire", "").status())
          .isEqualTo(200);
      Agent ok = c.compliantMachine(token, "OK", true);
      Agent win7 = windows7(c, token, "WIN-7");
      Agent small = c.enroll(token, "SMALL", "uuid-small", "sn-small", "os-small");
      assertThat(
              c.inventory(
                      small,
                      Fixtures.inventory(
                          "SMALL", c.clock.instant(), 2 * Fixtures.GIB, 1, "Windows", "10"))
                  .status())
          .isEqualTo(200);
      assertThat(c.beat(small, 1, true).status()).isEqualTo(200);
      // No inventory yet: memory, processors, OS, anti-malware and updates cannot be checked, so
      // it is not compliant.
      Agent blind = c.enroll(token, "BLIND", "uuid-blind", "sn-blind", "os-blind");
      assertThat(c.beat(blind, 1, true).status()).isEqualTo(200);

      PromText m = new PromText(c.http.get("/metrics", null).body());
      assertThat(failing(m, ok.machineId())).isEmpty();
      assertThat(failing(m, win7.machineId())).containsExactly("os fail");
      assertThat(failing(m, small.machineId())).containsExactly("logicalCpus fail", "memory fail");
      assertThat(failing(m, blind.machineId()))
          .containsExactly(
              "antiMalware unknown",
              "logicalCpus unknown",
              "memory unknown",
              "os unknown",
              "osUpdates unknown");
      assertThat(failing(m, gone.machineId())).isEmpty();
      assertThat(failing(m, retired.machineId())).isEmpty();
      assertThat(m.find("digiready_machine_policy_failing")).hasSize(8);
      assertThat(m.find("digiready_machine_policy_failing", "unit", "u", "hostname", "WIN-7"))
          .hasSize(1);

      assertThat(m.value("digiready_machine_compliant", "machine", ok.machineId())).isEqualTo(1.0);
      assertThat(m.value("digiready_machine_compliant", "machine", win7.machineId()))
          .isEqualTo(0.0);
      assertThat(m.value("digiready_machine_compliant", "machine", blind.machineId()))
          .isEqualTo(0.0);
      assertThat(m.value("digiready_machine_compliant", "machine", gone.machineId())).isNull();
      assertThat(m.value("digiready_machine_compliant", "machine", retired.machineId())).isNull();
      assertThat(m.find("digiready_machine_compliant")).hasSize(4);
      assertThat(m.value("digiready_unit_compliant_machines", "unit", "u")).isEqualTo(1.0);
    }
  }

  private static Agent windows7(TestCollector c, String token, String hostname) {
    Agent a = c.enroll(token, hostname, "uuid-" + hostname, "sn-" + hostname, "os-" + hostname);
    assertThat(
            c.inventory(
                    a,
                    Fixtures.inventory(
                        hostname, c.clock.instant(), 8 * Fixtures.GIB, 4, "Windows", "7"))
                .status())
        .isEqualTo(200);
    assertThat(c.beat(a, 1, true).status()).isEqualTo(200);
    return a;
  }

  @Test
  void metrics_basic_auth_is_enforced_when_configured() throws Exception {
    try (TestCollector c =
        new TestCollector(dir, "metricsUsername", "prom", "metricsPassword", "s3cret")) {
      assertThat(c.http.get("/metrics", null).status()).isEqualTo(401);
      String good =
          Base64.getEncoder().encodeToString("prom:s3cret".getBytes(StandardCharsets.UTF_8));
      String bad = Base64.getEncoder().encodeToString("prom:nope".getBytes(StandardCharsets.UTF_8));
      HttpRequest ok =
          c.http.builder("/metrics", null).header("Authorization", "Basic " + good).GET().build();
      HttpRequest wrong =
          c.http.builder("/metrics", null).header("Authorization", "Basic " + bad).GET().build();
      assertThat(c.http.sendRaw(ok).status()).isEqualTo(200);
      assertThat(c.http.sendRaw(wrong).status()).isEqualTo(401);
    }
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
      assertThat(m.value("digiready_unit_equipment_coverage_ratio", "unit", PL)).isEqualTo(0.8);
    }
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

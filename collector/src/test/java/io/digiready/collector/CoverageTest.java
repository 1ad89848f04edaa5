package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Contract
class CoverageTest {
  @TempDir Path dir;
  TestCollector c;
  FixtureTree tree;

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
    tree = new FixtureTree(c);
  }

  @AfterEach
  void stop() {
    c.close();
  }

  @Test
  void a_commune_with_staff_10_8_working_and_7_online_gives_0_8_and_0_875() {
    JsonNode u = c.unitView("krong-nang.phu-loc");
    assertThat(u.get("name").asText()).isEqualTo("Xã Phú Lộc");
    assertThat(u.get("staff").asInt()).isEqualTo(10);
    assertThat(u.at("/machines/online").asInt()).isEqualTo(7);
    assertThat(u.at("/machines/offline").asInt()).isEqualTo(1);
    assertThat(u.at("/machines/stale").asInt()).isEqualTo(1);
    assertThat(u.get("workingMachines").asInt()).isEqualTo(8);
    assertThat(u.get("internetMachines").asInt()).isEqualTo(7);
    assertThat(u.get("compliantMachines").asInt()).isEqualTo(6);
    assertThat(u.get("equipmentCoverage").asDouble()).isEqualTo(0.8);
    assertThat(u.get("connectivityCoverage").asDouble()).isEqualTo(0.875);
    assertThat(u.get("compliance").asDouble()).isEqualTo(0.75);
    assertThat(u.get("readinessScore").asDouble())
        .isCloseTo((0.8 + 0.875 + 0.75) / 3, within(1e-9));
  }

  @Test
  void the_district_rolls_up_without_spare_pcs_hiding_a_shortfall() {
    JsonNode d = c.unitView("krong-nang");
    assertThat(d.get("staff").asInt()).isEqualTo(14);
    assertThat(d.get("workingMachines").asInt()).isEqualTo(14);
    assertThat(d.get("equipmentCoverage").asDouble()).isCloseTo(12.0 / 14, within(1e-9));
    assertThat(d.get("connectivityCoverage").asDouble()).isCloseTo(13.0 / 14, within(1e-9));
    assertThat(d.get("compliance").asDouble()).isCloseTo(12.0 / 14, within(1e-9));
    assertThat(d.at("/machines/stale").asInt()).isEqualTo(1);
  }

  @Test
  void siblings_are_ranked_by_readiness_score() {
    JsonNode tamGiang = c.unitView("krong-nang.tam-giang");
    JsonNode phuLoc = c.unitView("krong-nang.phu-loc");
    assertThat(tamGiang.get("readinessScore").asDouble()).isEqualTo(1.0);
    assertThat(tamGiang.get("rank").asInt()).isEqualTo(1);
    assertThat(phuLoc.get("rank").asInt()).isEqualTo(2);
    assertThat(phuLoc.get("of").asInt()).isEqualTo(2);
    assertThat(c.unitView("krong-nang").get("rank").asInt()).isEqualTo(1);
    assertThat(c.unitView("krong-nang").get("of").asInt()).isEqualTo(1);
  }

  @Test
  void a_unit_tree_without_staff_has_no_equipment_coverage_rather_than_1_or_nan() {
    c.createUnit("empty", "Sở Trống", null, "agency", 0);
    JsonNode u = c.unitView("empty");
    assertThat(u.get("equipmentCoverage").isNull()).isTrue();
    assertThat(u.get("connectivityCoverage").isNull()).isTrue();
    assertThat(u.get("readinessScore").isNull()).isTrue();
  }

  @Test
  void machines_go_offline_after_3_intervals_and_stale_after_the_working_window() {
    String id = tree.agents.get("PL-1").machineId();
    c.clock.advance(Duration.ofSeconds(179));
    assertThat(state(id)).isEqualTo("online");
    c.clock.advance(Duration.ofSeconds(2));
    assertThat(state(id)).isEqualTo("offline");
    c.clock.advance(Duration.ofDays(7));
    assertThat(state(id)).isEqualTo("stale");
    JsonNode u = c.unitView("krong-nang.phu-loc");
    assertThat(u.get("workingMachines").asInt()).isZero();
    assertThat(u.get("equipmentCoverage").asDouble()).isZero();
  }

  @Test
  void an_enrolled_machine_counts_as_working_only_after_its_first_heartbeat() {
    c.createUnit("fake", "Xã Giả", null, "commune", 10);
    String token = c.enrollmentToken("fake");
    java.util.List<TestCollector.Agent> silent = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      silent.add(c.enroll(token, "FAKE-" + i, "uuid-fake-" + i, "sn-fake-" + i, "os-fake-" + i));
    }
    JsonNode u = c.unitView("fake");
    assertThat(u.get("workingMachines").asInt()).isZero();
    assertThat(u.get("equipmentCoverage").asDouble()).isZero();
    assertThat(u.at("/machines/offline").asInt()).isZero();
    assertThat(u.at("/machines/stale").asInt()).isEqualTo(30);
    assertThat(state(silent.get(0).machineId())).isEqualTo("stale");

    assertThat(c.beat(silent.get(0), 1, true).status()).isEqualTo(200);
    JsonNode after = c.unitView("fake");
    assertThat(after.get("workingMachines").asInt()).isEqualTo(1);
    assertThat(after.get("equipmentCoverage").asDouble()).isEqualTo(0.1);
    assertThat(state(silent.get(0).machineId())).isEqualTo("online");
  }

  @Test
  void internet_older_than_the_connectivity_window_no_longer_counts() {
    c.clock.advance(Duration.ofHours(23));
    assertThat(c.unitView("krong-nang.tam-giang").get("internetMachines").asInt()).isEqualTo(6);
    c.clock.advance(Duration.ofHours(2));
    assertThat(c.unitView("krong-nang.tam-giang").get("internetMachines").asInt()).isZero();
  }

  @Test
  void a_retired_machine_leaves_the_counts_and_a_moved_one_counts_in_its_new_unit() {
    String stale = tree.agents.get("stale").machineId();
    assertThat(
            c.admin("POST", "/api/v1/machines/" + stale + "/retire", "")
                .json()
                .get("state")
                .asText())
        .isEqualTo("retired");
    String tg = tree.agents.get("TG-1").machineId();
    var moved =
        c.admin(
            "POST", "/api/v1/machines/" + tg + "/move", Fixtures.map("unit", "krong-nang.phu-loc"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    JsonNode u = c.unitView("krong-nang.phu-loc");
    assertThat(u.at("/machines/retired").asInt()).isEqualTo(1);
    assertThat(u.at("/machines/stale").asInt()).isZero();
    assertThat(u.get("workingMachines").asInt()).isEqualTo(9);
    assertThat(c.unitView("krong-nang.tam-giang").get("workingMachines").asInt()).isEqualTo(5);
  }

  @Test
  void office_hours_follow_the_unit_time_zone_and_holidays_and_are_inherited() {
    // 2026-11-26T01:00Z is Thursday 08:00 in Hanoi but 02:00 in Paris.
    c.clock.set(Instant.parse("2026-11-26T01:00:00Z"));
    assertThat(c.unitView("krong-nang.phu-loc").get("officeHoursNow").asBoolean()).isTrue();
    var paris = Fixtures.unit("krong-nang.tam-giang", "Xã Tâm Giang", "krong-nang", "commune", 4);
    paris.put("officeHours", Fixtures.map("timeZone", "Europe/Paris"));
    assertThat(c.admin("PUT", "/api/v1/units/krong-nang.tam-giang", paris).status()).isEqualTo(200);
    assertThat(c.unitView("krong-nang.tam-giang").get("officeHoursNow").asBoolean()).isFalse();

    var holiday = Fixtures.unit("krong-nang", "Huyện Krông Năng", null, "district", 0);
    holiday.put("officeHours", Fixtures.map("holidays", java.util.List.of("2026-11-26")));
    assertThat(c.admin("PUT", "/api/v1/units/krong-nang", holiday).status()).isEqualTo(200);
    assertThat(c.unitView("krong-nang").get("officeHoursNow").asBoolean()).isFalse();
    JsonNode child = c.unitView("krong-nang.phu-loc");
    assertThat(child.get("officeHoursNow").asBoolean()).isFalse();
    assertThat(child.at("/effectiveOfficeHours/holidays/0").asText()).isEqualTo("2026-11-26");

    // Wednesday 23:30 UTC is already Thursday 06:30 in Hanoi: before opening, not "Wednesday".
    c.clock.set(Instant.parse("2026-11-25T23:30:00Z"));
    holiday.put("officeHours", null);
    c.admin("PUT", "/api/v1/units/krong-nang", holiday);
    assertThat(c.unitView("krong-nang.phu-loc").get("officeHoursNow").asBoolean()).isFalse();
    c.clock.set(Instant.parse("2026-11-26T00:30:00Z"));
    assertThat(c.unitView("krong-nang.phu-loc").get("officeHoursNow").asBoolean()).isTrue();
    c.clock.set(Instant.parse("2026-11-28T03:00:00Z")); // Saturday 10:00 in Hanoi
    assertThat(c.unitView("krong-nang.phu-loc").get("officeHoursNow").asBoolean()).isFalse();
  }

  @Test
  void a_machine_readiness_lists_every_rule_with_the_failing_value() {
    JsonNode m =
        c.admin("GET", "/api/v1/machines/" + tree.agents.get("PL-6").machineId(), null).json();
    JsonNode checks = m.at("/readiness/checks");
    assertThat(checks.size()).isEqualTo(7);
    assertThat(m.at("/readiness/compliant").asBoolean()).isFalse();
    JsonNode memory = checks.get(0);
    assertThat(memory.get("rule").asText()).isEqualTo("memory");
    assertThat(memory.get("status").asText()).isEqualTo("fail");
    assertThat(memory.get("value").asText()).isEqualTo("2 GiB");
    assertThat(checks.get(4).get("rule").asText()).isEqualTo("clock");
    assertThat(checks.get(4).get("status").asText()).isEqualTo("pass");
    assertThat(checks.get(5).get("rule").asText()).isEqualTo("antiMalware");
    assertThat(checks.get(5).get("value").asText())
        .isEqualTo("Windows Defender: enabled, up to date");
    assertThat(checks.get(6).get("rule").asText()).isEqualTo("osUpdates");
    assertThat(checks.get(6).get("status").asText()).isEqualTo("pass");
  }

  private String state(String id) {
    return c.admin("GET", "/api/v1/machines/" + id, null).json().get("state").asText();
  }
}

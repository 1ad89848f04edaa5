package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hourly availability of a subtree. In the fixture the stale PC beat once 8 days ago (with
 * internet); everything else beat once in the hour 2026-12-03T03:00Z: 14 machines, 13 with internet
 * (PL-7 has none).
 */
@Contract
class UnitHistoryTest {
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
  void seven_days_hold_the_current_hour_and_thirty_days_the_old_heartbeat_too() {
    JsonNode week = c.admin("GET", "/api/v1/units/krong-nang/history?days=7", null).json();
    assertThat(week.get("days").asInt()).isEqualTo(7);
    assertThat(week.get("to").asText()).isEqualTo("2026-12-03T04:00:00Z");
    assertThat(week.get("from").asText()).isEqualTo("2026-11-26T04:00:00Z");
    assertThat(week.get("buckets")).hasSize(1);
    JsonNode hour = week.get("buckets").get(0);
    assertThat(hour.get("hour").asText()).isEqualTo("2026-12-03T03:00:00Z");
    assertThat(hour.get("machines").asLong()).isEqualTo(14);
    assertThat(hour.get("heartbeats").asLong()).isEqualTo(14);
    assertThat(hour.get("internetUp").asLong()).isEqualTo(13);

    JsonNode month = c.admin("GET", "/api/v1/units/krong-nang/history?days=30", null).json();
    assertThat(month.get("buckets")).hasSize(2);
    JsonNode old = month.get("buckets").get(0);
    assertThat(old.get("hour").asText()).isEqualTo("2026-11-25T03:00:00Z");
    assertThat(old.get("machines").asLong()).isEqualTo(1);
    assertThat(old.get("internetUp").asLong()).isEqualTo(1);
  }

  @Test
  void a_second_heartbeat_in_the_hour_adds_a_heartbeat_not_a_machine() {
    Http.Answer beat = c.beat(tree.agents.get("TG-1"), 2, false);
    assertThat(beat.status()).isEqualTo(200);
    JsonNode hour =
        c.admin("GET", "/api/v1/units/krong-nang.tam-giang/history?days=1", null)
            .json()
            .get("buckets")
            .get(0);
    assertThat(hour.get("machines").asLong()).isEqualTo(6);
    assertThat(hour.get("heartbeats").asLong()).isEqualTo(7);
    assertThat(hour.get("internetUp").asLong()).isEqualTo(6);
  }

  @Test
  void a_moved_machine_s_past_hours_stay_with_its_old_unit() {
    String id = tree.agents.get("TG-1").machineId();
    Http.Answer moved =
        c.admin(
            "POST",
            "/api/v1/machines/" + id + "/move",
            java.util.Map.of("unit", "krong-nang.phu-loc"));
    assertThat(moved.status()).isEqualTo(200);
    JsonNode tg = c.admin("GET", "/api/v1/units/krong-nang.tam-giang/history?days=1", null).json();
    assertThat(tg.get("buckets").get(0).get("machines").asLong()).isEqualTo(6);
  }

  @Test
  void a_commune_sees_only_its_own_machines() {
    JsonNode tg = c.admin("GET", "/api/v1/units/krong-nang.tam-giang/history?days=30", null).json();
    assertThat(tg.get("buckets")).hasSize(1);
    assertThat(tg.get("buckets").get(0).get("machines").asLong()).isEqualTo(6);
    assertThat(tg.get("buckets").get(0).get("internetUp").asLong()).isEqualTo(6);
  }

  @Test
  void bad_days_and_unknown_units_are_named() {
    for (String days : new String[] {"0", "401", "week", "-3", "1.5"}) {
      Http.Answer a = c.admin("GET", "/api/v1/units/krong-nang/history?days=" + days, null);
      assertThat(a.status()).as(days).isEqualTo(400);
      assertThat(a.json().get("detail").asText()).startsWith("days:");
    }
    Http.Answer unknown = c.admin("GET", "/api/v1/units/nowhere/history", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asText()).startsWith("unit:");
    assertThat(c.admin("GET", "/api/v1/units/krong-nang/history", null).json().get("days").asInt())
        .isEqualTo(7);
  }
}

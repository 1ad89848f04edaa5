package io.digiready.collector;

import static io.digiready.collector.Fixtures.GIB;
import static io.digiready.collector.Fixtures.antiMalware;
import static io.digiready.collector.Fixtures.protection;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protected computers per unit: anti-malware and update status from inventories, the two readiness
 * rules, the unit's protection coverage against its target in the API, CSV, /metrics, and the
 * events a switched-off product makes.
 */
@Contract
class ProtectionTest {
  @TempDir Path dir;

  static final String PL = "krong-nang.phu-loc";
  static final String TG = "krong-nang.tam-giang";
  static final String KASPERSKY = "Kaspersky Endpoint Security for Windows";

  /** Phú Lộc: protected, out of date, switched off, no product, an older agent; Tâm Giang: one. */
  static Map<String, Agent> fleet(TestCollector c) {
    c.createUnit("krong-nang", "Huyện Krông Năng", null, "district", 2);
    c.createUnit(PL, "Xã Phú Lộc", "krong-nang", "commune", 5);
    c.createUnit(TG, "Xã Tâm Giang", "krong-nang", "commune", 1);
    String pl = c.enrollmentToken(PL);
    Map<String, Agent> out = new java.util.LinkedHashMap<>();
    out.put(
        "ok",
        pc(
            c,
            pl,
            "PL-OK",
            protection(
                antiMalware("Windows Defender", false, true), antiMalware(KASPERSKY, true, true))));
    out.put("stale-defs", pc(c, pl, "PL-DEFS", protection(antiMalware("Bkav Pro", true, false))));
    out.put("off", pc(c, pl, "PL-OFF", protection(antiMalware("Windows Defender", false, true))));
    out.put("none", pc(c, pl, "PL-NONE", protection()));
    out.put("old", pc(c, pl, "PL-OLD", null));
    out.put(
        "tg",
        pc(
            c,
            c.enrollmentToken(TG),
            "TG-1",
            protection(antiMalware("Windows Defender", true, true))));
    return out;
  }

  /** A PC whose inventory has the given protection section (null: an agent without it). */
  static Agent pc(TestCollector c, String token, String hostname, Map<String, Object> protection) {
    Agent a = c.enroll(token, hostname, "uuid-" + hostname, "sn-" + hostname, "os-" + hostname);
    Map<String, Object> inv =
        Fixtures.inventory(hostname, c.clock.instant(), 8 * GIB, 4, "Windows", "10");
    if (protection == null) {
      inv.remove("protection");
      inv.remove("updates");
    } else {
      inv.put("protection", protection);
    }
    assertThat(c.inventory(a, inv).status()).isEqualTo(200);
    assertThat(c.beat(a, 1, true).status()).isEqualTo(200);
    return a;
  }

  @Test
  void units_count_protected_computers_against_their_protection_target() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      fleet(c);
      JsonNode pl = c.unitView(PL);
      assertThat(pl.get("workingMachines").asInt()).isEqualTo(5);
      assertThat(pl.get("protectedMachines").asInt()).isEqualTo(1);
      assertThat(pl.get("protectionCoverage").asDouble()).isEqualTo(0.2);
      assertThat(pl.get("protectionTarget").asDouble()).isEqualTo(1.0);
      // Only the protected PC meets the policy: anti-malware is one of its rules.
      assertThat(pl.get("compliantMachines").asInt()).isEqualTo(1);
      JsonNode district = c.unitView("krong-nang");
      assertThat(district.get("protectedMachines").asInt()).isEqualTo(2);
      assertThat(district.get("protectionCoverage").asDouble()).isEqualTo(2.0 / 6);

      // A unit without working computers has no figure.
      c.createUnit("krong-nang.kho", "Kho", "krong-nang", "agency", 0);
      assertThat(c.unitView("krong-nang.kho").get("protectionCoverage").isNull()).isTrue();

      PromText m = new PromText(c.http.get("/metrics", null).body());
      assertThat(m.value("digiready_unit_protected_machines", "unit", PL)).isEqualTo(1.0);
      assertThat(m.value("digiready_unit_protection_coverage_ratio", "unit", PL)).isEqualTo(0.2);
      assertThat(m.value("digiready_unit_protection_target_ratio", "unit", PL)).isEqualTo(1.0);
      assertThat(m.value("digiready_unit_protection_coverage_ratio", "unit", "krong-nang.kho"))
          .isNull();
      assertThat(m.value("digiready_unit_protected_machines", "unit", "krong-nang.kho"))
          .isEqualTo(0.0);
    }
  }

  @Test
  void each_pc_says_why_it_is_not_protected() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      Map<String, Agent> pcs = fleet(c);
      assertThat(antiMalwareCheck(c, pcs.get("ok")))
          .containsExactly("pass", KASPERSKY + ": enabled, up to date");
      assertThat(antiMalwareCheck(c, pcs.get("stale-defs")))
          .containsExactly("fail", "Bkav Pro: out of date");
      assertThat(antiMalwareCheck(c, pcs.get("off")))
          .containsExactly("fail", "Windows Defender: switched off");
      assertThat(antiMalwareCheck(c, pcs.get("none"))).containsExactly("fail", "no product");
      assertThat(antiMalwareCheck(c, pcs.get("old"))).containsExactly("unknown", null);

      PromText m = new PromText(c.http.get("/metrics", null).body());
      assertThat(
              m.value(
                  "digiready_machine_policy_failing",
                  "machine",
                  pcs.get("off").machineId(),
                  "rule",
                  "antiMalware",
                  "status",
                  "fail"))
          .isEqualTo(1.0);

      String csv = c.admin("GET", "/api/v1/reports/machines.csv?unit=" + PL, null).body();
      assertThat(csv)
          // Fixtures.UPDATED_AT, 2026-11-22T03:00:00Z, in Hanoi's time.
          .contains(",protected,2026-11-22 10:00:00\r\n")
          .contains(",out of date,")
          .contains(",switched off,")
          .contains(",none,")
          .contains(",unknown,\r\n");
    }
  }

  static List<String> antiMalwareCheck(TestCollector c, Agent a) {
    JsonNode m = c.admin("GET", "/api/v1/machines/" + a.machineId(), null).json();
    for (JsonNode check : m.at("/readiness/checks")) {
      if (check.get("rule").asText().equals("antiMalware")) {
        List<String> out = new ArrayList<>();
        out.add(check.get("status").asText());
        out.add(check.get("value").isNull() ? null : check.get("value").asText());
        return out;
      }
    }
    throw new AssertionError("no antiMalware check");
  }

  @Test
  void a_pc_not_updated_for_more_than_60_days_fails_the_policy_but_stays_protected()
      throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      Map<String, Agent> pcs = fleet(c);
      c.clock.advance(Duration.ofDays(58)); // the fixture update is now 61 days old
      for (Agent a : pcs.values()) {
        c.beat(a, 2, true);
      }
      JsonNode tg = c.unitView(TG);
      assertThat(tg.get("compliantMachines").asInt()).isZero();
      assertThat(tg.get("protectedMachines").asInt()).isEqualTo(1);
      JsonNode m = c.admin("GET", "/api/v1/machines/" + pcs.get("tg").machineId(), null).json();
      assertThat(m.at("/readiness/checks/6"))
          .isEqualTo(
              Http.JSON.valueToTree(
                  Fixtures.map(
                      "rule", "osUpdates",
                      "status", "fail",
                      "value", "61 days ago",
                      "expected", "within 60 days",
                      "measured", List.of(Fixtures.map("unit", "days", "value", 61.0)),
                      "required",
                          List.of(Fixtures.map("unit", "days", "value", 60.0, "bound", "max")))));
    }
  }

  @Test
  void a_collector_that_does_not_require_anti_malware_still_counts_protected_computers()
      throws Exception {
    try (TestCollector c =
        new TestCollector(dir, "requireAntiMalware", "false", "osUpdatedWithinDays", "0")) {
      fleet(c);
      JsonNode pl = c.unitView(PL);
      assertThat(pl.get("compliantMachines").asInt()).isEqualTo(5);
      assertThat(pl.get("protectedMachines").asInt()).isEqualTo(1);
    }
  }

  @Test
  void switching_anti_malware_off_is_an_event_of_the_machine() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      Agent a = fleet(c).get("tg");
      c.clock.advance(Duration.ofHours(2));
      Map<String, Object> inv =
          Fixtures.inventory("TG-1", c.clock.instant(), 8 * GIB, 4, "Windows", "10");
      inv.put("protection", protection(antiMalware("Windows Defender", false, false)));
      assertThat(c.inventory(a, inv).json().get("changed").asBoolean()).isTrue();
      JsonNode m = c.admin("GET", "/api/v1/machines/" + a.machineId(), null).json();
      List<String> events = new ArrayList<>();
      m.get("events")
          .forEach(e -> events.add(e.get("kind").asText() + ": " + e.get("detail").asText()));
      assertThat(events)
          .contains(
              "protection_changed: anti-malware Windows Defender switched off",
              "protection_changed: anti-malware Windows Defender definitions out of date");
      assertThat(c.unitView(TG).get("protectedMachines").asInt()).isZero();
      // An update installed later is stored (readiness needs its date) without an event.
      inv.put(
          "updates",
          Fixtures.map("lastInstalledAt", c.clock.instant().toString(), "rebootPending", true));
      assertThat(c.inventory(a, inv).json().get("changed").asBoolean()).isTrue();
      JsonNode again = c.admin("GET", "/api/v1/machines/" + a.machineId(), null).json();
      assertThat(again.get("events").size()).isEqualTo(m.get("events").size());
      assertThat(again.at("/inventory/updates/rebootPending").asBoolean()).isTrue();
    }
  }

  @Test
  void the_protection_target_is_set_per_unit_by_api_and_csv() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      c.createUnit("krong-nang", "Huyện Krông Năng", null, "district", 2);
      Map<String, Object> body =
          Fixtures.unit("krong-nang", "Huyện Krông Năng", null, "district", 2);
      body.put("protectionTarget", 0.9);
      Http.Answer put = c.admin("PUT", "/api/v1/units/krong-nang", body);
      assertThat(put.status()).as(put.body()).isEqualTo(200);
      assertThat(put.json().get("protectionTarget").asDouble()).isEqualTo(0.9);
      body.put("protectionTarget", 1.5);
      Http.Answer bad = c.admin("PUT", "/api/v1/units/krong-nang", body);
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().get("detail").asText())
          .isEqualTo("protectionTarget: must be from 0 to 1. Found: 1.5");

      Http.Answer imported =
          importCsv(
              c,
              "code,name,parent,kind,staff,equipmentTarget,connectivityTarget,protectionTarget\n"
                  + "krong-nang.phu-loc,Xã Phú Lộc,krong-nang,commune,5,1.0,0.98,0.95\n");
      assertThat(imported.status()).as(imported.body()).isEqualTo(200);
      assertThat(c.unitView(PL).get("protectionTarget").asDouble()).isEqualTo(0.95);
      // An older template without the column keeps what is set.
      importCsv(
          c, "code,name,parent,kind,staff\nkrong-nang.phu-loc,Xã Phú Lộc,krong-nang,commune,6\n");
      assertThat(c.unitView(PL).get("protectionTarget").asDouble()).isEqualTo(0.95);
      assertThat(c.unitView(PL).get("staff").asInt()).isEqualTo(6);
      Http.Answer wrong =
          importCsv(c, "code,name,parent,kind,staff,equipmentTarget,connectivityTarget,x\n");
      assertThat(wrong.json().get("detail").asText())
          .isEqualTo(
              "line 1: header must be code,name,parent,kind,staff"
                  + "[,equipmentTarget,connectivityTarget[,protectionTarget[,requiredApplications]]]");

      String units = c.admin("GET", "/api/v1/units.csv", null).body();
      assertThat(units.lines().findFirst().orElseThrow())
          .endsWith(
              ",rank,of,protectedMachines,protectionCoverage,protectionTarget,"
                  + "softwareReadyMachines,softwareCoverage,softwareTarget");
      assertThat(units)
          .contains("\r\nkrong-nang.phu-loc,Xã Phú Lộc,")
          .contains(",0,,0.9500,,,1.0000\r\n");
    }
  }

  static Http.Answer importCsv(TestCollector c, String csv) {
    return c.http.send(
        "POST",
        "/api/v1/units/import",
        TestCollector.ADMIN,
        "text/csv; charset=utf-8",
        csv.getBytes(StandardCharsets.UTF_8),
        false);
  }
}

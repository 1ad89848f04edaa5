package io.digiready.collector;

import static io.digiready.collector.Fixtures.GIB;
import static io.digiready.collector.Fixtures.software;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installed software end to end: agents send lists, the collector stores them (the list is kept
 * when an inventory leaves it out), makes bounded events, and answers which machines have an
 * application and what a subtree has most.
 */
@Contract
class SoftwareApiTest {
  @TempDir Path dir;
  TestCollector c;
  String phuLoc;
  String tamGiang;

  static final String CHROME = "Google Chrome";

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
    c.createUnit("krong-nang", "Huyện Krông Năng", null, "district", 10);
    c.createUnit("krong-nang.phu-loc", "Xã Phú Lộc", "krong-nang", "commune", 5);
    c.createUnit("krong-nang.tam-giang", "Xã Tâm Giang", "krong-nang", "commune", 5);
    phuLoc = c.enrollmentToken("krong-nang.phu-loc");
    tamGiang = c.enrollmentToken("krong-nang.tam-giang");
  }

  @AfterEach
  void stop() {
    c.close();
  }

  /** An inventory of a protected, updated PC with the given software list (null: left out). */
  Map<String, Object> inventory(String hostname, List<Map<String, Object>> software) {
    Map<String, Object> inv =
        Fixtures.inventory(hostname, c.clock.instant(), 8 * GIB, 4, "Windows", "10");
    if (software != null) {
      inv.put("software", new ArrayList<>(software));
    }
    return inv;
  }

  Agent pc(String token, String hostname, List<Map<String, Object>> software) {
    Agent a = c.enroll(token, hostname, "uuid-" + hostname, "sn-" + hostname, "os-" + hostname);
    Http.Answer r = c.inventory(a, inventory(hostname, software));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(c.beat(a, 1, true).status()).isEqualTo(200);
    return a;
  }

  static List<Map<String, Object>> office(String chromeVersion) {
    return List.of(
        software(CHROME, chromeVersion, "Google LLC", "2026-11-14"),
        software("Unikey 4.3 RC5", "4.3.5", "Pham Kim Long", null),
        software("Zalo", "24.11.1", "VNG Corporation", "2026-10-02"));
  }

  JsonNode machineSoftware(Agent a) {
    Http.Answer r = c.admin("GET", "/api/v1/machines/" + a.machineId() + "/software", null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  List<String> events(Agent a, String kind) {
    JsonNode m = c.admin("GET", "/api/v1/machines/" + a.machineId(), null).json();
    List<String> out = new ArrayList<>();
    m.get("events")
        .forEach(
            e -> {
              if (e.get("kind").asText().equals(kind)) {
                out.add(e.get("detail").asText());
              }
            });
    java.util.Collections.reverse(out);
    return out;
  }

  @Test
  void a_machine_s_software_list_is_stored_by_name_and_kept_when_an_inventory_leaves_it_out() {
    Agent a = pc(phuLoc, "PL-1", office("131.0.6778.86"));
    JsonNode list = machineSoftware(a);
    assertThat(list.get("count").asInt()).isEqualTo(3);
    assertThat(list.get("reportedAt").asText()).isEqualTo(c.clock.instant().toString());
    assertThat(list.at("/software/0"))
        .isEqualTo(
            Http.JSON.valueToTree(
                Map.of(
                    "name", CHROME,
                    "version", "131.0.6778.86",
                    "vendor", "Google LLC",
                    "installDate", "2026-11-14")));
    assertThat(list.at("/software/1/installDate").isNull()).isTrue();
    assertThat(events(a, "software_changed"))
        .containsExactly("software list received: 3 applications");

    // The next inventory without a list: unchanged, nothing stored, nothing new.
    c.clock.advance(Duration.ofHours(1));
    Http.Answer same = c.inventory(a, inventory("PL-1", null));
    assertThat(same.json().get("changed").asBoolean()).isFalse();
    assertThat(machineSoftware(a).get("count").asInt()).isEqualTo(3);
    // The stored inventory does not carry the list: it lives in its own tables.
    JsonNode m = c.admin("GET", "/api/v1/machines/" + a.machineId(), null).json();
    assertThat(m.at("/inventory/software").isMissingNode()).isTrue();
    assertThat(m.at("/inventory/protection/antiMalware/0/name").asText())
        .isEqualTo("Windows Defender");

    // An empty list: nothing installed (not "unknown").
    Http.Answer none = c.inventory(a, inventory("PL-1", List.of()));
    assertThat(none.json().get("changed").asBoolean()).isTrue();
    assertThat(machineSoftware(a).get("count").asInt()).isZero();
    assertThat(events(a, "software_changed"))
        .containsExactly(
            "software list received: 3 applications",
            "software Google Chrome 131.0.6778.86 removed",
            "software Unikey 4.3 RC5 4.3.5 removed",
            "software Zalo 24.11.1 removed");
  }

  @Test
  void an_older_agent_without_the_new_sections_has_no_list_and_unknown_protection() {
    Agent a = c.enroll(phuLoc, "OLD", "uuid-old", "sn-old", "os-old");
    Map<String, Object> inv = inventory("OLD", null);
    inv.remove("protection");
    inv.remove("updates");
    assertThat(c.inventory(a, inv).status()).isEqualTo(200);
    assertThat(c.beat(a, 1, true).status()).isEqualTo(200);
    JsonNode list = machineSoftware(a);
    assertThat(list.get("software").isNull()).isTrue();
    assertThat(list.get("count").isNull()).isTrue();
    JsonNode m = c.admin("GET", "/api/v1/machines/" + a.machineId(), null).json();
    assertThat(m.at("/readiness/compliant").asBoolean()).isFalse();
    assertThat(m.at("/readiness/checks/5"))
        .isEqualTo(
            Http.JSON.valueToTree(
                Fixtures.map(
                    "rule",
                    "antiMalware",
                    "status",
                    "unknown",
                    "value",
                    null,
                    "expected",
                    "enabled, up to date",
                    "measured",
                    null,
                    "required",
                    java.util.List.of(Fixtures.map("unit", "state", "text", "protected")))));
    JsonNode unit = c.unitView("krong-nang.phu-loc");
    assertThat(unit.get("workingMachines").asInt()).isEqualTo(1);
    assertThat(unit.get("protectedMachines").asInt()).isZero();
    assertThat(unit.get("protectionCoverage").asDouble()).isZero();
  }

  @Test
  void installs_removals_and_new_versions_are_events_and_vendor_or_date_alone_is_not() {
    Agent a = pc(phuLoc, "PL-1", office("130.0.6723.117"));
    List<Map<String, Object>> next =
        List.of(
            software(CHROME, "131.0.6778.86", "Google LLC", "2026-11-20"),
            software("Zalo", "24.11.1", "VNG Corp.", "2026-10-03"),
            software("UltraViewer version 6.6.110", "6.6.110", "DucFabulous", null));
    c.clock.advance(Duration.ofHours(1));
    assertThat(c.inventory(a, inventory("PL-1", next)).json().get("changed").asBoolean()).isTrue();
    assertThat(events(a, "software_changed"))
        .containsExactly(
            "software list received: 3 applications",
            "software UltraViewer version 6.6.110 6.6.110 installed",
            "software Unikey 4.3 RC5 4.3.5 removed",
            "software Google Chrome 130.0.6723.117 -> 131.0.6778.86");
    // Zalo's vendor and date changed: stored, no event.
    JsonNode zalo = machineSoftware(a).at("/software/2");
    assertThat(zalo.get("name").asText()).isEqualTo("Zalo");
    assertThat(zalo.get("vendor").asText()).isEqualTo("VNG Corp.");
    assertThat(zalo.get("installDate").asText()).isEqualTo("2026-10-03");
    // The same list again changes nothing.
    assertThat(c.inventory(a, inventory("PL-1", next)).json().get("changed").asBoolean()).isFalse();
  }

  @Test
  void three_hundred_packages_at_once_make_one_event_not_three_hundred() {
    Agent a = pc(phuLoc, "PL-1", office("131.0.6778.86"));
    List<Map<String, Object>> many = new ArrayList<>(office("131.0.6778.86"));
    for (int i = 0; i < 300; i++) {
      many.add(software(String.format("libpackage%03d", i), "1.0-" + i, "Debian", null));
    }
    c.inventory(a, inventory("PL-1", many));
    List<String> events = events(a, "software_changed");
    assertThat(events).hasSize(2);
    assertThat(events.get(1))
        .isEqualTo(
            "software: 300 installed, 0 removed, 0 updated (libpackage000 1.0-0; libpackage001"
                + " 1.0-1; libpackage002 1.0-2; libpackage003 1.0-3; libpackage004 1.0-4 and 295"
                + " more)");
    assertThat(machineSoftware(a).get("count").asInt()).isEqualTo(303);
  }

  @Test
  void which_machines_have_an_application_by_unit_with_versions() {
    Agent pl1 = pc(phuLoc, "PL-1", office("131.0.6778.86"));
    Agent pl2 = pc(phuLoc, "PL-2", office("130.0.6723.117"));
    pc(phuLoc, "PL-3", List.of(software("Zalo", "24.11.1", null, null)));
    Agent tg1 = pc(tamGiang, "TG-1", office("131.0.6778.86"));
    Agent gone = pc(tamGiang, "TG-OLD", office("109.0.5414.120"));
    c.admin("POST", "/api/v1/machines/" + gone.machineId() + "/retire", "");

    Http.Answer r = c.admin("GET", "/api/v1/software?name=google%20chrome", null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("names")).containsExactly(Http.JSON.valueToTree(CHROME));
    assertThat(body.get("machines").asInt()).isEqualTo(3);
    assertThat(body.at("/versions/0/version").asText()).isEqualTo("131.0.6778.86");
    assertThat(body.at("/versions/0/machines").asInt()).isEqualTo(2);
    assertThat(body.at("/versions/1/version").asText()).isEqualTo("130.0.6723.117");
    assertThat(body.get("units")).hasSize(2);
    JsonNode pl = body.at("/units/0");
    assertThat(pl.get("unit").asText()).isEqualTo("krong-nang.phu-loc");
    assertThat(pl.get("name").asText()).isEqualTo("Xã Phú Lộc");
    assertThat(pl.get("machines").asInt()).isEqualTo(2);
    assertThat(pl.at("/holders/0/machineId").asText()).isEqualTo(pl1.machineId());
    assertThat(pl.at("/holders/0/hostname").asText()).isEqualTo("PL-1");
    assertThat(pl.at("/holders/0/state").asText()).isEqualTo("online");
    assertThat(pl.at("/holders/1/machineId").asText()).isEqualTo(pl2.machineId());
    assertThat(pl.at("/holders/1/version").asText()).isEqualTo("130.0.6723.117");
    assertThat(body.at("/units/1/holders/0/machineId").asText()).isEqualTo(tg1.machineId());

    // A subtree only; a name nobody has; no name at all.
    JsonNode tg =
        c.admin("GET", "/api/v1/software?name=Google+Chrome&unit=krong-nang.tam-giang", null)
            .json();
    assertThat(tg.get("machines").asInt()).isEqualTo(1);
    JsonNode nobody = c.admin("GET", "/api/v1/software?name=Photoshop", null).json();
    assertThat(nobody.get("machines").asInt()).isZero();
    assertThat(nobody.get("units")).isEmpty();
    Http.Answer missing = c.admin("GET", "/api/v1/software", null);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("detail").asText()).startsWith("name: is required");
    assertThat(c.admin("GET", "/api/v1/software?name=Zalo&unit=nowhere", null).status())
        .isEqualTo(404);
  }

  @Test
  void q_finds_a_part_of_a_name_in_any_case_a_page_at_a_time_with_a_total() {
    pc(phuLoc, "PL-1", office("131.0.6778.86"));
    pc(
        phuLoc,
        "PL-2",
        List.of(
            software("Phần mềm kế toán MISA", "27.1", "MISA JSC", null),
            software("PHẦN MỀM QUẢN LÝ VĂN BẢN", "3.0", "VNPT", null),
            software("Zalo", "24.11.1", "VNG Corporation", null)));
    JsonNode first =
        c.admin("GET", "/api/v1/software?q=ph%E1%BA%A7n%20m%E1%BB%81m&limit=1", null).json();
    assertThat(first.get("total").asInt()).isEqualTo(2);
    assertThat(first.get("applications")).hasSize(1);
    assertThat(first.at("/applications/0/name").asText()).isEqualTo("Phần mềm kế toán MISA");
    assertThat(first.at("/applications/0/machines").asInt()).isEqualTo(1);
    String cursor = first.get("nextCursor").asText();
    JsonNode second =
        c.admin(
                "GET",
                "/api/v1/software?q=ph%E1%BA%A7n%20m%E1%BB%81m&limit=1&cursor=" + cursor,
                null)
            .json();
    assertThat(second.at("/applications/0/name").asText()).isEqualTo("PHẦN MỀM QUẢN LÝ VĂN BẢN");
    assertThat(second.get("nextCursor").isNull()).isTrue();
    // A part of a name, in another case: one application, on both PCs.
    JsonNode za = c.admin("GET", "/api/v1/software?q=ZAL", null).json();
    assertThat(za.get("total").asInt()).isEqualTo(1);
    assertThat(za.at("/applications/0/machines").asInt()).isEqualTo(2);
    assertThat(c.admin("GET", "/api/v1/software?q=ZAL&cursor=nonsense", null).status())
        .isEqualTo(400);
    assertThat(c.admin("GET", "/api/v1/software?q=ZAL&limit=0", null).status()).isEqualTo(400);
    assertThat(c.admin("GET", "/api/v1/software?q=", null).status()).isEqualTo(400);
  }

  @Test
  void a_name_sent_composed_by_one_pc_and_decomposed_by_another_is_one_application() {
    String misa = "Phần mềm kế toán MISA";
    String decomposed = java.text.Normalizer.normalize(misa, java.text.Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo(misa);
    pc(phuLoc, "PL-1", List.of(software(misa, "27.1", "MISA JSC", null)));
    Agent second =
        pc(
            phuLoc,
            java.text.Normalizer.normalize("MÁY-KẾ-TOÁN", java.text.Normalizer.Form.NFD),
            List.of(software(decomposed, "27.1", "MISA JSC", null)));
    JsonNode all = summary("/api/v1/software/summary?unit=krong-nang.phu-loc");
    assertThat(all.get("applications").asInt()).isEqualTo(1);
    assertThat(all.at("/top/0/name").asText()).isEqualTo(misa);
    assertThat(all.at("/top/0/machines").asInt()).isEqualTo(2);
    // Searched either way, in any case: both machines.
    for (String typed : List.of(misa, decomposed, "PHẦN MỀM KẾ TOÁN MISA")) {
      Http.Answer r =
          c.admin(
              "GET",
              "/api/v1/software?name="
                  + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8),
              null);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get("machines").asInt()).as(typed).isEqualTo(2);
    }
    // The hostname is stored composed too: in the API and in the machines CSV.
    assertThat(
            c.admin("GET", "/api/v1/machines/" + second.machineId(), null)
                .json()
                .get("hostname")
                .asText())
        .isEqualTo("MÁY-KẾ-TOÁN");
    assertThat(c.admin("GET", "/api/v1/reports/machines.csv?unit=krong-nang.phu-loc", null).body())
        .contains(",MÁY-KẾ-TOÁN,")
        .doesNotContain(
            java.text.Normalizer.normalize("MÁY-KẾ-TOÁN", java.text.Normalizer.Form.NFD));
  }

  @Test
  void the_summary_counts_machines_per_application_and_version_in_a_subtree() {
    pc(phuLoc, "PL-1", office("131.0.6778.86"));
    pc(phuLoc, "PL-2", office("130.0.6723.117"));
    pc(tamGiang, "TG-1", office("131.0.6778.86"));
    pc(tamGiang, "TG-2", List.of(software("Zalo", "24.10.2", "VNG Corporation", null)));
    // An older agent: counted as a machine, not as one that sent a list.
    Agent old = c.enroll(tamGiang, "TG-OLD", "uuid-old", "sn-old", "os-old");
    c.inventory(old, inventory("TG-OLD", null));

    JsonNode all = summary("/api/v1/software/summary?unit=krong-nang");
    assertThat(all.get("unit").asText()).isEqualTo("krong-nang");
    assertThat(all.get("machines").asInt()).isEqualTo(5);
    assertThat(all.get("machinesWithSoftware").asInt()).isEqualTo(4);
    assertThat(all.get("applications").asInt()).isEqualTo(3);
    JsonNode zalo = all.at("/top/0");
    assertThat(zalo.get("name").asText()).isEqualTo("Zalo");
    assertThat(zalo.get("machines").asInt()).isEqualTo(4);
    assertThat(zalo.get("share").asDouble()).isEqualTo(1.0);
    assertThat(zalo.at("/versions/0")).isEqualTo(version("24.11.1", 3));
    assertThat(zalo.at("/versions/1")).isEqualTo(version("24.10.2", 1));
    JsonNode chrome = all.at("/top/1");
    assertThat(chrome.get("name").asText()).isEqualTo(CHROME);
    assertThat(chrome.get("machines").asInt()).isEqualTo(3);
    assertThat(chrome.get("share").asDouble()).isEqualTo(0.75);
    assertThat(chrome.get("versions"))
        .containsExactly(version("131.0.6778.86", 2), version("130.0.6723.117", 1));
    assertThat(all.at("/top/2/name").asText()).isEqualTo("Unikey 4.3 RC5");

    JsonNode commune = summary("/api/v1/software/summary?unit=krong-nang.phu-loc&limit=1");
    assertThat(commune.get("machines").asInt()).isEqualTo(2);
    assertThat(commune.get("top")).hasSize(1);
    assertThat(commune.at("/top/0/machines").asInt()).isEqualTo(2);
    assertThat(summary("/api/v1/software/summary").get("machines").asInt()).isEqualTo(5);
    assertThat(c.admin("GET", "/api/v1/software/summary?limit=0", null).status()).isEqualTo(400);
    assertThat(c.admin("GET", "/api/v1/software/summary?unit=nowhere", null).status())
        .isEqualTo(404);
  }

  @Test
  void the_summary_follows_new_lists_moves_and_retirements_at_once() {
    Agent a = pc(phuLoc, "PL-1", office("131.0.6778.86"));
    Agent b = pc(phuLoc, "PL-2", office("131.0.6778.86"));
    assertThat(
            summary("/api/v1/software/summary?unit=krong-nang.phu-loc")
                .at("/top/0/machines")
                .asInt())
        .isEqualTo(2);
    // Same clock instant: the collector must not rely on the inventory time alone.
    c.inventory(a, inventory("PL-1", List.of(software("Zalo", "24.11.1", null, null))));
    JsonNode after = summary("/api/v1/software/summary?unit=krong-nang.phu-loc");
    assertThat(after.at("/top/0/name").asText()).isEqualTo("Zalo");
    assertThat(after.at("/top/0/machines").asInt()).isEqualTo(2);
    assertThat(after.at("/top/1/machines").asInt()).isEqualTo(1);

    c.admin(
        "POST",
        "/api/v1/machines/" + b.machineId() + "/move",
        Fixtures.map("unit", "krong-nang.tam-giang"));
    assertThat(
            summary("/api/v1/software/summary?unit=krong-nang.phu-loc").get("applications").asInt())
        .isEqualTo(1);
    assertThat(
            summary("/api/v1/software/summary?unit=krong-nang.tam-giang")
                .get("applications")
                .asInt())
        .isEqualTo(3);
    c.admin("POST", "/api/v1/machines/" + b.machineId() + "/retire", "");
    assertThat(
            summary("/api/v1/software/summary?unit=krong-nang.tam-giang").get("machines").asInt())
        .isZero();
  }

  @Test
  void viewers_read_the_software_answers_and_agents_do_not() {
    Agent a = pc(phuLoc, "PL-1", office("131.0.6778.86"));
    Http.Answer created =
        c.admin("POST", "/api/v1/viewer-tokens", Fixtures.map("name", "Phòng Nội vụ"));
    String viewer = created.json().get("token").asText();
    for (String path :
        List.of(
            "/api/v1/software?name=Zalo",
            "/api/v1/software/summary",
            "/api/v1/machines/" + a.machineId() + "/software")) {
      assertThat(c.http.get(path, viewer).status()).as(path).isEqualTo(200);
      assertThat(c.http.get(path, a.token()).status()).as(path).isIn(401, 403);
      assertThat(c.http.get(path, null).status()).as(path).isEqualTo(401);
    }
    assertThat(c.http.get("/api/v1/machines/m-nope/software", viewer).status()).isEqualTo(404);
  }

  JsonNode summary(String path) {
    Http.Answer r = c.admin("GET", path, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static JsonNode version(String version, int machines) {
    return Http.JSON.valueToTree(Map.of("version", version, "machines", machines));
  }
}

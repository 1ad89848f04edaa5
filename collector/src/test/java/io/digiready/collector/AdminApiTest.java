package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Contract
class AdminApiTest {
  static final String CSV =
      "code,name,parent,kind,staff,equipmentTarget,connectivityTarget\n"
          + "krong-nang,Huyện Krông Năng,,district,12,1.0,0.98\n"
          + "krong-nang.phu-loc,Xã Phú Lộc,krong-nang,commune,24,,\n"
          + "krong-nang.tam-giang,\"Xã Tâm Giang, \"\"mới\"\"\",krong-nang,commune,8,0.9,0.95\n";

  @TempDir Path dir;
  TestCollector c;

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
  }

  @AfterEach
  void stop() {
    c.close();
  }

  Http.Answer importCsv(String csv) {
    return c.http.send(
        "POST",
        "/api/v1/units/import",
        TestCollector.ADMIN,
        "text/csv; charset=utf-8",
        csv.getBytes(StandardCharsets.UTF_8),
        false);
  }

  @Test
  void units_are_created_read_updated_and_listed_with_unicode_names_intact() {
    JsonNode created = c.createUnit("krong-nang", "Huyện Krông Năng", null, "district", 12);
    assertThat(created.get("name").asText()).isEqualTo("Huyện Krông Năng");
    assertThat(created.get("equipmentTarget").asDouble()).isEqualTo(1.0);
    assertThat(created.get("connectivityTarget").asDouble()).isEqualTo(0.98);
    c.createUnit("krong-nang.phu-loc", "Xã Phú Lộc", "krong-nang", "commune", 24);
    var update = Fixtures.unit("krong-nang.phu-loc", "Xã Phú Lộc", "krong-nang", "commune", 30);
    update.put("connectivityTarget", 0.9);
    Http.Answer put = c.admin("PUT", "/api/v1/units/krong-nang.phu-loc", update);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("staff").asInt()).isEqualTo(30);
    assertThat(put.json().get("connectivityTarget").asDouble()).isEqualTo(0.9);
    Http.Answer one = c.admin("GET", "/api/v1/units/krong-nang.phu-loc", null);
    assertThat(one.body()).contains("\"name\":\"Xã Phú Lộc\"");
    assertThat(c.units())
        .extracting(u -> u.get("code").asText())
        .containsExactly("krong-nang", "krong-nang.phu-loc");
    assertThat(c.unitView("krong-nang").get("staff").asInt()).isEqualTo(42);
  }

  @Test
  void a_unit_code_is_created_once_and_unknown_units_are_404() {
    c.createUnit("a", "A", null, "district", 1);
    assertThat(
            c.admin("POST", "/api/v1/units", Fixtures.unit("a", "A", null, "district", 1)).status())
        .isEqualTo(409);
    assertThat(c.admin("GET", "/api/v1/units/nope", null).status()).isEqualTo(404);
    assertThat(
            c.admin("PUT", "/api/v1/units/nope", Fixtures.unit("nope", "N", null, "x", 1)).status())
        .isEqualTo(404);
    assertThat(c.admin("POST", "/api/v1/units/nope/enrollment-tokens", "").status()).isEqualTo(404);
  }

  @Test
  void a_parent_cannot_become_its_own_descendant() {
    c.createUnit("a", "A", null, "district", 1);
    c.createUnit("a.b", "B", "a", "commune", 1);
    Http.Answer cycle = c.admin("PUT", "/api/v1/units/a", Fixtures.unit("a", "A", "a.b", "x", 1));
    assertThat(cycle.status()).isEqualTo(400);
    assertThat(cycle.json().get("detail").asText()).startsWith("parent:");
  }

  @Test
  void csv_import_creates_the_tree_with_names_byte_identical() {
    Http.Answer r = importCsv(CSV);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("created").asInt()).isEqualTo(3);
    assertThat(c.unitView("krong-nang.tam-giang").get("name").asText())
        .isEqualTo("Xã Tâm Giang, \"mới\"");
    assertThat(c.unitView("krong-nang.phu-loc").get("connectivityTarget").asDouble())
        .isEqualTo(0.98);
    Http.Answer again = importCsv(CSV.replace(",24,", ",25,"));
    assertThat(again.json().get("updated").asInt()).isEqualTo(3);
    assertThat(c.unitView("krong-nang.phu-loc").get("staff").asInt()).isEqualTo(25);

    Http.Answer csv = c.admin("GET", "/api/v1/units.csv", null);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body())
        .contains("krong-nang.phu-loc,Xã Phú Lộc,krong-nang,commune,25,")
        .contains("\"Xã Tâm Giang, \"\"mới\"\"\"");
    assertThat(c.http.get("/metrics", null).body())
        .contains("name=\"Xã Tâm Giang, \\\"mới\\\"\"")
        .contains("name=\"Xã Phú Lộc\"");
  }

  @Test
  void csv_import_children_may_come_before_their_parent() {
    String csv =
        "code,name,parent,kind,staff\n" + "d.c,Xã C,d,commune,3\n" + "d,Huyện D,,district,1\n";
    Http.Answer r = importCsv(csv);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(c.unitView("d").get("staff").asInt()).isEqualTo(4);
  }

  @Test
  void csv_import_is_all_or_nothing_and_names_the_line() {
    String bad = CSV + "krong-nang.ea-toh,Xã Ea Tóh,krong-nang,commune,many,,\n";
    Http.Answer r = importCsv(bad);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("detail").asText()).startsWith("line 5: staff:");
    Http.Answer orphan = importCsv(CSV + "x.y,Y,missing,commune,1,,\n");
    assertThat(orphan.json().get("detail").asText()).startsWith("line 5: parent:");
    assertThat(c.units()).isEmpty();
  }

  @Test
  void enrollment_tokens_are_shown_once_listed_without_secret_and_deleted() {
    c.createUnit("a", "A", null, "district", 1);
    Http.Answer created = c.admin("POST", "/api/v1/units/a/enrollment-tokens", "");
    String id = created.json().get("id").asText();
    String secret = created.json().get("token").asText();
    Http.Answer list = c.admin("GET", "/api/v1/units/a/enrollment-tokens", null);
    assertThat(list.json().get(0).get("id").asText()).isEqualTo(id);
    assertThat(list.body()).doesNotContain(secret);
    assertThat(c.admin("DELETE", "/api/v1/enrollment-tokens/" + id, null).status()).isEqualTo(204);
    assertThat(c.admin("DELETE", "/api/v1/enrollment-tokens/" + id, null).status()).isEqualTo(404);
    assertThat(
            c.admin("GET", "/api/v1/units/a/enrollment-tokens", null)
                .json()
                .get(0)
                .get("revokedAt")
                .isNull())
        .isFalse();
  }

  @Test
  void machines_are_listed_by_unit_subtree_and_state() {
    c.createUnit("d", "D", null, "district", 1);
    c.createUnit("d.a", "A", "d", "commune", 1);
    c.createUnit("d.b", "B", "d", "commune", 1);
    Agent a = c.compliantMachine(c.enrollmentToken("d.a"), "PC-A", true);
    c.clock.advance(Duration.ofMinutes(5));
    Agent b = c.compliantMachine(c.enrollmentToken("d.b"), "PC-B", true);
    JsonNode all = c.admin("GET", "/api/v1/machines?unit=d", null).json();
    assertThat(all.size()).isEqualTo(2);
    JsonNode online = c.admin("GET", "/api/v1/machines?unit=d&state=online", null).json();
    assertThat(online.size()).isEqualTo(1);
    assertThat(online.get(0).get("machineId").asText()).isEqualTo(b.machineId());
    assertThat(online.get(0).get("hostname").asText()).isEqualTo("PC-B");
    assertThat(online.get(0).get("compliant").asBoolean()).isTrue();
    JsonNode offline = c.admin("GET", "/api/v1/machines?state=offline", null).json();
    assertThat(offline.get(0).get("machineId").asText()).isEqualTo(a.machineId());
    assertThat(c.admin("GET", "/api/v1/machines?unit=d.b", null).json().size()).isEqualTo(1);
    assertThat(c.admin("GET", "/api/v1/machines?unit=zz", null).status()).isEqualTo(404);
    assertThat(c.admin("GET", "/api/v1/machines/m-nope", null).status()).isEqualTo(404);
  }

  @Test
  void history_gives_hourly_buckets_with_probe_successes_and_latency() {
    c.createUnit("a", "A", null, "district", 1);
    Agent a = c.enroll(c.enrollmentToken("a"), "PC", "u", "s", "o");
    c.beat(a, 1, true);
    c.clock.advance(Duration.ofMinutes(1));
    c.beat(a, 2, false);
    c.clock.advance(Duration.ofHours(1));
    c.beat(a, 3, true);
    Http.Answer h =
        c.admin(
            "GET",
            "/api/v1/machines/"
                + a.machineId()
                + "/history?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z",
            null);
    assertThat(h.status()).as(h.body()).isEqualTo(200);
    JsonNode buckets = h.json().get("buckets");
    assertThat(buckets.size()).isEqualTo(2);
    JsonNode first = buckets.get(0);
    assertThat(first.get("hour").asText()).isEqualTo("2026-11-25T03:00:00Z");
    assertThat(first.get("heartbeats").asInt()).isEqualTo(2);
    assertThat(first.get("internetUp").asInt()).isEqualTo(1);
    JsonNode probe = first.get("probes").get(0);
    assertThat(probe.get("target").asText()).isEqualTo("https://dichvucong.gov.vn");
    assertThat(probe.get("successes").asInt()).isEqualTo(1);
    assertThat(probe.get("failures").asInt()).isEqualTo(1);
    assertThat(probe.get("meanLatencyMillis").asDouble()).isEqualTo(85.0);
    assertThat(probe.get("maxLatencyMillis").asLong()).isEqualTo(85);
    assertThat(buckets.get(1).get("heartbeats").asInt()).isEqualTo(1);
  }

  @Test
  void the_admin_api_needs_the_admin_token() {
    c.createUnit("a", "A", null, "district", 1);
    Agent a = c.enroll(c.enrollmentToken("a"), "PC", "u", "s", "o");
    for (String path : List.of("/api/v1/units", "/api/v1/machines", "/api/v1/units/a")) {
      assertThat(c.http.get(path, null).status()).isEqualTo(401);
      assertThat(c.http.get(path, a.token()).status()).isEqualTo(401);
      assertThat(c.http.get(path, TestCollector.ADMIN + "x").status()).isEqualTo(401);
    }
    Http.Answer denied = c.http.get("/api/v1/units", "wrong");
    assertThat(denied.json().get("error").asText()).isEqualTo("unauthorized");
    assertThat(denied.body()).doesNotContain(TestCollector.ADMIN);
  }

  @Test
  void an_unknown_path_or_method_is_a_json_4xx() {
    Http.Answer missing = c.http.get("/api/v1/nothing-here", TestCollector.ADMIN);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asText()).isEqualTo("not_found");
    Http.Answer wrongMethod = c.http.delete("/api/v1/units", TestCollector.ADMIN);
    assertThat(wrongMethod.status()).isBetween(404, 405);
    assertThat(wrongMethod.json().get("detail").asText()).isNotBlank();
  }

  @Test
  void health_endpoints_answer() {
    assertThat(c.http.get("/health/live", null).status()).isEqualTo(200);
    assertThat(c.http.get("/health/ready", null).json().get("status").asText()).isEqualTo("ready");
  }
}

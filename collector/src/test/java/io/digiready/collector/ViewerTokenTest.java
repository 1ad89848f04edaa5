package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Viewer tokens: created and revoked by the admin, stored hashed, able to read and not to write.
 */
@Contract
class ViewerTokenTest {
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

  private JsonNode create(String name) {
    Http.Answer a = c.admin("POST", "/api/v1/viewer-tokens", Map.of("name", name));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json();
  }

  @Test
  void a_viewer_reads_everything_an_administrator_reads_for_a_report() {
    String viewer = create("Phòng Nội vụ huyện").get("token").asText();
    String machine = tree.agents.get("PL-1").machineId();
    assertThat(c.http.get("/api/v1/session", viewer).json().get("role").asText())
        .isEqualTo("viewer");
    assertThat(c.http.get("/api/v1/session", viewer).json().get("name").asText())
        .isEqualTo("Phòng Nội vụ huyện");
    for (String path :
        List.of(
            "/api/v1/units",
            "/api/v1/units/krong-nang.phu-loc",
            "/api/v1/units/krong-nang/history?days=30",
            "/api/v1/machines?unit=krong-nang",
            "/api/v1/machines/" + machine,
            "/api/v1/machines/" + machine + "/history",
            "/api/v1/units.csv",
            "/api/v1/reports/coverage.csv?unit=krong-nang",
            "/api/v1/reports/machines.csv?unit=krong-nang")) {
      Http.Answer a = c.http.get(path, viewer);
      assertThat(a.status()).as(path + " " + a.body()).isEqualTo(200);
      if (!path.equals("/api/v1/machines/" + machine)) {
        assertThat(a.body()).as(path).isEqualTo(c.http.get(path, TestCollector.ADMIN).body());
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_viewer_sees_no_serial_uuid_mac_or_install_id_of_a_machine_and_the_admin_does() {
    String viewer = create("Phòng Nội vụ").get("token").asText();
    String machine = tree.agents.get("PL-1").machineId();
    String path = "/api/v1/machines/" + machine;
    JsonNode admin = c.http.get(path, TestCollector.ADMIN).json();
    assertThat(admin.at("/fingerprint/hardwareUuid").asText()).isEqualTo("uuid-PL-1");
    assertThat(admin.at("/fingerprint/systemSerial").asText()).isEqualTo("sn-PL-1");
    assertThat(admin.at("/fingerprint/macs").asText()).isEqualTo("aa:bb:cc:dd:ee:01");
    assertThat(admin.at("/inventory/system/serialNumber").asText()).isEqualTo("SN1");

    // A new disk and network card: the change events name their serial and MAC for the admin.
    var changed =
        Fixtures.inventory("PL-1", c.clock.instant(), 8 * Fixtures.GIB, 4, "Windows", "10");
    ((Map<String, Object>) ((List<?>) changed.get("disks")).get(0)).put("serialNumber", "NEW-77");
    ((Map<String, Object>) ((List<?>) changed.get("networkInterfaces")).get(0))
        .put("mac", "aa:bb:cc:dd:ee:99");
    assertThat(c.inventory(tree.agents.get("PL-1"), changed).status()).isEqualTo(200);
    assertThat(c.http.get(path, TestCollector.ADMIN).body())
        .contains("disk NEW-77 added")
        .contains("aa:bb:cc:dd:ee:99");

    Http.Answer a = c.http.get(path, viewer);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).doesNotContain("NEW-77").doesNotContain("aa:bb:cc:dd:ee:99");
    assertThat(a.body()).contains("a disk was added").contains("eth0 (MAC hidden) added");
    JsonNode seen = a.json();
    assertThat(seen.at("/fingerprint/hostname").asText()).isEqualTo("PL-1");
    for (String hidden : List.of("uuid-PL-1", "sn-PL-1", "aa:bb:cc:dd:ee:01", "os-PL-1", "SN1")) {
      assertThat(a.body()).as(hidden).doesNotContain(hidden);
    }
    assertThat(a.body()).doesNotContain("WDC-123").doesNotContain("uuid-1");
    // Everything else a report needs is still there.
    assertThat(seen.at("/inventory/os/family").asText()).isEqualTo("Windows");
    assertThat(seen.get("readiness")).isEqualTo(admin.get("readiness"));
  }

  @Test
  void a_viewer_cannot_write_and_gets_403_naming_the_admin_token() {
    String viewer = create("read only").get("token").asText();
    String machine = tree.agents.get("PL-1").machineId();
    String revocable = create("another").get("id").asText();
    List<Http.Answer> writes =
        List.of(
            c.http.post("/api/v1/units", viewer, Fixtures.unit("x", "X", null, "district", 1)),
            c.http.put(
                "/api/v1/units/krong-nang.phu-loc",
                viewer,
                Fixtures.unit("krong-nang.phu-loc", "Xã Phú Lộc", "krong-nang", "commune", 99)),
            c.http.send(
                "POST",
                "/api/v1/units/import",
                viewer,
                "text/csv",
                "code,name,parent,kind,staff\ny,Y,,district,1\n".getBytes(StandardCharsets.UTF_8),
                false),
            c.http.post("/api/v1/units/krong-nang/enrollment-tokens", viewer, ""),
            c.http.get("/api/v1/units/krong-nang/enrollment-tokens", viewer),
            c.http.post("/api/v1/machines/" + machine + "/retire", viewer, ""),
            c.http.post(
                "/api/v1/machines/" + machine + "/move",
                viewer,
                Map.of("unit", "krong-nang.tam-giang")),
            c.http.post("/api/v1/viewer-tokens", viewer, Map.of("name", "self-made")),
            c.http.get("/api/v1/viewer-tokens", viewer),
            c.http.delete("/api/v1/viewer-tokens/" + revocable, viewer));
    for (Http.Answer a : writes) {
      assertThat(a.status()).as(a.body()).isEqualTo(403);
      assertThat(a.json().get("error").asText()).isEqualTo("forbidden");
      assertThat(a.json().get("detail").asText()).contains("admin token");
    }
    // Nothing changed: the staff figure, the machine's unit, the token list.
    assertThat(c.unitView("krong-nang.phu-loc").get("staff").asInt()).isEqualTo(10);
    assertThat(c.http.get("/api/v1/units/x", TestCollector.ADMIN).status()).isEqualTo(404);
    assertThat(c.http.get("/api/v1/units/y", TestCollector.ADMIN).status()).isEqualTo(404);
    JsonNode m = c.admin("GET", "/api/v1/machines/" + machine, null).json();
    assertThat(m.get("unit").asText()).isEqualTo("krong-nang.phu-loc");
    assertThat(m.get("retiredAt").isNull()).isTrue();
    assertThat(c.admin("GET", "/api/v1/viewer-tokens", null).json()).hasSize(2);
  }

  @Test
  void tokens_are_listed_without_secrets_and_a_revoked_one_stops_working() {
    JsonNode made = create("Văn phòng UBND");
    String id = made.get("id").asText();
    String token = made.get("token").asText();
    assertThat(token).hasSizeGreaterThanOrEqualTo(40);

    JsonNode list = c.admin("GET", "/api/v1/viewer-tokens", null).json();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("id").asText()).isEqualTo(id);
    assertThat(list.get(0).get("name").asText()).isEqualTo("Văn phòng UBND");
    assertThat(list.get(0).get("revokedAt").isNull()).isTrue();
    assertThat(list.toString()).doesNotContain(token).doesNotContain("Hash").doesNotContain("hash");

    assertThat(c.admin("DELETE", "/api/v1/viewer-tokens/" + id, null).status()).isEqualTo(204);
    Http.Answer denied = c.http.get("/api/v1/units", token);
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.json().get("error").asText()).isEqualTo("unauthorized");
    assertThat(
            c.admin("GET", "/api/v1/viewer-tokens", null).json().get(0).get("revokedAt").isNull())
        .isFalse();
    Http.Answer again = c.admin("DELETE", "/api/v1/viewer-tokens/" + id, null);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.json().get("detail").asText()).startsWith("id:");
  }

  @Test
  void a_token_survives_a_restart_and_only_its_hash_is_on_disk() throws Exception {
    String token = create("survivor").get("token").asText();
    StringBuilder rows = new StringBuilder();
    try (var db = c.database();
        var rs = db.createStatement().executeQuery("SELECT * FROM viewer_tokens")) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          rows.append(rs.getString(i)).append(' ');
        }
      }
    }
    assertThat(rows).contains("survivor").doesNotContain(token);
    c.close();
    if (!TestCollector.POSTGRESQL) {
      byte[] db = Files.readAllBytes(dir.resolve(Collector.DATABASE_FILE));
      String wal =
          Files.exists(dir.resolve(Collector.DATABASE_FILE + "-wal"))
              ? Files.readString(
                  dir.resolve(Collector.DATABASE_FILE + "-wal"), StandardCharsets.ISO_8859_1)
              : "";
      assertThat(new String(db, StandardCharsets.ISO_8859_1) + wal).doesNotContain(token);
    }
    c = new TestCollector(dir);
    assertThat(c.http.get("/api/v1/session", token).json().get("role").asText())
        .isEqualTo("viewer");
  }

  @Test
  void a_bad_request_names_the_field_and_creates_nothing() {
    Http.Answer noName = c.admin("POST", "/api/v1/viewer-tokens", Map.of());
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.json().get("detail").asText()).startsWith("name:");
    Http.Answer blank = c.admin("POST", "/api/v1/viewer-tokens", Map.of("name", "  "));
    assertThat(blank.status()).isEqualTo(400);
    Http.Answer tooLong = c.admin("POST", "/api/v1/viewer-tokens", Map.of("name", "x".repeat(101)));
    assertThat(tooLong.json().get("detail").asText()).startsWith("name:");
    Http.Answer wrongType = c.admin("POST", "/api/v1/viewer-tokens", Map.of("name", 7));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().get("detail").asText()).contains("name");
    assertThat(c.admin("GET", "/api/v1/viewer-tokens", null).json()).isEmpty();
  }

  @Test
  void session_tells_the_admin_apart_and_refuses_a_missing_or_agent_token() {
    assertThat(c.admin("GET", "/api/v1/session", null).json().get("role").asText())
        .isEqualTo("admin");
    assertThat(c.http.get("/api/v1/session", null).status()).isEqualTo(401);
    assertThat(c.http.get("/api/v1/session", tree.agents.get("PL-1").token()).status())
        .isEqualTo(401);
  }
}

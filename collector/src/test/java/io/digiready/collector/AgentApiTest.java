package io.digiready.collector;

import static io.digiready.collector.Fixtures.GIB;
import static io.digiready.collector.Fixtures.batch;
import static io.digiready.collector.Fixtures.heartbeat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Contract
class AgentApiTest {
  @TempDir Path dir;
  TestCollector c;
  String enrollment;

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
    c.createUnit("krong-nang", "Huyện Krông Năng", null, "district", 10);
    c.createUnit("krong-nang.phu-loc", "Xã Phú Lộc", "krong-nang", "commune", 10);
    enrollment = c.enrollmentToken("krong-nang.phu-loc");
  }

  @AfterEach
  void stop() {
    c.close();
  }

  @Test
  void enrollment_answers_201_with_machine_id_token_and_agent_config() {
    Http.Answer a =
        c.http.post(
            "/api/v1/enroll",
            null,
            Fixtures.enroll(enrollment, "PC-PHULOC-07", Fixtures.fingerprint("u1", "s1", "o1")));
    assertThat(a.status()).isEqualTo(201);
    JsonNode body = a.json();
    assertThat(body.get("machineId").asText()).startsWith("m-");
    assertThat(body.get("agentToken").asText()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(body.at("/config/heartbeatIntervalSeconds").asInt()).isEqualTo(60);
    assertThat(body.at("/config/probes/0/target").asText()).isEqualTo("https://dichvucong.gov.vn");
    assertThat(body.at("/config/probes/0/internet").asBoolean()).isTrue();
  }

  @Test
  void enrollment_with_an_unknown_or_revoked_token_is_401_without_detail_of_which() {
    Http.Answer unknown =
        c.http.post(
            "/api/v1/enroll",
            null,
            Fixtures.enroll("nope", "PC", Fixtures.fingerprint("u", "s", "o")));
    assertThat(unknown.status()).isEqualTo(401);
    String id =
        c.admin("GET", "/api/v1/units/krong-nang.phu-loc/enrollment-tokens", null)
            .json()
            .get(0)
            .get("id")
            .asText();
    assertThat(c.admin("DELETE", "/api/v1/enrollment-tokens/" + id, null).status()).isEqualTo(204);
    Http.Answer revoked =
        c.http.post(
            "/api/v1/enroll",
            null,
            Fixtures.enroll(enrollment, "PC", Fixtures.fingerprint("u", "s", "o")));
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.json().get("detail").asText())
        .isEqualTo(unknown.json().get("detail").asText());
  }

  @Test
  void heartbeat_batch_is_acknowledged_and_updates_the_machine() {
    Agent a = c.enroll(enrollment, "PC-1", "u1", "s1", "o1");
    Http.Answer r =
        c.http.post(
            "/api/v1/heartbeats",
            a.token(),
            batch(
                heartbeat(a.machineId(), 1, c.clock.instant().minusSeconds(60), true),
                heartbeat(a.machineId(), 2, c.clock.instant(), false)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("accepted").asInt()).isEqualTo(2);
    assertThat(r.json().get("duplicates").asInt()).isZero();
    JsonNode m = c.admin("GET", "/api/v1/machines/" + a.machineId(), null).json();
    assertThat(m.get("state").asText()).isEqualTo("online");
    assertThat(m.get("lastSeq").asLong()).isEqualTo(2);
    assertThat(m.get("internetUp").asBoolean()).isFalse();
    assertThat(m.get("lastInternetOkAt").asText()).isNotEmpty();
    assertThat(m.at("/lastHeartbeat/seq").asLong()).isEqualTo(2);
  }

  @Test
  void a_heartbeat_sent_again_is_a_duplicate_and_never_stored_twice() {
    Agent a = c.enroll(enrollment, "PC-1", "u1", "s1", "o1");
    assertThat(c.beat(a, 1, true).json().get("accepted").asInt()).isEqualTo(1);
    Http.Answer again = c.beat(a, 1, true);
    assertThat(again.json().get("accepted").asInt()).isZero();
    assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
    Http.Answer mixed =
        c.http.post(
            "/api/v1/heartbeats",
            a.token(),
            batch(
                heartbeat(a.machineId(), 1, c.clock.instant(), true),
                heartbeat(a.machineId(), 2, c.clock.instant(), true)));
    assertThat(mixed.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(mixed.json().get("duplicates").asInt()).isEqualTo(1);
    JsonNode history =
        c.admin("GET", "/api/v1/machines/" + a.machineId() + "/history", null).json();
    assertThat(history.at("/buckets/0/heartbeats").asInt()).isEqualTo(2);
  }

  @Test
  void a_gap_in_seq_counts_as_lost_heartbeats() {
    Agent a = c.enroll(enrollment, "PC-1", "u1", "s1", "o1");
    c.beat(a, 1, true);
    c.beat(a, 5, true);
    JsonNode m = c.admin("GET", "/api/v1/machines/" + a.machineId(), null).json();
    assertThat(m.get("lostHeartbeats").asLong()).isEqualTo(3);
  }

  @Test
  void a_new_machine_whose_agent_numbered_heartbeats_before_has_lost_none() {
    Agent a = c.enroll(enrollment, "PC-1", "u1", "s1", "o1");
    c.beat(a, 5000, true);
    c.beat(a, 5002, true);
    JsonNode m = c.admin("GET", "/api/v1/machines/" + a.machineId(), null).json();
    assertThat(m.get("lastSeq").asLong()).isEqualTo(5002);
    assertThat(m.get("lostHeartbeats").asLong()).isEqualTo(1);
  }

  @Test
  void an_agent_token_cannot_write_another_machine() {
    Agent a = c.enroll(enrollment, "PC-1", "u1", "s1", "o1");
    Agent b = c.enroll(enrollment, "PC-2", "u2", "s2", "o2");
    Http.Answer hb =
        c.http.post(
            "/api/v1/heartbeats",
            a.token(),
            batch(heartbeat(b.machineId(), 1, c.clock.instant(), true)));
    assertThat(hb.status()).isEqualTo(403);
    assertThat(hb.json().get("detail").asText()).contains("heartbeats[0].machineId");
    Http.Answer inv =
        c.http.post(
            "/api/v1/inventory",
            a.token(),
            Fixtures.map(
                "machineId",
                b.machineId(),
                "inventory",
                Fixtures.inventory("PC-2", c.clock.instant(), 8 * GIB, 4, "Windows", "10")));
    assertThat(inv.status()).isEqualTo(403);
    JsonNode other = c.admin("GET", "/api/v1/machines/" + b.machineId(), null).json();
    assertThat(other.get("lastSeq").asLong()).isZero();
    assertThat(other.get("inventory").isNull()).isTrue();
  }

  @Test
  void agent_endpoints_need_a_valid_agent_token() {
    Agent a = c.enroll(enrollment, "PC-1", "u1", "s1", "o1");
    assertThat(c.http.get("/api/v1/agent-config", null).status()).isEqualTo(401);
    assertThat(c.http.get("/api/v1/agent-config", "wrong").status()).isEqualTo(401);
    assertThat(c.http.get("/api/v1/agent-config", TestCollector.ADMIN).status()).isEqualTo(401);
    Http.Answer config = c.http.get("/api/v1/agent-config", a.token());
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.json().get("heartbeatIntervalSeconds").asInt()).isEqualTo(60);
    assertThat(config.json().get("inventoryCheckIntervalSeconds").asInt()).isEqualTo(3600);
  }

  @Test
  void a_reinstalled_pc_keeps_its_machine_and_its_old_token_is_revoked() {
    Agent first = c.enroll(enrollment, "PC-1", "uuid-A", "serial-A", "os-1");
    c.beat(first, 7, true);
    c.clock.advance(Duration.ofHours(2));
    Agent again = c.enroll(enrollment, "PC-1-NEW", "uuid-A", null, "os-2");
    assertThat(again.machineId()).isEqualTo(first.machineId());
    assertThat(c.beat(first, 8, true).status()).isEqualTo(401);
    Http.Answer fresh = c.beat(again, 1, true);
    assertThat(fresh.json().get("accepted").asInt()).isEqualTo(1);
    JsonNode m = c.admin("GET", "/api/v1/machines/" + first.machineId(), null).json();
    assertThat(m.get("hostname").asText()).isEqualTo("PC-1-NEW");
    assertThat(events(m)).anyMatch(e -> e.startsWith("reenrolled"));
  }

  @Test
  void an_agent_that_lost_its_state_and_enrolls_again_once_silent_keeps_its_machine() {
    Agent first = c.enroll(enrollment, "PC-1", "uuid-A", "serial-A", "os-1");
    c.beat(first, 3, true);
    c.clock.advance(Duration.ofSeconds(3 * 60 + 1));
    Agent again = c.enroll(enrollment, "PC-1", "uuid-A", "serial-A", "os-1");
    assertThat(again.machineId()).isEqualTo(first.machineId());
    assertThat(c.beat(again, 1, true).json().get("accepted").asInt()).isEqualTo(1);
  }

  @Test
  void an_enrollment_with_the_hardware_of_a_machine_that_is_alive_never_takes_it_over() {
    Agent real = c.enroll(enrollment, "PC-1", "uuid-A", "serial-A", "os-1");
    assertThat(c.beat(real, 1, true).status()).isEqualTo(200);
    c.clock.advance(Duration.ofSeconds(2 * 60));
    // Someone holding the unit's token who read the UUID and serial off the PC's sticker.
    Agent intruder = c.enroll(enrollment, "PC-1", "uuid-A", "serial-A", "os-1");
    assertThat(intruder.machineId()).isNotEqualTo(real.machineId());
    // The real agent keeps its identity and its token.
    assertThat(c.beat(real, 2, true).status()).isEqualTo(200);
    JsonNode fake = c.admin("GET", "/api/v1/machines/" + intruder.machineId(), null).json();
    assertThat(fake.get("possibleDuplicateOf").asText()).isEqualTo(real.machineId());
    assertThat(events(fake))
        .anyMatch(e -> e.startsWith("possible_duplicate") && e.contains("alive"));
    JsonNode original = c.admin("GET", "/api/v1/machines/" + real.machineId(), null).json();
    assertThat(original.get("possibleDuplicateOf").isNull()).isTrue();
    assertThat(events(original)).anyMatch(e -> e.contains(intruder.machineId()));
    assertThat(original.get("hostname").asText()).isEqualTo("PC-1");
  }

  @Test
  void a_reinstall_is_matched_on_the_system_serial_alone() {
    Agent first = c.enroll(enrollment, "PC-1", null, "serial-A", "os-1");
    Agent again = c.enroll(enrollment, "PC-1", null, "serial-A", "os-2");
    assertThat(again.machineId()).isEqualTo(first.machineId());
  }

  @Test
  void a_cloned_disk_image_running_beside_the_original_becomes_a_new_machine_flagged_on_both() {
    Agent original = c.enroll(enrollment, "PC-1", "uuid-A", "serial-A", "os-1");
    c.beat(original, 1, true);
    c.clock.advance(Duration.ofMinutes(5));
    Agent clone = c.enroll(enrollment, "PC-1", "uuid-A", "serial-A", "os-2");
    assertThat(clone.machineId()).isNotEqualTo(original.machineId());
    assertThat(c.beat(original, 2, true).status()).isEqualTo(200);
    for (String id : List.of(original.machineId(), clone.machineId())) {
      JsonNode m = c.admin("GET", "/api/v1/machines/" + id, null).json();
      assertThat(events(m)).anyMatch(e -> e.startsWith("possible_duplicate"));
    }
  }

  @Test
  void machines_are_never_merged_on_hostname_or_mac_alone() {
    Agent a = c.enroll(enrollment, "PC-SAME", null, null, "os-1");
    Agent b = c.enroll(enrollment, "PC-SAME", null, null, "os-2");
    assertThat(b.machineId()).isNotEqualTo(a.machineId());
    assertThat(c.beat(a, 1, true).status()).isEqualTo(200);
  }

  @Test
  void placeholder_serials_are_not_identities() {
    Agent a =
        c.enroll(
            enrollment,
            "PC-1",
            "03000200-0400-0500-0006-000700080009",
            "To be filled by O.E.M.",
            "os-1");
    Agent b =
        c.enroll(
            enrollment,
            "PC-2",
            "03000200-0400-0500-0006-000700080009",
            "To be filled by O.E.M.",
            "os-2");
    assertThat(b.machineId()).isNotEqualTo(a.machineId());
  }

  @Test
  void the_same_hardware_in_another_unit_is_another_machine() {
    c.createUnit("krong-nang.tam-giang", "Xã Tam Giang", "krong-nang", "commune", 5);
    Agent a = c.enroll(enrollment, "PC-1", "uuid-A", "serial-A", "os-1");
    Agent b =
        c.enroll(c.enrollmentToken("krong-nang.tam-giang"), "PC-1", "uuid-A", "serial-A", "os-1");
    assertThat(b.machineId()).isNotEqualTo(a.machineId());
  }

  @Test
  void inventory_is_stored_when_changed_and_each_change_is_an_event() {
    Agent a = c.enroll(enrollment, "PC-1", "u1", "s1", "o1");
    var inv = Fixtures.inventory("PC-1", c.clock.instant(), 8 * GIB, 4, "Windows", "10");
    Http.Answer first = c.inventory(a, inv);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("changed").asBoolean()).isTrue();
    c.clock.advance(Duration.ofHours(1));
    var same = Fixtures.inventory("PC-1", c.clock.instant(), 8 * GIB, 4, "Windows", "10");
    assertThat(c.inventory(a, same).json().get("changed").asBoolean()).isFalse();
    var changed = Fixtures.inventory("PC-1", c.clock.instant(), 4 * GIB, 4, "Windows", "10");
    changed.put("disks", new ArrayList<>());
    assertThat(c.inventory(a, changed).json().get("changed").asBoolean()).isTrue();
    JsonNode m = c.admin("GET", "/api/v1/machines/" + a.machineId(), null).json();
    assertThat(events(m))
        .contains(
            "inventory_changed: memory 8 GiB -> 4 GiB", "inventory_changed: disk WDC-123 removed");
    assertThat(m.at("/inventory/memory/totalBytes").asLong()).isEqualTo(4 * GIB);
  }

  @Test
  void a_renamed_pc_is_listed_under_its_new_hostname() {
    Agent a = c.enroll(enrollment, "PC-OLD", "u1", "s1", "o1");
    c.inventory(a, Fixtures.inventory("PC-OLD", c.clock.instant(), 8 * GIB, 4, "Windows", "10"));
    c.inventory(a, Fixtures.inventory("PC-NEW", c.clock.instant(), 8 * GIB, 4, "Windows", "10"));
    JsonNode m = c.admin("GET", "/api/v1/machines/" + a.machineId(), null).json();
    assertThat(m.get("hostname").asText()).isEqualTo("PC-NEW");
    assertThat(events(m)).contains("inventory_changed: hostname PC-OLD -> PC-NEW");
    assertThat(c.beat(a, 1, true).status()).isEqualTo(200);
    assertThat(c.http.get("/metrics", null).body()).contains("hostname=\"PC-NEW\"");
  }

  @Test
  void inventory_given_at_enrollment_is_stored() {
    var body = Fixtures.enroll(enrollment, "PC-1", Fixtures.fingerprint("u1", "s1", "o1"));
    body.put(
        "inventory", Fixtures.inventory("PC-1", c.clock.instant(), 8 * GIB, 4, "Windows", "11"));
    Http.Answer a = c.http.post("/api/v1/enroll", null, body);
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    JsonNode m =
        c.admin("GET", "/api/v1/machines/" + a.json().get("machineId").asText(), null).json();
    assertThat(m.at("/inventory/os/version").asText()).isEqualTo("11");
  }

  @Test
  void a_gzip_body_is_accepted() {
    Agent a = c.enroll(enrollment, "PC-1", "u1", "s1", "o1");
    byte[] json = Http.bytes(batch(heartbeat(a.machineId(), 1, c.clock.instant(), true)));
    Http.Answer r =
        c.http.send("POST", "/api/v1/heartbeats", a.token(), "application/json", json, true);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("accepted").asInt()).isEqualTo(1);
  }

  @Test
  void unknown_fields_from_a_newer_agent_are_ignored() {
    Agent a = c.enroll(enrollment, "PC-1", "u1", "s1", "o1");
    var hb = heartbeat(a.machineId(), 1, c.clock.instant(), true);
    hb.put("batteryPercent", 80);
    var body = batch(hb);
    body.put("agentFeature", Fixtures.map("x", 1));
    Http.Answer r = c.http.post("/api/v1/heartbeats", a.token(), body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  @Test
  void a_retired_machine_token_no_longer_works() {
    Agent a = c.enroll(enrollment, "PC-1", "u1", "s1", "o1");
    assertThat(c.admin("POST", "/api/v1/machines/" + a.machineId() + "/retire", "").status())
        .isEqualTo(200);
    assertThat(c.beat(a, 1, true).status()).isEqualTo(401);
  }

  static List<String> events(JsonNode machine) {
    List<String> out = new ArrayList<>();
    machine
        .get("events")
        .forEach(e -> out.add(e.get("kind").asText() + ": " + e.get("detail").asText()));
    return out;
  }
}

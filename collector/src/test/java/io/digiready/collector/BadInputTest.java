package io.digiready.collector;

import static io.digiready.collector.Fixtures.map;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests, one per row: each gets a 4xx with {"error","detail"} whose detail names the
 * field, never a 500, and nothing of it is stored.
 */
@Contract
class BadInputTest {
  static TestCollector c;
  static Agent agent;
  static String enrollment;
  static Path dir;

  enum Auth {
    NONE,
    ADMIN,
    AGENT,
    WRONG
  }

  record Case(
      String name,
      String path,
      Auth auth,
      String contentType,
      Function<Agent, Object> body,
      boolean gzip,
      int status,
      String detail) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("bad-input");
    c = new TestCollector(dir);
    c.createUnit("a", "Xã A", null, "commune", 3);
    enrollment = c.enrollmentToken("a");
    agent = c.enroll(enrollment, "PC-1", "u1", "s1", "o1");
  }

  @AfterAll
  static void stop() {
    c.close();
  }

  static Map<String, Object> hb(Agent a) {
    return Fixtures.heartbeat(a.machineId(), 1, TestCollector.START, true);
  }

  static Function<Agent, Object> heartbeatWith(Consumer<Map<String, Object>> change) {
    return a -> {
      Map<String, Object> h = hb(a);
      change.accept(h);
      return Fixtures.batch(h);
    };
  }

  static Function<Agent, Object> probeWith(Consumer<Map<String, Object>> change) {
    return heartbeatWith(
        h -> {
          Map<String, Object> p = Fixtures.probe(true, true);
          change.accept(p);
          h.put("probes", List.of(p));
        });
  }

  static Function<Agent, Object> inventoryWith(Consumer<Map<String, Object>> change) {
    return a -> {
      Map<String, Object> inv =
          Fixtures.inventory("PC-1", TestCollector.START, 8 * Fixtures.GIB, 4, "Windows", "10");
      change.accept(inv);
      return map("machineId", a.machineId(), "inventory", inv);
    };
  }

  static Function<Agent, Object> enrollWith(Consumer<Map<String, Object>> change) {
    return a -> {
      Map<String, Object> e =
          Fixtures.enroll(enrollment, "PC-9", Fixtures.fingerprint("u9", "s9", "o9"));
      change.accept(e);
      return e;
    };
  }

  static Function<Agent, Object> unitWith(Consumer<Map<String, Object>> change) {
    return a -> {
      Map<String, Object> u = Fixtures.unit("b", "Xã B", "a", "commune", 2);
      change.accept(u);
      return u;
    };
  }

  /**
   * Marks where a body gets a lone surrogate: the JSON escape {@code "\\ud800"} an attacker sends
   * (a Java string holding one could not be written as UTF-8 by the test).
   */
  static final String LONE = "LONE-SURROGATE-HERE";

  static byte[] concat(byte[]... parts) {
    var out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static Case hbCase(String name, Function<Agent, Object> body, String detail) {
    return new Case(
        name, "/api/v1/heartbeats", Auth.AGENT, "application/json", body, false, 400, detail);
  }

  static Case inventoryCase(String name, Consumer<Map<String, Object>> change, String detail) {
    return new Case(
        name,
        "/api/v1/inventory",
        Auth.AGENT,
        "application/json",
        inventoryWith(change),
        false,
        400,
        detail);
  }

  static Case enrollCase(String name, Consumer<Map<String, Object>> change, String detail) {
    return new Case(
        name,
        "/api/v1/enroll",
        Auth.NONE,
        "application/json",
        enrollWith(change),
        false,
        400,
        detail);
  }

  static Case unitCase(String name, Consumer<Map<String, Object>> change, String detail) {
    return new Case(
        name,
        "/api/v1/units",
        Auth.ADMIN,
        "application/json",
        unitWith(change),
        false,
        400,
        detail);
  }

  static Case csvCase(String name, String csv, String detail) {
    return new Case(
        name, "/api/v1/units/import", Auth.ADMIN, "text/csv", a -> csv, false, 400, detail);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> child(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  static Stream<Case> cases() {
    String bigString = "x".repeat(2000);
    List<Case> cases =
        new ArrayList<>(
            List.of(
                hbCase("malformed JSON", a -> "{\"heartbeats\":[", "body: malformed JSON"),
                hbCase("not JSON at all", a -> "hello", "body: malformed JSON"),
                hbCase("empty body", a -> "", "body: is required"),
                hbCase("JSON null", a -> "null", "body"),
                hbCase("an array instead of an object", a -> "[]", "body"),
                hbCase("trailing garbage after the object", a -> "{\"heartbeats\":[]} x", "body"),
                hbCase("no heartbeats field", a -> "{}", "heartbeats: is required"),
                hbCase(
                    "an empty batch", a -> map("heartbeats", List.of()), "heartbeats: must hold"),
                hbCase(
                    "heartbeats as a string",
                    a -> map("heartbeats", "many"),
                    "heartbeats: expected"),
                hbCase(
                    "a null heartbeat",
                    a -> map("heartbeats", Collections.singletonList(null)),
                    "heartbeats[0]: is required"),
                hbCase(
                    "seq as a string", heartbeatWith(h -> h.put("seq", "42")), "heartbeats[0].seq"),
                hbCase(
                    "seq 0",
                    heartbeatWith(h -> h.put("seq", 0)),
                    "heartbeats[0].seq: must be >= 1"),
                hbCase("seq negative", heartbeatWith(h -> h.put("seq", -5)), "heartbeats[0].seq"),
                hbCase(
                    "seq a fraction", heartbeatWith(h -> h.put("seq", 4.5)), "heartbeats[0].seq"),
                hbCase(
                    "seq beyond a long",
                    heartbeatWith(
                        h -> h.put("seq", new java.math.BigInteger("99999999999999999999999"))),
                    "heartbeats[0].seq"),
                hbCase("seq missing", heartbeatWith(h -> h.remove("seq")), "heartbeats[0].seq"),
                hbCase(
                    "machineId missing",
                    heartbeatWith(h -> h.remove("machineId")),
                    "heartbeats[0].machineId"),
                hbCase(
                    "agentTime missing",
                    heartbeatWith(h -> h.remove("agentTime")),
                    "heartbeats[0].agentTime"),
                hbCase(
                    "agentTime not a time",
                    heartbeatWith(h -> h.put("agentTime", "yesterday")),
                    "heartbeats[0].agentTime"),
                hbCase(
                    "agentTime before 2000",
                    heartbeatWith(h -> h.put("agentTime", "1999-12-31T23:00:00Z")),
                    "heartbeats[0].agentTime"),
                hbCase(
                    "agentTime years ahead",
                    heartbeatWith(
                        h -> h.put("agentTime", Instant.parse("2029-01-01T00:00:00Z").toString())),
                    "heartbeats[0].agentTime"),
                hbCase(
                    "internetUp missing",
                    heartbeatWith(h -> h.remove("internetUp")),
                    "heartbeats[0].internetUp"),
                hbCase(
                    "internetUp as a string",
                    heartbeatWith(h -> h.put("internetUp", "true")),
                    "heartbeats[0].internetUp"),
                hbCase(
                    "probes missing",
                    heartbeatWith(h -> h.remove("probes")),
                    "heartbeats[0].probes"),
                hbCase(
                    "too many probes",
                    heartbeatWith(
                        h -> h.put("probes", Collections.nCopies(33, Fixtures.probe(true, true)))),
                    "heartbeats[0].probes: must"),
                hbCase(
                    "probe kind icmp",
                    probeWith(p -> p.put("kind", "icmp")),
                    "heartbeats[0].probes[0].kind"),
                hbCase(
                    "failed probe without an error",
                    probeWith(p -> p.put("ok", false)),
                    "heartbeats[0].probes[0].error"),
                hbCase(
                    "probe target blank",
                    probeWith(p -> p.put("target", " ")),
                    "heartbeats[0].probes[0].target"),
                hbCase(
                    "probe latency negative",
                    probeWith(p -> p.put("latencyMillis", -1)),
                    "heartbeats[0].probes[0].latencyMillis"),
                hbCase(
                    "probe detail too long",
                    probeWith(p -> p.put("detail", bigString)),
                    "heartbeats[0].probes[0].detail"),
                hbCase(
                    "memoryUsedBytes negative",
                    heartbeatWith(h -> h.put("memoryUsedBytes", -1)),
                    "heartbeats[0].memoryUsedBytes"),
                hbCase(
                    "disk free above disk total",
                    heartbeatWith(h -> h.put("systemDiskFreeBytes", 300L * Fixtures.GIB)),
                    "heartbeats[0].systemDiskFreeBytes"),
                hbCase(
                    "agentCpuSeconds negative",
                    heartbeatWith(h -> h.put("agentCpuSeconds", -0.5)),
                    "heartbeats[0].agentCpuSeconds"),
                hbCase(
                    "the second heartbeat of a batch is bad",
                    a -> {
                      Map<String, Object> bad = hb(a);
                      bad.put("seq", 2);
                      bad.put("uptimeSeconds", -3);
                      return Fixtures.batch(hb(a), bad);
                    },
                    "heartbeats[1].uptimeSeconds"),
                hbCase(
                    "more heartbeats than a batch may hold",
                    a -> {
                      List<Object> many = new ArrayList<>();
                      for (int i = 1; i <= 1001; i++) {
                        many.add(Fixtures.heartbeat(a.machineId(), i, TestCollector.START, true));
                      }
                      return map("heartbeats", many);
                    },
                    "heartbeats: must hold at most 1000"),
                new Case(
                    "a body over the size limit",
                    "/api/v1/heartbeats",
                    Auth.AGENT,
                    "application/json",
                    a -> "{\"heartbeats\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}",
                    false,
                    413,
                    "body: must be at most"),
                new Case(
                    "a gzip bomb",
                    "/api/v1/heartbeats",
                    Auth.AGENT,
                    "application/json",
                    a -> "{\"heartbeats\":\"" + " ".repeat(20 * 1024 * 1024) + "\"}",
                    true,
                    413,
                    "body: must be at most"),
                new Case(
                    "a body that claims gzip but is not",
                    "/api/v1/heartbeats",
                    Auth.AGENT,
                    "application/json+fake-gzip",
                    a -> "not gzip at all",
                    false,
                    400,
                    "body"),
                new Case(
                    "text/plain content type",
                    "/api/v1/heartbeats",
                    Auth.AGENT,
                    "text/plain",
                    heartbeatWith(h -> {}),
                    false,
                    415,
                    "Content-Type: must be application/json"),
                new Case(
                    "no content type",
                    "/api/v1/heartbeats",
                    Auth.AGENT,
                    null,
                    heartbeatWith(h -> {}),
                    false,
                    415,
                    "Content-Type"),
                new Case(
                    "no token",
                    "/api/v1/heartbeats",
                    Auth.NONE,
                    "application/json",
                    heartbeatWith(h -> {}),
                    false,
                    401,
                    "bearer token"),
                new Case(
                    "a wrong token",
                    "/api/v1/heartbeats",
                    Auth.WRONG,
                    "application/json",
                    heartbeatWith(h -> {}),
                    false,
                    401,
                    "bearer token"),
                new Case(
                    "another machine's id",
                    "/api/v1/heartbeats",
                    Auth.AGENT,
                    "application/json",
                    heartbeatWith(h -> h.put("machineId", "m-someone-else")),
                    false,
                    403,
                    "heartbeats[0].machineId"),
                enrollCase(
                    "enroll without fingerprint", e -> e.remove("fingerprint"), "fingerprint"),
                enrollCase("enroll with a blank hostname", e -> e.put("hostname", ""), "hostname"),
                enrollCase(
                    "enroll without token", e -> e.remove("enrollmentToken"), "enrollmentToken"),
                enrollCase(
                    "enroll with macs not a list",
                    e -> child(e, "fingerprint").put("macs", "aa:bb"),
                    "fingerprint.macs"),
                enrollCase(
                    "enroll with a bad inventory",
                    e -> e.put("inventory", map("schemaVersion", 0)),
                    "inventory.schemaVersion"),
                inventoryCase("inventory missing", inv -> inv.clear(), "inventory.schemaVersion"),
                inventoryCase(
                    "os bitness 16",
                    inv -> child(inv, "os").put("bitness", 16),
                    "inventory.os.bitness"),
                inventoryCase(
                    "fewer logical than physical cores",
                    inv -> child(inv, "processor").put("logicalCores", 1),
                    "inventory.processor.logicalCores"),
                inventoryCase("disks missing", inv -> inv.remove("disks"), "inventory.disks"),
                inventoryCase(
                    "collectedAt not a time",
                    inv -> inv.put("collectedAt", 5),
                    "inventory.collectedAt"),
                unitCase("unit staff negative", u -> u.put("staff", -1), "staff: must be from 0"),
                unitCase("unit staff as a string", u -> u.put("staff", "12"), "staff"),
                unitCase("unit code with capitals", u -> u.put("code", "Phu-Loc"), "code: must be"),
                unitCase("unit without a name", u -> u.remove("name"), "name: is required"),
                unitCase(
                    "unit equipment target above 1",
                    u -> u.put("equipmentTarget", 1.5),
                    "equipmentTarget: must be from 0 to 1"),
                unitCase(
                    "unit with an unknown parent",
                    u -> u.put("parent", "nowhere"),
                    "parent: unknown unit"),
                unitCase(
                    "unit office hours with a bad time zone",
                    u -> u.put("officeHours", map("timeZone", "Mars/Olympus")),
                    "officeHours.timeZone"),
                unitCase(
                    "unit office hours starting at 25:00",
                    u -> u.put("officeHours", map("start", "25:00")),
                    "officeHours.start"),
                unitCase(
                    "unit office hours on a day that is not one",
                    u -> u.put("officeHours", map("days", List.of("MON", "FUNDAY"))),
                    "officeHours.days"),
                csvCase("CSV with a wrong header", "code,name\nx,X\n", "line 1: header"),
                csvCase(
                    "CSV with an unterminated quote",
                    "code,name,parent,kind,staff\nx,\"X,,commune,1\n",
                    "line 2"),
                csvCase(
                    "CSV with a duplicate code",
                    "code,name,parent,kind,staff\nx,X,,commune,1\nx,X,,commune,1\n",
                    "line 3: code"),
                new Case(
                    "viewer token without a name",
                    "/api/v1/viewer-tokens",
                    Auth.ADMIN,
                    "application/json",
                    a -> map(),
                    false,
                    400,
                    "name: is required"),
                new Case(
                    "viewer token with a number for a name",
                    "/api/v1/viewer-tokens",
                    Auth.ADMIN,
                    "application/json",
                    a -> map("name", 42),
                    false,
                    400,
                    "name"),
                new Case(
                    "viewer token with a control character in its name",
                    "/api/v1/viewer-tokens",
                    Auth.ADMIN,
                    "application/json",
                    a -> map("name", "a\u0007b"),
                    false,
                    400,
                    "name: must be at most"),
                csvCase(
                    "CSV with a stray quote in an unquoted field",
                    "code,name,parent,kind,staff\nx,Văn \"Một cửa\",,commune,1\n",
                    "line 2: a quote inside a field must be doubled"),
                new Case(
                    "CSV saved in cp1252",
                    "/api/v1/units/import",
                    Auth.ADMIN,
                    "text/csv",
                    a ->
                        "code,name,parent,kind,staff\nx,Xã Phú,,commune,1\n"
                            .getBytes(java.nio.charset.Charset.forName("windows-1252")),
                    false,
                    400,
                    "line 2: not UTF-8"),
                new Case(
                    "CSV with a surrogate encoded as UTF-8 bytes",
                    "/api/v1/units/import",
                    Auth.ADMIN,
                    "text/csv",
                    a ->
                        concat(
                            "code,name,parent,kind,staff\nx,X".getBytes(UTF_8),
                            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                            ",,commune,1\n".getBytes(UTF_8)),
                    false,
                    400,
                    "line 2: not UTF-8"),
                enrollCase(
                    "enroll with a lone surrogate in the hostname",
                    e -> e.put("hostname", LONE),
                    "hostname: must be valid Unicode text"),
                hbCase(
                    "a lone surrogate in a probe target",
                    probeWith(p -> p.put("target", LONE)),
                    "heartbeats[0].probes[0].target: must be valid Unicode text"),
                inventoryCase(
                    "a lone surrogate in the OS family",
                    inv -> child(inv, "os").put("family", LONE),
                    "inventory.os.family: must be valid Unicode text"),
                unitCase(
                    "a lone surrogate in a unit name",
                    u -> u.put("name", LONE),
                    "name: must be valid Unicode text"),
                new Case(
                    "a lone surrogate in a viewer token name",
                    "/api/v1/viewer-tokens",
                    Auth.ADMIN,
                    "application/json",
                    a -> map("name", LONE),
                    false,
                    400,
                    "name: must be valid Unicode text"),
                new Case(
                    "CSV sent as JSON",
                    "/api/v1/units/import",
                    Auth.ADMIN,
                    "application/json",
                    a -> "code,name,parent,kind,staff\n",
                    false,
                    415,
                    "Content-Type: must be text/csv")));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void a_malformed_request_gets_a_4xx_naming_the_field(Case k) {
    byte[] body = Http.bytes(k.body().apply(agent));
    String text = new String(body, UTF_8);
    if (text.contains(LONE)) {
      body = text.replace(LONE, "X\\ud800").getBytes(UTF_8);
    }
    HttpRequest.Builder b =
        c.http.builder(
            k.path(),
            switch (k.auth()) {
              case NONE -> null;
              case ADMIN -> TestCollector.ADMIN;
              case AGENT -> agent.token();
              case WRONG -> "not-a-token";
            });
    String type = k.contentType();
    if ("application/json+fake-gzip".equals(type)) {
      type = "application/json";
      b.header("Content-Encoding", "gzip");
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    if (k.gzip()) {
      body = Http.gzip(body);
      b.header("Content-Encoding", "gzip");
    }
    Http.Answer a = c.http.sendRaw(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    assertThat(a.status()).as(a.body()).isEqualTo(k.status());
    JsonNode json = a.json();
    assertThat(json.get("error").asText()).isNotBlank();
    assertThat(json.get("detail").asText()).contains(k.detail());
  }

  @Test
  void there_are_at_least_40_distinct_cases() {
    assertThat(cases().map(Case::name).distinct().count()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void nothing_of_a_rejected_request_was_stored() {
    // Runs in any order with the table: the table never gets anything accepted.
    cases().forEach(this::a_malformed_request_gets_a_4xx_naming_the_field);
    JsonNode m = c.admin("GET", "/api/v1/machines/" + agent.machineId(), null).json();
    assertThat(m.get("lastSeq").asLong()).isZero();
    assertThat(m.get("inventory").isNull()).isTrue();
    assertThat(m.get("events").size()).isEqualTo(1);
    assertThat(
            c.admin("GET", "/api/v1/machines/" + agent.machineId() + "/history", null)
                .json()
                .get("buckets")
                .size())
        .isZero();
    assertThat(c.units()).hasSize(1);
    assertThat(c.admin("GET", "/api/v1/machines", null).json().size()).isEqualTo(1);
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A real collector on a free 127.0.0.1 port with its database in a temp dir and a test clock. */
public final class TestCollector implements AutoCloseable {
  public static final String ADMIN = "admin-token-for-tests-0123456789abcdef";
  public static final Instant START = Instant.parse("2026-11-25T03:00:00Z"); // Wed 10:00 in Hanoi

  /**
   * The engine under test: SQLite unless the build runs the contract tests a second time with
   * {@code -Ddigiready.test.storage=postgresql} (the collector pom's failsafe execution does).
   */
  public static final boolean POSTGRESQL =
      "postgresql".equals(System.getProperty("digiready.test.storage"));

  private static final Map<String, String> DATABASES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final String NO_ADMIN_TOKEN = "(no admin token)";

  /** A collector that makes or finds its admin token itself, as an installed one does. */
  public static TestCollector withoutAdminToken(Path dataDir, String... flags) throws Exception {
    String[] all = new String[flags.length + 1];
    all[0] = NO_ADMIN_TOKEN;
    System.arraycopy(flags, 0, all, 1, flags.length);
    return new TestCollector(dataDir, all);
  }

  public final MutableClock clock;

  /** What killed the writer thread, if anything did (the real program then exits). */
  public final List<Throwable> writerDeaths = new java.util.concurrent.CopyOnWriteArrayList<>();

  public final Collector collector;
  public final Http http;
  public final Path dataDir;

  public TestCollector(Path dataDir, String... flags) throws Exception {
    this(dataDir, null, flags);
  }

  public TestCollector(
      Path dataDir,
      java.util.function.Function<
              io.digiready.collector.store.Store, io.digiready.collector.store.Store>
          wrap,
      String... flags)
      throws Exception {
    this(START, dataDir, wrap, flags);
  }

  /** A collector whose clock reads {@code start} when it starts (one restarted days later). */
  public static TestCollector startingAt(Instant start, Path dataDir, String... flags)
      throws Exception {
    return new TestCollector(start, dataDir, null, flags);
  }

  private TestCollector(
      Instant start,
      Path dataDir,
      java.util.function.Function<
              io.digiready.collector.store.Store, io.digiready.collector.store.Store>
          wrap,
      String... flags)
      throws Exception {
    this.clock = new MutableClock(start);
    this.dataDir = dataDir;
    Map<String, String> f = new HashMap<>();
    f.put("port", "0");
    f.put("bindAddress", "127.0.0.1");
    f.put("dataDir", dataDir.toString());
    f.put("adminToken", ADMIN);
    if (flags.length > 0 && flags[0].equals(NO_ADMIN_TOKEN)) {
      f.remove("adminToken");
      flags = java.util.Arrays.copyOfRange(flags, 1, flags.length);
    }
    if (POSTGRESQL && !java.util.Arrays.asList(flags).contains("storage")) {
      f.put("storage", "postgresql");
      // One database per data directory, so that a restart in the same directory finds its data.
      f.put(
          "jdbcUrl",
          DATABASES.computeIfAbsent(dataDir.toString(), d -> TestPostgres.shared().newDatabase()));
      f.put("jdbcUser", TestPostgres.USER);
    }
    for (int i = 0; i < flags.length; i += 2) {
      f.put(flags[i], flags[i + 1]);
    }
    var config = ConfigLoader.load(null, Map.of(), f);
    collector =
        new Collector(
                config,
                clock,
                conf -> {
                  var store = Collector.store(conf);
                  return wrap == null ? store : wrap.apply(store);
                },
                writerDeaths::add)
            .start();
    http = new Http("http://127.0.0.1:" + collector.port());
  }

  /** A connection to this collector's database, whichever the engine (for row counts). */
  public java.sql.Connection database() throws java.sql.SQLException {
    var storage = collector.config().storage();
    if (storage.postgresql()) {
      return java.sql.DriverManager.getConnection(storage.jdbcUrl(), TestPostgres.USER, "");
    }
    return java.sql.DriverManager.getConnection(
        "jdbc:sqlite:" + dataDir.resolve(Collector.DATABASE_FILE));
  }

  public Http.Answer admin(String method, String path, Object body) {
    return switch (method) {
      case "GET" -> http.get(path, ADMIN);
      case "DELETE" -> http.delete(path, ADMIN);
      case "PUT" -> http.put(path, ADMIN, body);
      default -> http.post(path, ADMIN, body);
    };
  }

  public JsonNode createUnit(String code, String name, String parent, String kind, int staff) {
    Http.Answer a = admin("POST", "/api/v1/units", Fixtures.unit(code, name, parent, kind, staff));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json();
  }

  public String enrollmentToken(String unit) {
    Http.Answer a = admin("POST", "/api/v1/units/" + unit + "/enrollment-tokens", "");
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().get("token").asText();
  }

  /** An enrolled agent: its machine id and token. */
  public record Agent(String machineId, String token) {}

  public Agent enroll(
      String enrollmentToken, String hostname, String uuid, String serial, String osInstallId) {
    Http.Answer a =
        http.post(
            "/api/v1/enroll",
            null,
            Fixtures.enroll(
                enrollmentToken, hostname, Fixtures.fingerprint(uuid, serial, osInstallId)));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return new Agent(a.json().get("machineId").asText(), a.json().get("agentToken").asText());
  }

  public Http.Answer beat(Agent agent, long seq, boolean internetUp) {
    return http.post(
        "/api/v1/heartbeats",
        agent.token(),
        Fixtures.batch(Fixtures.heartbeat(agent.machineId(), seq, clock.instant(), internetUp)));
  }

  public Http.Answer inventory(Agent agent, Map<String, Object> inventory) {
    return http.post(
        "/api/v1/inventory",
        agent.token(),
        Fixtures.map("machineId", agent.machineId(), "inventory", inventory));
  }

  /** A compliant PC: 8 GiB, 4 CPUs, Windows 10, with a heartbeat so disk and clock are known. */
  public Agent compliantMachine(String enrollmentToken, String hostname, boolean internet) {
    Agent a =
        enroll(enrollmentToken, hostname, "uuid-" + hostname, "sn-" + hostname, "os-" + hostname);
    assertThat(
            inventory(
                    a,
                    Fixtures.inventory(
                        hostname, clock.instant(), 8 * Fixtures.GIB, 4, "Windows", "10"))
                .status())
        .isEqualTo(200);
    assertThat(beat(a, 1, internet).status()).isEqualTo(200);
    return a;
  }

  public JsonNode unitView(String code) {
    Http.Answer a = admin("GET", "/api/v1/units/" + code, null);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  public List<JsonNode> units() {
    JsonNode list = admin("GET", "/api/v1/units", null).json();
    List<JsonNode> out = new java.util.ArrayList<>();
    list.forEach(out::add);
    return out;
  }

  @Override
  public void close() {
    collector.close();
  }
}

package io.digiready.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleet --keep-going --ack-log} over real HTTP on a free port, against a stand-in collector
 * that refuses every third heartbeat with 503 (as a collector does while its database is down) and
 * cuts every seventh connection without an answer (as a collector killed with -9 does), and refuses
 * every fifth enrolment with 503 (as a database deadlock between two collectors does). Every
 * machine must end up enrolled, every acknowledged heartbeat be in the ack log, every other one
 * counted by kind.
 */
class FleetRunTest {
  @TempDir Path dir;

  private HttpServer server;
  private final AtomicInteger heartbeats = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger cut = new AtomicInteger();
  private final Set<String> answered200 = ConcurrentHashMap.newKeySet();
  private final AtomicInteger machines = new AtomicInteger();
  private final AtomicInteger enrolments = new AtomicInteger();
  private final Set<String> enrolledHosts = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/api/v1/units", this::units);
    server.createContext(
        "/api/v1/enroll",
        x -> {
          String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (enrolments.incrementAndGet() % 5 == 0) {
            answer(x, 503, "{\"error\":\"unavailable\",\"detail\":\"deadlock detected\"}");
            return;
          }
          enrolledHosts.add(FleetRun.field(body, "hostname"));
          int n = machines.getAndIncrement();
          answer(x, 201, "{\"machineId\":\"m-" + n + "\",\"agentToken\":\"a-" + n + "\"}");
        });
    server.createContext("/api/v1/heartbeats", this::heartbeat);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void units(HttpExchange x) throws IOException {
    x.getRequestBody().readAllBytes();
    if (x.getRequestURI().getPath().endsWith("/enrollment-tokens")) {
      answer(x, 201, "{\"token\":\"enrol-" + x.getRequestURI().getPath().length() + "\"}");
    } else {
      answer(x, 201, "{}");
    }
  }

  private void heartbeat(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int n = heartbeats.incrementAndGet();
    if (n % 7 == 0) {
      cut.incrementAndGet();
      x.close(); // no status line at all: the client sees the connection end
      return;
    }
    if (n % 3 == 0) {
      refused.incrementAndGet();
      answer(x, 503, "{\"error\":\"unavailable\",\"detail\":\"database down\"}");
      return;
    }
    String id = FleetRun.field(body, "machineId");
    String seq = body.replaceAll(".*\"seq\":(\\d+),.*", "$1");
    answered200.add(id + " " + seq);
    answer(x, 200, "{\"accepted\":1,\"duplicates\":0}");
  }

  private static void answer(HttpExchange x, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  @Test
  void failed_heartbeats_are_counted_by_kind_and_every_acknowledged_one_is_logged()
      throws Exception {
    FleetRun.Plan plan =
        new FleetRun.Plan(
            30,
            3,
            "soak",
            Duration.ofSeconds(1),
            Duration.ofMillis(2500),
            4,
            false,
            null,
            1,
            null,
            1,
            true);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    Path log = dir.resolve("acks.txt");
    FleetRun run =
        new FleetRun(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "adm", out);
    FleetRun.Result result;
    try (AckLog acks = new AckLog(log)) {
      FleetRun.Result enrolled = run.prepare(plan);
      assertThat(enrolled.errors()).containsEntry("HTTP 503", (long) enrolments.get() / 5);
      assertThat(run.unenrolled()).isZero();
      assertThat(enrolledHosts).hasSize(30);
      result = run.beat(plan, acks);
    } finally {
      run.close();
    }

    List<String> logged = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(result.requests()).isEqualTo(heartbeats.get()).isGreaterThanOrEqualTo(60);
    assertThat(logged).hasSize((int) result.ok()).doesNotHaveDuplicates();
    assertThat(Set.copyOf(logged)).isEqualTo(answered200);
    assertThat(result.errors()).containsEntry("HTTP 503", (long) refused.get());
    long cutCounted =
        result.errors().entrySet().stream()
            .filter(e -> !e.getKey().startsWith("HTTP "))
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertThat(cutCounted).isEqualTo(cut.get()).isPositive();
    assertThat(result.errors()).doesNotContainKey("CompletionException"); // the cause is the kind
    assertThat(result.ok() + refused.get() + cut.get()).isEqualTo(result.requests());

    // once per window, with the time: the acknowledged and failed answers of all windows add up
    Map<String, Long> failedInLines = new HashMap<>();
    long okInLines = 0;
    for (String line : printed.toString(StandardCharsets.UTF_8).lines().toList()) {
      var m =
          java.util.regex.Pattern.compile(
                  "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ answers in the \\d+ s before:"
                      + " (\\d+) acknowledged, (\\d+) failed(?: \\{(.*)\\})?$")
              .matcher(line);
      if (m.matches()) {
        okInLines += Long.parseLong(m.group(1));
        if (m.group(3) != null) {
          for (String part : m.group(3).split(", ")) {
            String[] kv = part.split("=");
            failedInLines.merge(kv[0], Long.parseLong(kv[1]), Long::sum);
          }
        }
      }
    }
    assertThat(okInLines).isEqualTo(result.ok());
    assertThat(failedInLines).isEqualTo(result.errors());
  }

  @Test
  void the_ack_log_says_which_machine_and_seq_each_line_is() throws Exception {
    FleetRun.Plan plan = fourMachinesForOneSecond(true);
    Path log = dir.resolve("acks.txt");
    FleetRun run = quietRun();
    try (AckLog acks = new AckLog(log)) {
      run.prepare(plan);
      run.beat(plan, acks);
    } finally {
      run.close();
    }

    Map<String, Long> lastSeq = new HashMap<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      String[] parts = line.split(" ");
      assertThat(parts).hasSize(2);
      assertThat(parts[0]).matches("m-[0-3]");
      long seq = Long.parseLong(parts[1]);
      assertThat(seq).isGreaterThan(lastSeq.getOrDefault(parts[0], 0L));
      lastSeq.put(parts[0], seq);
    }
    assertThat(lastSeq).isNotEmpty();
  }

  @Test
  void without_an_ack_log_the_run_counts_the_same_and_writes_nothing() throws Exception {
    FleetRun.Plan plan = fourMachinesForOneSecond(false);
    FleetRun run = quietRun();
    FleetRun.Result result;
    try {
      run.prepare(plan);
      result = run.beat(plan, null);
    } finally {
      run.close();
    }

    assertThat(result.ok()).isEqualTo(answered200.size()).isPositive();
    assertThat(result.requests()).isEqualTo(heartbeats.get());
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  /** Four machines in one unit, a heartbeat each every 400 ms for a second, two in flight. */
  private static FleetRun.Plan fourMachinesForOneSecond(boolean ackLog) {
    return new FleetRun.Plan(
        4,
        1,
        "soak",
        Duration.ofMillis(400),
        Duration.ofSeconds(1),
        2,
        false,
        null,
        1,
        null,
        0,
        ackLog);
  }

  /** A run against the stand-in collector whose printed lines nobody reads. */
  private FleetRun quietRun() {
    return new FleetRun(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        "adm",
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}

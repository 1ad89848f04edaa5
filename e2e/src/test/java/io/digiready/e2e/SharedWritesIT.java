package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real collector jars on one real PostgreSQL behind a real HAProxy: writes that conflict, fired
 * at the same instant through the two collectors, leave the database a valid tree that both list in
 * full; a write answered through one collector is seen by the next request through the other.
 */
class SharedWritesIT {
  private static final String ADMIN = "shared-writes-admin-token-0123456789";
  private static final int ROUNDS = 40;

  @TempDir Path dir;
  SharedCluster cluster;
  String jdbcUrl;
  CollectorProcess one;
  CollectorProcess two;
  CollectorProcess balancer;
  final Map<Integer, Integer> statuses = new TreeMap<>();

  @BeforeEach
  void start() throws Exception {
    cluster = new SharedCluster(dir, ADMIN, false);
    jdbcUrl = cluster.jdbcUrl;
    one = cluster.one;
    two = cluster.two;
    balancer = cluster.balancer;
  }

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static String json(Object value) {
    try {
      return CollectorProcess.JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(HttpResponse<String> r) {
    try {
      return CollectorProcess.JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String unit(String code, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", "Đơn vị " + code);
    body.put("parent", parent);
    body.put("kind", "district");
    body.put("staff", 1);
    return json(body);
  }

  /** Sends and counts the status; any status not in {@code expected} fails with the answer. */
  private HttpResponse<String> send(
      CollectorProcess via, String method, String path, String body, int... expected) {
    HttpResponse<String> r = via.request(method, path, ADMIN, body);
    synchronized (statuses) {
      statuses.merge(r.statusCode(), 1, Integer::sum);
    }
    boolean ok = false;
    for (int e : expected) {
      ok |= r.statusCode() == e;
    }
    assertThat(ok)
        .as("%s %s via %s answered %d: %s", method, path, via.url(), r.statusCode(), r.body())
        .isTrue();
    return r;
  }

  private Map<String, String> parentsInDatabase() throws Exception {
    Map<String, String> parents = new HashMap<>();
    try (Connection db = DriverManager.getConnection(jdbcUrl, TestPostgres.USER, "");
        ResultSet rs = db.createStatement().executeQuery("SELECT code, parent FROM units")) {
      while (rs.next()) {
        parents.put(rs.getString(1), rs.getString(2));
      }
    }
    return parents;
  }

  /** Every unit reaches a root within 12 levels: no cycle, no unknown parent, not too deep. */
  private static void assertValidTree(Map<String, String> parents) {
    for (String code : parents.keySet()) {
      int depth = 1;
      for (String at = parents.get(code); at != null; at = parents.get(at)) {
        assertThat(parents).as("parent of a unit below %s", code).containsKey(at);
        depth++;
        assertThat(depth).as("levels of %s in %s", code, parents).isLessThanOrEqualTo(12);
      }
    }
  }

  private static void assertNoStackTrace(CollectorProcess c) {
    assertThat(c.log())
        .as("log of %s", c.url())
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void conflicting_moves_through_two_collectors_at_one_instant_never_break_the_tree()
      throws Exception {
    // Two chains of six (x1..x6, y1..y6) and a lone unit z1, all under the root p (level 1).
    send(one, "POST", "/api/v1/units", unit("p", null), 201);
    for (String chain : List.of("x", "y")) {
      for (int i = 1; i <= 6; i++) {
        send(one, "POST", "/api/v1/units", unit(chain + i, i == 1 ? "p" : chain + (i - 1)), 201);
      }
    }
    send(one, "POST", "/api/v1/units", unit("z1", "p"), 201);
    Set<String> codes = parentsInDatabase().keySet();
    CyclicBarrier barrier = new CyclicBarrier(2);
    int conflicts = 0;
    int bothRefused = 0;
    for (int round = 0; round < ROUNDS; round++) {
      send(one, "PUT", "/api/v1/units/x1", unit("x1", "p"), 200);
      send(two, "PUT", "/api/v1/units/y1", unit("y1", "p"), 200);
      // Even rounds: each move alone is legal, both make a cycle (x1 under y3, y1 under x3).
      // Odd rounds: each alone is legal, both put y6 13 levels deep (y1 under x6, x1 under z1).
      // The collectors swap sides every other round, so both directions race either way.
      boolean cycle = round % 2 == 0;
      CollectorProcess left = (round / 2) % 2 == 0 ? one : two;
      CollectorProcess right = left == one ? two : one;
      String leftMove = cycle ? unit("x1", "y3") : unit("y1", "x6");
      String leftPath = cycle ? "/api/v1/units/x1" : "/api/v1/units/y1";
      String rightMove = cycle ? unit("y1", "x3") : unit("x1", "z1");
      String rightPath = cycle ? "/api/v1/units/y1" : "/api/v1/units/x1";
      var l =
          CompletableFuture.supplyAsync(
              () -> {
                await(barrier);
                return send(left, "PUT", leftPath, leftMove, 200, 400, 409);
              });
      var r =
          CompletableFuture.supplyAsync(
              () -> {
                await(barrier);
                return send(right, "PUT", rightPath, rightMove, 200, 400, 409);
              });
      int a = l.get().statusCode();
      int b = r.get().statusCode();
      assertThat(a == 200 && b == 200).as("round %d: both moves accepted", round).isFalse();
      bothRefused += a != 200 && b != 200 ? 1 : 0;
      for (HttpResponse<String> answer : List.of(l.get(), r.get())) {
        if (answer.statusCode() == 409) {
          conflicts++;
          JsonNode body = tree(answer);
          assertThat(body.get("error").asText()).isEqualTo("conflict");
          assertThat(body.get("field").asText()).isEqualTo("parent");
          assertThat(body.get("detail").asText()).startsWith("parent: ");
        }
      }
      assertValidTree(parentsInDatabase());
    }
    System.out.printf(
        "%d rounds: answers by status %s, %d conflicts (409), %d rounds with both refused%n",
        ROUNDS, statuses, conflicts, bothRefused);
    for (CollectorProcess c : List.of(one, two)) {
      Set<String> listed = new HashSet<>();
      c.adminJson("/api/v1/units").forEach(u -> listed.add(u.get("code").asText()));
      assertThat(listed).as("units listed by %s", c.url()).isEqualTo(codes);
      for (String code : codes) {
        send(c, "GET", "/api/v1/units/" + code, null, 200);
      }
      send(c, "GET", "/api/v1/units.csv", null, 200);
    }
    assertThat(statuses).doesNotContainKey(500);
    assertNoStackTrace(one);
    assertNoStackTrace(two);
  }

  /** Fires both requests at one instant (a barrier) and returns the two answers. */
  private static List<HttpResponse<String>> atOnce(
      java.util.function.Supplier<HttpResponse<String>> left,
      java.util.function.Supplier<HttpResponse<String>> right)
      throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    var l =
        CompletableFuture.supplyAsync(
            () -> {
              await(barrier);
              return left.get();
            });
    var r =
        CompletableFuture.supplyAsync(
            () -> {
              await(barrier);
              return right.get();
            });
    return List.of(l.get(), r.get());
  }

  private static String enrollment(String token, int i) {
    Map<String, Object> fingerprint = new LinkedHashMap<>();
    fingerprint.put("hardwareUuid", "uuid-" + i);
    fingerprint.put("systemSerial", "serial-" + i);
    Map<String, Object> enroll = new LinkedHashMap<>();
    enroll.put("enrollmentToken", token);
    enroll.put("hostname", "PC-" + i);
    enroll.put("fingerprint", fingerprint);
    return json(enroll);
  }

  @Test
  void a_code_a_last_token_use_and_a_retire_against_an_enrolment_are_won_once() throws Exception {
    send(one, "POST", "/api/v1/units", unit("p", null), 201);
    for (int round = 0; round < 20; round++) {
      CollectorProcess left = round % 2 == 0 ? one : two;
      CollectorProcess right = left == one ? two : one;
      // One code made through both at once: one 201, one 409 naming code.
      String code = "same" + round;
      List<Integer> made = new ArrayList<>();
      for (HttpResponse<String> a :
          atOnce(
              () -> send(left, "POST", "/api/v1/units", unit(code, "p"), 201, 409),
              () -> send(right, "POST", "/api/v1/units", unit(code, "p"), 201, 409))) {
        made.add(a.statusCode());
        if (a.statusCode() == 409) {
          assertThat(tree(a).get("field").asText()).isEqualTo("code");
        }
      }
      assertThat(made)
          .as("round %d: one code made twice", round)
          .containsExactlyInAnyOrder(201, 409);

      // A token with one use left, used through both at once: one machine, one 401.
      String token =
          tree(send(
                  left,
                  "POST",
                  "/api/v1/units/" + code + "/enrollment-tokens",
                  "{\"maxUses\":1}",
                  201))
              .get("token")
              .asText();
      List<Integer> enrolled = new ArrayList<>();
      int n = round;
      for (HttpResponse<String> a :
          atOnce(
              () -> left.request("POST", "/api/v1/enroll", null, enrollment(token, 1000 + 2 * n)),
              () ->
                  right.request("POST", "/api/v1/enroll", null, enrollment(token, 1001 + 2 * n)))) {
        enrolled.add(a.statusCode());
      }
      assertThat(enrolled)
          .as("round %d: a one-use token used twice", round)
          .containsExactlyInAnyOrder(201, 401);

      // A silent machine retired through one while its hardware enrols again through the other:
      // whichever comes first, the machine ends retired (a re-enrolment never undoes a retire).
      String second =
          tree(send(right, "POST", "/api/v1/units/" + code + "/enrollment-tokens", "{}", 201))
              .get("token")
              .asText();
      HttpResponse<String> first =
          left.request("POST", "/api/v1/enroll", null, enrollment(second, 5000 + n));
      assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
      String machine = tree(first).get("machineId").asText();
      List<HttpResponse<String>> raced =
          atOnce(
              () -> send(left, "POST", "/api/v1/machines/" + machine + "/retire", null, 200),
              () -> right.request("POST", "/api/v1/enroll", null, enrollment(second, 5000 + n)));
      assertThat(raced.get(1).statusCode()).as(raced.get(1).body()).isEqualTo(201);
      try (Connection db = DriverManager.getConnection(jdbcUrl, TestPostgres.USER, "");
          java.sql.PreparedStatement p =
              db.prepareStatement("SELECT retired_at FROM machines WHERE id = ?")) {
        p.setString(1, machine);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).isTrue();
          rs.getLong(1);
          assertThat(rs.wasNull()).as("round %d: machine %s retired", round, machine).isFalse();
        }
      }
      for (CollectorProcess c : List.of(one, two)) {
        assertThat(
                tree(send(c, "GET", "/api/v1/machines/" + machine, null, 200))
                    .get("state")
                    .asText())
            .isEqualTo("retired");
      }
    }
    assertThat(statuses).doesNotContainKey(500);
    assertNoStackTrace(one);
    assertNoStackTrace(two);
  }

  /**
   * Thousands of PCs enrolling at once through both collectors with thirty tokens: every writer
   * group counts uses of several tokens, and the two collectors' groups take the same token rows.
   * Before the groups locked their tokens in key order, PostgreSQL broke such waits as deadlocks
   * and the collector answered those enrolments 503 (13 of the soak's 20,000).
   */
  @Test
  void thousands_of_enrolments_through_both_collectors_at_once_never_deadlock() throws Exception {
    send(one, "POST", "/api/v1/units", unit("p", null), 201);
    List<String> tokens = new ArrayList<>();
    for (int u = 0; u < 30; u++) {
      send(one, "POST", "/api/v1/units", unit("e" + u, "p"), 201);
      tokens.add(
          tree(send(two, "POST", "/api/v1/units/e" + u + "/enrollment-tokens", "{}", 201))
              .get("token")
              .asText());
    }
    // 50 uses of each token through each collector: within the default 60 a minute per token.
    int perToken = 50;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < tokens.size() * perToken * 2; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new java.util.Random(28));
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try {
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i : order) {
        CollectorProcess via = i % 2 == 0 ? one : two;
        String token = tokens.get((i / 2) % tokens.size());
        answers.add(
            CompletableFuture.supplyAsync(
                () -> via.request("POST", "/api/v1/enroll", null, enrollment(token, i)), pool));
      }
      Map<Integer, Integer> byStatus = new TreeMap<>();
      List<String> refused = new ArrayList<>();
      for (var a : answers) {
        HttpResponse<String> r = a.get();
        byStatus.merge(r.statusCode(), 1, Integer::sum);
        if (r.statusCode() != 201 && refused.size() < 3) {
          refused.add(r.statusCode() + " " + r.body());
        }
      }
      assertThat(byStatus)
          .as("answers by status; first refusals %s", refused)
          .containsExactly(Map.entry(201, order.size()));
    } finally {
      pool.shutdownNow();
    }
    for (CollectorProcess c : List.of(one, two)) {
      assertThat(c.log()).as("log of %s", c.url()).doesNotContain("deadlock");
    }
    assertNoStackTrace(one);
    assertNoStackTrace(two);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void what_one_collector_answered_the_other_uses_at_once_a_hundred_times() {
    send(one, "POST", "/api/v1/units", unit("p", null), 201);
    for (int i = 0; i < 100; i++) {
      CollectorProcess first = i % 2 == 0 ? one : two;
      CollectorProcess second = first == one ? two : one;
      String parent = "c" + i;
      String child = parent + ".k";
      // No pause anywhere: each request goes to the collector that did not answer the last one.
      send(first, "POST", "/api/v1/units", unit(parent, "p"), 201);
      send(second, "POST", "/api/v1/units", unit(child, parent), 201);
      send(first, "GET", "/api/v1/units/" + child, null, 200);
      String token =
          tree(send(second, "POST", "/api/v1/units/" + child + "/enrollment-tokens", "{}", 201))
              .get("token")
              .asText();
      Map<String, Object> fingerprint = new LinkedHashMap<>();
      fingerprint.put("hardwareUuid", "uuid-" + i);
      fingerprint.put("systemSerial", "serial-" + i);
      Map<String, Object> enroll = new LinkedHashMap<>();
      enroll.put("enrollmentToken", token);
      enroll.put("hostname", "PC-" + i);
      enroll.put("fingerprint", fingerprint);
      HttpResponse<String> enrolled = first.request("POST", "/api/v1/enroll", null, json(enroll));
      assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
      JsonNode machine = tree(enrolled);
      String id = machine.get("machineId").asText();
      String agentToken = machine.get("agentToken").asText();
      Map<String, Object> beat = new LinkedHashMap<>();
      beat.put("machineId", id);
      beat.put("seq", 1);
      beat.put("agentTime", Instant.now().toString());
      beat.put("uptimeSeconds", 60);
      beat.put("probes", List.of());
      beat.put("internetUp", true);
      HttpResponse<String> ack =
          second.request(
              "POST", "/api/v1/heartbeats", agentToken, json(Map.of("heartbeats", List.of(beat))));
      assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
      assertThat(tree(ack).get("accepted").asInt()).isEqualTo(1);
      send(first, "GET", "/api/v1/machines/" + id, null, 200);
      // Retired through one: the other refuses its heartbeats and shows it retired.
      send(second, "POST", "/api/v1/machines/" + id + "/retire", null, 200);
      beat.put("seq", 2);
      HttpResponse<String> refused =
          first.request(
              "POST", "/api/v1/heartbeats", agentToken, json(Map.of("heartbeats", List.of(beat))));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
      assertThat(
              tree(send(first, "GET", "/api/v1/machines/" + id, null, 200)).get("state").asText())
          .isEqualTo("retired");
    }
    // A provisioning script through the round-robin balancer: a parent, then its child.
    List<Integer> misses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      send(balancer, "POST", "/api/v1/units", unit("b" + i, "p"), 201);
      HttpResponse<String> child =
          balancer.request("POST", "/api/v1/units", ADMIN, unit("b" + i + ".k", "b" + i));
      if (child.statusCode() != 201) {
        misses.add(i);
      }
    }
    assertThat(misses).as("children refused through the balancer").isEmpty();
    assertThat(statuses).doesNotContainKey(500);
    assertNoStackTrace(one);
    assertNoStackTrace(two);
  }
}

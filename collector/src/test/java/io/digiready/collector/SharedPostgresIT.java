package io.digiready.collector;

import static io.digiready.collector.Fixtures.batch;
import static io.digiready.collector.Fixtures.heartbeat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two collectors in one JVM on one real PostgreSQL database: what one learns, the other follows;
 * what both are sent at once is stored once; one of them holds the background lease.
 */
class SharedPostgresIT {
  @TempDir Path dirA;
  @TempDir Path dirB;
  TestCollector a;
  TestCollector b;

  @BeforeEach
  void start() throws Exception {
    String url = TestPostgres.shared().newDatabase();
    a = new TestCollector(dirA, shared(url));
    b = new TestCollector(dirB, shared(url));
  }

  static String[] shared(String url) {
    return new String[] {"storage", "postgresql", "jdbcUrl", url, "jdbcUser", TestPostgres.USER};
  }

  @AfterEach
  void stop() {
    for (TestCollector c : new TestCollector[] {a, b}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void a_unit_and_a_token_made_through_one_collector_work_through_the_other() {
    a.createUnit("a", "Xã Phú Lộc", null, "commune", 3);
    String token = a.enrollmentToken("a");
    await(
        "collector B knows unit a", () -> b.admin("GET", "/api/v1/units/a", null).status() == 200);
    await(
        "collector B accepts the enrollment token",
        () -> {
          try {
            b.enroll(token, "PC-B", "u-b", "s-b", "o-b");
            return true;
          } catch (AssertionError e) {
            return false;
          }
        });
  }

  @Test
  void a_write_answered_through_one_collector_is_seen_by_the_next_request_through_the_other() {
    a.createUnit("top", "Top", null, "province", 1);
    for (int i = 0; i < 30; i++) {
      TestCollector one = i % 2 == 0 ? a : b;
      TestCollector other = one == a ? b : a;
      String parent = "p" + i;
      one.createUnit(parent, "P" + i, "top", "district", 1);
      // No pause: the child names a parent the other collector learnt of a moment ago.
      other.createUnit(parent + ".c", "C" + i, parent, "commune", 2);
      assertThat(one.admin("GET", "/api/v1/units/" + parent + ".c", null).status()).isEqualTo(200);
      String token = other.enrollmentToken(parent + ".c");
      Agent pc = one.enroll(token, "PC-" + i, "u-" + i, "s-" + i, "o-" + i);
      Http.Answer beat = other.beat(pc, 1, true);
      assertThat(beat.status()).as(beat.body()).isEqualTo(200);
      // Retired through one: the other neither lists it as live nor takes its heartbeats.
      Http.Answer retire =
          one.admin("POST", "/api/v1/machines/" + pc.machineId() + "/retire", null);
      assertThat(retire.status()).as(retire.body()).isEqualTo(200);
      assertThat(other.beat(pc, 2, true).status()).isEqualTo(401);
      assertThat(
              other
                  .admin("GET", "/api/v1/machines/" + pc.machineId(), null)
                  .json()
                  .get("retiredAt")
                  .isNull())
          .isFalse();
      // A unit moved through one has its new parent through the other.
      Http.Answer move =
          other.admin(
              "PUT",
              "/api/v1/units/" + parent + ".c",
              Fixtures.unit(parent + ".c", "C" + i, "top", "commune", 2));
      assertThat(move.status()).as(move.body()).isEqualTo(200);
      assertThat(one.unitView(parent + ".c").get("parent").asText()).isEqualTo("top");
    }
  }

  @Test
  void a_token_revoked_through_one_collector_is_refused_by_the_other_at_once() {
    a.createUnit("a", "A", null, "commune", 1);
    for (int i = 0; i < 20; i++) {
      TestCollector one = i % 2 == 0 ? a : b;
      TestCollector other = one == a ? b : a;
      Http.Answer made =
          one.admin("POST", "/api/v1/viewer-tokens", java.util.Map.of("name", "office " + i));
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      String viewer = made.json().get("token").asText();
      assertThat(other.http.get("/api/v1/units", viewer).status()).isEqualTo(200);
      Http.Answer revoke =
          other.admin("DELETE", "/api/v1/viewer-tokens/" + made.json().get("id").asText(), null);
      assertThat(revoke.status()).as(revoke.body()).isEqualTo(204);
      assertThat(one.http.get("/api/v1/units", viewer).status()).isEqualTo(401);

      Http.Answer token = one.admin("POST", "/api/v1/units/a/enrollment-tokens", "");
      String id = token.json().get("id").asText();
      assertThat(other.admin("GET", "/api/v1/units/a/enrollment-tokens", null).body()).contains(id);
      assertThat(other.admin("DELETE", "/api/v1/enrollment-tokens/" + id, null).status())
          .isEqualTo(204);
      Http.Answer enroll =
          one.http.post(
              "/api/v1/enroll",
              null,
              Fixtures.enroll(
                  token.json().get("token").asText(), "PC", Fixtures.fingerprint("u", "s", "o")));
      assertThat(enroll.status()).as(enroll.body()).isEqualTo(401);
    }
  }

  @Test
  void a_batch_sent_to_both_collectors_at_once_is_stored_once() throws Exception {
    a.createUnit("a", "A", null, "commune", 1);
    String token = a.enrollmentToken("a");
    Agent pc = a.enroll(token, "PC", "u", "s", "o");
    await(
        "collector B knows the machine",
        () -> b.admin("GET", "/api/v1/machines/" + pc.machineId(), null).status() == 200);
    Instant now = a.clock.instant();
    var body =
        batch(
            heartbeat(pc.machineId(), 1, now.minusSeconds(60), true),
            heartbeat(pc.machineId(), 2, now, true));
    List<CompletableFuture<Http.Answer>> sent = new ArrayList<>();
    for (TestCollector c : List.of(a, b, a, b)) {
      sent.add(
          CompletableFuture.supplyAsync(() -> c.http.post("/api/v1/heartbeats", pc.token(), body)));
    }
    int accepted = 0;
    int duplicates = 0;
    for (var f : sent) {
      Http.Answer r = f.get();
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      accepted += r.json().get("accepted").asInt();
      duplicates += r.json().get("duplicates").asInt();
    }
    assertThat(accepted).isEqualTo(2);
    assertThat(duplicates).isEqualTo(6);
    JsonNode history =
        a.admin("GET", "/api/v1/machines/" + pc.machineId() + "/history", null).json();
    int stored = 0;
    for (JsonNode bucket : history.get("buckets")) {
      stored += bucket.get("heartbeats").asInt();
    }
    assertThat(stored).isEqualTo(2);
    assertThat(
            a.admin("GET", "/api/v1/machines/" + pc.machineId(), null)
                .json()
                .get("lastSeq")
                .asLong())
        .isEqualTo(2);
  }

  @Test
  void both_collectors_give_the_same_unit_figures_within_seconds() {
    a.createUnit("a", "A", null, "commune", 4);
    String token = a.enrollmentToken("a");
    await(
        "collector B knows unit a", () -> b.admin("GET", "/api/v1/units/a", null).status() == 200);
    Agent one = a.enroll(token, "PC-1", "u1", "s1", "o1");
    Agent two = b.enroll(token, "PC-2", "u2", "s2", "o2");
    a.beat(one, 1, true);
    b.beat(two, 1, false);
    await(
        "both collectors count two working machines, one with internet",
        () -> {
          for (TestCollector c : List.of(a, b)) {
            JsonNode u = c.unitView("a");
            if (u.get("workingMachines").asInt() != 2 || u.get("internetMachines").asInt() != 1) {
              return false;
            }
          }
          return true;
        });
    assertThat(a.admin("GET", "/api/v1/units", null).body())
        .isEqualTo(b.admin("GET", "/api/v1/units", null).body());
  }

  @Test
  void exactly_one_collector_holds_the_lease_and_the_other_takes_it_over() {
    await(
        "one collector holds the lease", () -> a.collector.holdsLease() ^ b.collector.holdsLease());
    TestCollector holder = a.collector.holdsLease() ? a : b;
    TestCollector other = holder == a ? b : a;
    holder.close();
    if (holder == a) {
      a = null;
    } else {
      b = null;
    }
    await("the other collector takes the lease over", () -> other.collector.holdsLease());
  }

  @Test
  void the_first_collector_makes_the_admin_token_and_the_second_accepts_it() throws Exception {
    String url = TestPostgres.shared().newDatabase();
    Path first = Files.createTempDirectory(dirA, "first");
    Path second = Files.createTempDirectory(dirB, "second");
    try (TestCollector one = TestCollector.withoutAdminToken(first, shared(url));
        TestCollector two = TestCollector.withoutAdminToken(second, shared(url))) {
      String token = Files.readString(first.resolve("admin-token")).strip();
      assertThat(second.resolve("admin-token")).doesNotExist();
      assertThat(two.http.get("/api/v1/session", token).json().get("role").asText())
          .isEqualTo("admin");
      assertThat(one.http.get("/api/v1/session", token).status()).isEqualTo(200);
    }
  }

  private static void await(String what, BooleanSupplier condition) {
    Instant end = Instant.now().plus(Duration.ofSeconds(15));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("not within 15 s: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}

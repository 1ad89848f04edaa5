package io.digiready.collector;

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
 * One machine token must not be able to fill the disk or freeze its machine's seq: a seq that jumps
 * past what its interval allows is a 400, heartbeats past the machine's credit a 429 that stores
 * nothing, while a PC back after a month still drains its whole spool.
 */
@Contract
class HeartbeatLimitsTest {
  @TempDir Path dir;
  TestCollector c;
  Agent agent;

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
    c.createUnit("a", "Xã A", null, "commune", 3);
    agent = c.enroll(c.enrollmentToken("a"), "PC-1", "uuid-1", "sn-1", "os-1");
  }

  @AfterEach
  void stop() {
    c.close();
  }

  Http.Answer send(long firstSeq, int count) {
    List<Map<String, Object>> beats = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      beats.add(Fixtures.heartbeat(agent.machineId(), firstSeq + i, c.clock.instant(), true));
    }
    return c.http.post(
        "/api/v1/heartbeats", agent.token(), Fixtures.map("heartbeats", new ArrayList<>(beats)));
  }

  JsonNode machine() {
    return c.admin("GET", "/api/v1/machines/" + agent.machineId(), null).json();
  }

  long storedHeartbeats() {
    long stored = 0;
    for (JsonNode b :
        c.admin(
                "GET",
                "/api/v1/machines/" + agent.machineId() + "/history?from=2026-10-01T00:00:00Z",
                null)
            .json()
            .get("buckets")) {
      stored += b.get("heartbeats").asLong();
    }
    return stored;
  }

  @Test
  void a_seq_that_jumps_past_the_bound_is_a_400_naming_it_and_the_seq_is_not_frozen() {
    assertThat(send(1, 1).status()).isEqualTo(200);
    Http.Answer max = send(Long.MAX_VALUE, 1);
    assertThat(max.status()).as(max.body()).isEqualTo(400);
    assertThat(max.json().get("field").asText()).isEqualTo("heartbeats[0].seq");
    assertThat(max.json().get("detail").asText())
        .startsWith("heartbeats[0].seq: must be at most 1001:")
        .endsWith("Found: " + Long.MAX_VALUE);

    var batch =
        Fixtures.batch(
            Fixtures.heartbeat(agent.machineId(), 2, c.clock.instant(), true),
            Fixtures.heartbeat(agent.machineId(), 9_000_000, c.clock.instant(), true));
    Http.Answer second = c.http.post("/api/v1/heartbeats", agent.token(), batch);
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.json().get("field").asText()).isEqualTo("heartbeats[1].seq");

    // Nothing of either was stored; the next real heartbeat counts, with no lost ones.
    assertThat(machine().get("lastSeq").asLong()).isEqualTo(1);
    Http.Answer next = send(2, 1);
    assertThat(next.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(machine().get("lostHeartbeats").asLong()).isZero();
  }

  @Test
  void a_token_sending_1000_heartbeat_batches_as_fast_as_it_can_gets_429_and_stores_no_more() {
    assertThat(send(1, 1000).json().get("accepted").asInt()).isEqualTo(1000);
    Http.Answer refused = send(1001, 1000);
    assertThat(refused.status()).as(refused.body()).isEqualTo(429);
    assertThat(refused.json().get("error").asText()).isEqualTo("too_many_requests");
    // 1000 heartbeats at 2 a minute: 500 minutes.
    assertThat(refused.header("Retry-After")).isEqualTo("30000");
    assertThat(send(1001, 1000).status()).isEqualTo(429);
    // Further on, the seq jump itself is refused.
    assertThat(send(2001, 1000).status()).isEqualTo(400);

    JsonNode m = machine();
    assertThat(m.get("lastSeq").asLong()).isEqualTo(1000);
    assertThat(storedHeartbeats()).isEqualTo(1000);
    List<String> limited = new ArrayList<>();
    m.get("events")
        .forEach(
            e -> {
              if (e.get("kind").asText().equals("rate_limited")) {
                limited.add(e.get("detail").asText());
              }
            });
    assertThat(limited).as("one event, not one per refused request").hasSize(1);
    String metrics = c.http.get("/metrics", null).body();
    assertThat(new PromText(metrics).value("digiready_heartbeats_rate_limited_total"))
        .isEqualTo(2000.0);

    // An agent at its interval goes on: two heartbeats' worth of credit per minute.
    c.clock.advance(Duration.ofMinutes(1));
    assertThat(send(1001, 2).json().get("accepted").asInt()).isEqualTo(2);
    assertThat(send(1003, 1).status()).isEqualTo(429);
  }

  @Test
  void a_pc_back_after_a_month_drains_its_whole_spool_in_batches_of_500() {
    assertThat(send(1, 1).status()).isEqualTo(200);
    c.clock.advance(Duration.ofDays(30));
    // The spool kept the last 30 days minus what it dropped: 10,000 lost, then 43,000 to send.
    long seq = 10_002;
    int sent = 0;
    while (sent < 43_000) {
      Http.Answer a = send(seq, 500);
      assertThat(a.status()).as("batch at seq " + seq + ": " + a.body()).isEqualTo(200);
      assertThat(a.json().get("accepted").asInt()).isEqualTo(500);
      seq += 500;
      sent += 500;
      c.clock.advance(Duration.ofMillis(200));
    }
    JsonNode m = machine();
    assertThat(m.get("lastSeq").asLong()).isEqualTo(seq - 1);
    assertThat(m.get("lostHeartbeats").asLong()).isEqualTo(10_000);
  }
}

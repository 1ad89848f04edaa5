package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything acknowledged before a kill -9 of the collector process is there afterwards. */
class RestartIT {
  @TempDir Path tmp;

  @Test
  void every_acknowledged_heartbeat_survives_a_kill_9() throws Exception {
    Path data = tmp.resolve("data");
    List<Agent> agents = new ArrayList<>();
    Map<String, AtomicLong> acknowledged = new ConcurrentHashMap<>();
    try (ChildCollector child = new ChildCollector(data)) {
      Http http = child.http;
      assertThat(
              http.post(
                      "/api/v1/units",
                      TestCollector.ADMIN,
                      Fixtures.unit("a", "Xã Phú Lộc", null, "commune", 8))
                  .status())
          .isEqualTo(201);
      String token =
          http.post("/api/v1/units/a/enrollment-tokens", TestCollector.ADMIN, "")
              .json()
              .get("token")
              .asText();
      for (int i = 0; i < 8; i++) {
        JsonNode e =
            http.post(
                    "/api/v1/enroll",
                    null,
                    Fixtures.enroll(
                        token, "PC-" + i, Fixtures.fingerprint("uuid-" + i, "sn-" + i, "os-" + i)))
                .json();
        Agent a = new Agent(e.get("machineId").asText(), e.get("agentToken").asText());
        agents.add(a);
        acknowledged.put(a.machineId(), new AtomicLong());
      }
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(agents.size());
      for (Agent a : agents) {
        pool.submit(
            () -> {
              long seq = 1;
              while (!stop.get()) {
                try {
                  var r =
                      http.post(
                          "/api/v1/heartbeats",
                          a.token(),
                          Fixtures.batch(
                              Fixtures.heartbeat(a.machineId(), seq, Instant.now(), true)));
                  if (r.status() == 200) {
                    acknowledged.get(a.machineId()).set(seq);
                    seq++;
                  }
                } catch (AssertionError connectionLost) {
                  return; // the collector was killed mid-request: that one was not acknowledged
                }
              }
            });
      }
      Instant until = Instant.now().plus(Duration.ofSeconds(3));
      while (Instant.now().isBefore(until)) {
        Thread.sleep(50);
      }
      child.kill9();
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    long total = acknowledged.values().stream().mapToLong(AtomicLong::get).sum();
    assertThat(total).as("heartbeats acknowledged before the kill").isGreaterThan(50);

    try (ChildCollector again = new ChildCollector(data)) {
      Http http = again.http;
      assertThat(http.get("/api/v1/units/a", TestCollector.ADMIN).json().get("name").asText())
          .isEqualTo("Xã Phú Lộc");
      for (Agent a : agents) {
        long acked = acknowledged.get(a.machineId()).get();
        JsonNode m = http.get("/api/v1/machines/" + a.machineId(), TestCollector.ADMIN).json();
        assertThat(m.get("lastSeq").asLong()).isGreaterThanOrEqualTo(acked);
        long stored = 0;
        for (JsonNode b :
            http.get("/api/v1/machines/" + a.machineId() + "/history", TestCollector.ADMIN)
                .json()
                .get("buckets")) {
          stored += b.get("heartbeats").asLong();
        }
        assertThat(stored).isEqualTo(m.get("lastSeq").asLong());
        // The agent's retry of its last acknowledged heartbeat is a duplicate, and its token works.
        var retry =
            http.post(
                "/api/v1/heartbeats",
                a.token(),
                Fixtures.batch(
                    Fixtures.heartbeat(a.machineId(), Math.max(1, acked), Instant.now(), true)));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("duplicates").asInt()).isEqualTo(acked == 0 ? 0 : 1);
      }
    }
  }

  @Test
  void sigterm_shuts_down_cleanly_and_the_data_is_there_on_restart() throws Exception {
    Path data = tmp.resolve("data");
    try (ChildCollector child = new ChildCollector(data)) {
      assertThat(
              child
                  .http
                  .post(
                      "/api/v1/units",
                      TestCollector.ADMIN,
                      Fixtures.unit("b", "Phường Bình", null, "commune", 1))
                  .status())
          .isEqualTo(201);
      child.process.destroy(); // SIGTERM
      assertThat(child.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(java.nio.file.Files.readString(child.log)).contains("collector stopped");
    }
    try (ChildCollector again = new ChildCollector(data)) {
      assertThat(again.http.get("/api/v1/units/b", TestCollector.ADMIN).json().get("name").asText())
          .isEqualTo("Phường Bình");
    }
  }
}

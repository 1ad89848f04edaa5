package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import io.digiready.collector.store.FailingStore;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the database cannot take writes or the writer is saturated: 503 + Retry-After, then
 * recovery.
 */
class StorageFailureTest {
  @TempDir Path dir;

  @Test
  void a_full_disk_answers_503_with_retry_after_and_the_collector_recovers() throws Exception {
    FailingStore[] failing = new FailingStore[1];
    try (TestCollector c = new TestCollector(dir, s -> failing[0] = new FailingStore(s))) {
      c.createUnit("a", "Xã A", null, "commune", 1);
      Agent agent = c.enroll(c.enrollmentToken("a"), "PC-1", "u", "s", "o");
      failing[0].full = true;
      Http.Answer refused = c.beat(agent, 1, true);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isEqualTo("5");
      assertThat(refused.json().get("error").asText()).isEqualTo("unavailable");
      assertThat(c.http.get("/health/ready", null).status()).isEqualTo(503);
      assertThat(
              c.admin("GET", "/api/v1/machines/" + agent.machineId(), null)
                  .json()
                  .get("lastSeq")
                  .asLong())
          .isZero();

      failing[0].full = false;
      Http.Answer retried = c.beat(agent, 1, true);
      assertThat(retried.status()).isEqualTo(200);
      assertThat(retried.json().get("accepted").asInt()).isEqualTo(1);
      assertThat(c.http.get("/health/ready", null).status()).isEqualTo(200);
    }
  }

  @Test
  void a_saturated_writer_answers_503_with_retry_after() throws Exception {
    try (TestCollector c = new TestCollector(dir, s -> s, "writerQueueCapacity", "1")) {
      c.createUnit("a", "Xã A", null, "commune", 1);
      Agent agent = c.enroll(c.enrollmentToken("a"), "PC-1", "u", "s", "o");
      var writer = c.collector.services().writer();
      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Boolean> blocker =
          writer.submit(
              tx -> {
                running.countDown();
                return release.await(30, TimeUnit.SECONDS);
              },
              null);
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Integer> filler = writer.submit(tx -> 1, null);
      Http.Answer busy = c.beat(agent, 1, true);
      assertThat(busy.status()).isEqualTo(503);
      assertThat(busy.header("Retry-After")).isNotNull();
      release.countDown();
      blocker.get(10, TimeUnit.SECONDS);
      filler.get(10, TimeUnit.SECONDS);
      assertThat(c.beat(agent, 1, true).json().get("accepted").asInt()).isEqualTo(1);
    }
  }
}

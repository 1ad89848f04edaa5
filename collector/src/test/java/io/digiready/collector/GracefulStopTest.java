package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import io.digiready.collector.store.FailingStore;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collector told to stop while a heartbeat waits for its commit answers that heartbeat before it
 * closes its connections: the agent gets its acknowledgement and deletes the heartbeat from its
 * spool, instead of sending it again to the restarted collector as a duplicate.
 */
class GracefulStopTest {
  @TempDir Path dir;

  @Test
  void a_heartbeat_in_its_commit_when_the_collector_stops_is_still_answered() throws Exception {
    FailingStore[] store = new FailingStore[1];
    Agent agent;
    CompletableFuture<Http.Answer> second;
    try (TestCollector c = new TestCollector(dir, s -> store[0] = new FailingStore(s))) {
      c.createUnit("a", "Xã A", null, "commune", 3);
      agent = c.enroll(c.enrollmentToken("a"), "PC-1", "uuid-1", "sn-1", "os-1");
      assertThat(c.beat(agent, 1, true).status()).isEqualTo(200);

      store[0].slowCommitMillis = 1_500;
      second = CompletableFuture.supplyAsync(() -> c.beat(agent, 2, true));
      assertThat(store[0].slowCommits.tryAcquire(10, TimeUnit.SECONDS))
          .as("the second heartbeat's commit has started")
          .isTrue();
      // Should that slow commit have been some background write's, the heartbeat has arrived by
      // now and waits behind it; either way it is in progress when the stop begins.
      Thread.sleep(200);
    }

    Http.Answer answer = second.get(30, TimeUnit.SECONDS);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(answer.json().get("duplicates").asInt()).isZero();

    try (TestCollector again = new TestCollector(dir)) {
      Http.Answer resent = again.beat(agent, 2, true);
      assertThat(resent.json().get("accepted").asInt()).as("committed once").isZero();
      assertThat(resent.json().get("duplicates").asInt()).isEqualTo(1);
    }
  }
}

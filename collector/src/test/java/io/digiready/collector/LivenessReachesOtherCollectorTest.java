package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import io.digiready.collector.store.Tx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two collectors on one PostgreSQL database: heartbeats answered through one reach the other's
 * memory through its follower's look every 2 s, which finds them by machine_state.changed. Since
 * V060 that column is no longer indexed and the writer group's statement sets it itself (the
 * trigger runs only for other updates), so this checks that the group statement still moves it.
 */
@Contract
class LivenessReachesOtherCollectorTest {
  @TempDir Path dirA;
  @TempDir Path dirB;

  private static String[] shared(String url) {
    return new String[] {"storage", "postgresql", "jdbcUrl", url, "jdbcUser", TestPostgres.USER};
  }

  private static long changed(TestCollector c, String machineId) throws Exception {
    List<String> rows =
        GroupFigures.rows(
            c, "SELECT changed FROM machine_state WHERE machine_id = '" + machineId + "'");
    assertThat(rows).hasSize(1);
    return Long.parseLong(rows.get(0));
  }

  private static JsonNode machine(TestCollector c, String machineId) {
    Http.Answer a = c.admin("GET", "/api/v1/machines/" + machineId, null);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  @Test
  void a_heartbeat_through_one_collector_shows_the_machine_online_through_the_other()
      throws Exception {
    Assumptions.assumeTrue(TestCollector.POSTGRESQL, "several collectors share only PostgreSQL");
    String url = TestPostgres.shared().newDatabase();
    try (TestCollector a = new TestCollector(dirA, shared(url));
        TestCollector b = new TestCollector(dirB, shared(url))) {
      a.createUnit("a", "Xã A", null, "commune", 2);
      Agent pc = a.enroll(a.enrollmentToken("a"), "PC-1", "uuid-1", "sn-1", "os-1");
      // A read through B catches up with A's writes: B knows the machine, never seen yet.
      assertThat(machine(b, pc.machineId()).get("state").asText()).isNotEqualTo("online");

      for (int minute : new int[] {2, 5}) {
        Instant at = TestCollector.START.plus(Duration.ofMinutes(minute));
        a.clock.set(at);
        b.clock.set(at);
        long before = changed(a, pc.machineId());
        Http.Answer beat = a.beat(pc, minute, true);
        assertThat(beat.status()).as(beat.body()).isEqualTo(200);

        assertThat(changed(a, pc.machineId()))
            .as("the group statement moved machine_state.changed")
            .isGreaterThan(before);
        assertThat(GroupFigures.storedLastSeenMillis(a, pc.machineId()))
            .isEqualTo(at.toEpochMilli());
        // The follower's own question, asked on B's writer: what changed since `before`?
        Tx.Changes changes =
            b.collector
                .services()
                .writer()
                .submit(tx -> tx.shared().changesSince(before), null)
                .get(30, TimeUnit.SECONDS);
        assertThat(changes.machines())
            .filteredOn(m -> m.id().equals(pc.machineId()))
            .singleElement()
            .satisfies(m -> assertThat(m.liveness().lastSeenAt()).isEqualTo(at));

        await(
            "collector B shows the machine online, last seen at " + at,
            () -> {
              JsonNode m = machine(b, pc.machineId());
              return m.get("state").asText().equals("online")
                  && at.equals(Instant.parse(m.get("lastSeenAt").asText()))
                  && m.get("lastSeq").asLong() == minute;
            });
      }
    }
  }

  /** Waits for what B's follower applies on its own schedule (every 2 s), at most 15 s. */
  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant end = Instant.now().plus(Duration.ofSeconds(15));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("within 15 s: " + what).isBefore(end);
      Thread.sleep(100);
    }
  }
}

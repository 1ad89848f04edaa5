package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer group whose heartbeats were all stored before (agents resending after a lost answer):
 * the machines were still seen, so their last-seen time moves, and no day, probe or raw row
 * changes.
 */
@Contract
class DuplicatesOnlyGroupTest {
  @TempDir Path dir;

  private static final List<String> FIGURES =
      List.of(
          "SELECT * FROM machine_days ORDER BY day, mid",
          "SELECT * FROM unit_days ORDER BY day, uid",
          "SELECT * FROM unit_probe_days ORDER BY day, uid, target_id",
          "SELECT hour, mid, part, heartbeats, body FROM raw_heartbeat_hours ORDER BY hour, mid, part",
          "SELECT machine_id, last_seq, lost_heartbeats FROM machine_state ORDER BY machine_id");

  private static Map<String, Object> beats(TestCollector c, Agent pc, long first, long last) {
    List<Map<String, Object>> beats = new ArrayList<>();
    for (long seq = first; seq <= last; seq++) {
      Instant at = TestCollector.START.plus(Duration.ofMinutes(seq));
      beats.add(Fixtures.heartbeat(pc.machineId(), seq, at, seq != 2));
    }
    return Fixtures.map("heartbeats", beats);
  }

  private static List<String> figures(TestCollector c) throws Exception {
    List<String> all = new ArrayList<>();
    for (String sql : FIGURES) {
      all.add(sql);
      all.addAll(GroupFigures.rows(c, sql));
    }
    return all;
  }

  private static List<String> changed(TestCollector c) throws Exception {
    return TestCollector.POSTGRESQL
        ? GroupFigures.rows(c, "SELECT changed FROM machine_state ORDER BY machine_id")
        : List.of();
  }

  @Test
  void a_group_of_only_duplicates_moves_last_seen_and_changes_no_figures() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      c.createUnit("a", "Xã A", null, "commune", 2);
      c.createUnit("b", "Xã B", null, "commune", 2);
      Agent one = c.enroll(c.enrollmentToken("a"), "PC-1", "uuid-1", "sn-1", "os-1");
      Agent two = c.enroll(c.enrollmentToken("b"), "PC-2", "uuid-2", "sn-2", "os-2");
      c.clock.set(TestCollector.START.plus(Duration.ofMinutes(3)));
      for (Agent pc : List.of(one, two)) {
        Http.Answer first = c.http.post("/api/v1/heartbeats", pc.token(), beats(c, pc, 1, 3));
        assertThat(first.json().get("accepted").asInt()).as(first.body()).isEqualTo(3);
      }
      List<String> before = figures(c);
      List<String> changedBefore = changed(c);
      assertThat(before)
          .as("the first heartbeats were stored")
          .hasSizeGreaterThan(FIGURES.size() + 4);

      Instant resent = c.clock.instant().plus(Duration.ofMinutes(7));
      List<CompletableFuture<Http.Answer>> answers = new ArrayList<>();
      try (HeldWriter held = new HeldWriter(c)) {
        c.clock.set(resent);
        int queued = 0;
        // Each machine twice: the whole batch again, then its last heartbeat alone.
        for (long first : new long[] {1, 3}) {
          for (Agent pc : List.of(one, two)) {
            answers.add(
                held.sendAndAwait(
                    () -> c.http.post("/api/v1/heartbeats", pc.token(), beats(c, pc, first, 3)),
                    label -> label.startsWith("heartbeat "),
                    ++queued));
          }
        }
        held.release();
      }

      int duplicates = 0;
      for (CompletableFuture<Http.Answer> f : answers) {
        Http.Answer a = f.get(30, TimeUnit.SECONDS);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("accepted").asInt()).isZero();
        duplicates += a.json().get("duplicates").asInt();
      }
      assertThat(duplicates).isEqualTo(2 * (3 + 1));
      for (Agent pc : List.of(one, two)) {
        assertThat(GroupFigures.storedLastSeenMillis(c, pc.machineId()))
            .as("stored last-seen time of " + pc.machineId())
            .isEqualTo(resent.toEpochMilli());
        var detail = c.admin("GET", "/api/v1/machines/" + pc.machineId(), null).json();
        assertThat(Instant.parse(detail.get("lastSeenAt").asText())).isEqualTo(resent);
        assertThat(detail.get("lastSeq").asLong()).isEqualTo(3);
      }
      assertThat(figures(c)).isEqualTo(before);
      if (TestCollector.POSTGRESQL) {
        // What other collectors' followers look for (V060: the group statement sets it itself).
        List<String> changedAfter = changed(c);
        for (int i = 0; i < changedBefore.size(); i++) {
          assertThat(Long.parseLong(changedAfter.get(i)))
              .as("machine_state.changed of machine %d", i)
              .isGreaterThan(Long.parseLong(changedBefore.get(i)));
        }
      }
    }
  }
}

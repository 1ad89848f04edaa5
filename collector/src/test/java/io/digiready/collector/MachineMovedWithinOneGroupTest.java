package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import io.digiready.collector.machines.MachineService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine moved to another unit while its heartbeats of before and after the move wait in one
 * writer group: each hour counts the machine once, in the unit it was in at its first heartbeat of
 * that hour; heartbeats go to the unit the machine was in when they came; the raw records are all
 * kept, in order; nothing fails.
 */
@Contract
class MachineMovedWithinOneGroupTest {
  @TempDir Path dir;

  /** Heartbeats {@code first..last}, a minute apart, the last at the collector's clock. */
  private static Map<String, Object> beats(TestCollector c, Agent pc, long first, long last) {
    List<Map<String, Object>> beats = new ArrayList<>();
    for (long seq = first; seq <= last; seq++) {
      Instant at = c.clock.instant().minus(Duration.ofMinutes(last - seq));
      beats.add(Fixtures.heartbeat(pc.machineId(), seq, at, seq % 2 == 1));
    }
    return Fixtures.map("heartbeats", beats);
  }

  @Test
  void each_hour_counts_the_machine_once_in_the_unit_of_its_first_heartbeat_of_that_hour()
      throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      c.createUnit("a", "Xã A", null, "commune", 2);
      c.createUnit("b", "Xã B", null, "commune", 2);
      Agent pc = c.enroll(c.enrollmentToken("a"), "PC-1", "uuid-1", "sn-1", "os-1");
      Instant hour2 = Instant.parse("2026-11-25T02:00:00Z");
      Instant hour3 = hour2.plus(Duration.ofHours(1));
      Instant hour4 = hour3.plus(Duration.ofHours(1));

      CompletableFuture<Http.Answer> before;
      CompletableFuture<Http.Answer> move;
      CompletableFuture<Http.Answer> after;
      try (HeldWriter held = new HeldWriter(c)) {
        // seq 1 at 02:59, 2 and 3 at 03:00 and 03:01, in unit a
        c.clock.set(hour3.plus(Duration.ofMinutes(1)));
        before =
            held.sendAndAwait(
                () -> c.http.post("/api/v1/heartbeats", pc.token(), beats(c, pc, 1, 3)),
                HeldWriter.heartbeatOf(pc.machineId()),
                1);
        move =
            held.sendAndAwait(
                () ->
                    c.admin(
                        "POST",
                        "/api/v1/machines/" + pc.machineId() + "/move",
                        Fixtures.map("unit", "b")),
                HeldWriter.workOf(MachineService.class),
                1);
        // seq 4 and 5 at 03:58 and 03:59, 6 at 04:00, in unit b
        c.clock.set(hour4);
        after =
            held.sendAndAwait(
                () -> c.http.post("/api/v1/heartbeats", pc.token(), beats(c, pc, 4, 6)),
                HeldWriter.heartbeatOf(pc.machineId()),
                2);
        assertThat(held.queued())
            .as("the three requests wait in the writer's queue in this order")
            .containsSubsequence(
                "heartbeat " + pc.machineId(),
                MachineService.class.getName(),
                "heartbeat " + pc.machineId());
        held.release();
      }

      for (CompletableFuture<Http.Answer> heartbeats : List.of(before, after)) {
        Http.Answer a = heartbeats.get(30, TimeUnit.SECONDS);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("accepted").asInt()).isEqualTo(3);
        assertThat(a.json().get("duplicates").asInt()).isZero();
      }
      Http.Answer moved = move.get(30, TimeUnit.SECONDS);
      assertThat(moved.status()).as(moved.body()).isEqualTo(200);
      assertThat(moved.json().get("unit").asText()).isEqualTo("b");

      // machines/heartbeats/internet per hour; internet up on odd seqs
      assertThat(GroupFigures.unitHours(c, "a")).isEqualTo(Map.of(hour2, "1/1/1", hour3, "1/2/1"));
      assertThat(GroupFigures.unitHours(c, "b"))
          .as("the machine's first heartbeat of 03:00 was in unit a: b counts it only at 04:00")
          .isEqualTo(Map.of(hour3, "0/2/1", hour4, "1/1/0"));
      // heartbeats/internet/probe successes/probe failures per hour
      assertThat(GroupFigures.machineHours(c, pc.machineId()))
          .isEqualTo(Map.of(hour2, "1/1/1/0", hour3, "4/2/2/2", hour4, "1/0/0/1"));
      assertThat(GroupFigures.rawSeqs(c, pc.machineId()))
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 6).boxed().toList());
      assertThat(
              c.admin("GET", "/api/v1/machines/" + pc.machineId(), null)
                  .json()
                  .get("lastSeq")
                  .asLong())
          .isEqualTo(6);
    }
  }
}

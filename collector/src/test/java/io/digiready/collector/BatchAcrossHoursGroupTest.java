package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer group holding a batch that spans three UTC hours over midnight (three hours of the
 * day, two days: on PostgreSQL one day-row statement per hour of the day) and another machine's
 * single heartbeat: every hour's machine row and unit row holds exactly what was sent.
 */
@Contract
class BatchAcrossHoursGroupTest {
  @TempDir Path dir;

  private static final int BEATS = 180;
  private static final Instant FIRST = Instant.parse("2026-11-25T23:00:00Z");

  private static boolean internet(long seq) {
    return seq % 3 != 0;
  }

  @Test
  void every_hour_of_a_batch_across_midnight_and_of_another_machine_is_stored_exactly()
      throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      c.createUnit("a", "Xã A", null, "commune", 2);
      String token = c.enrollmentToken("a");
      Agent spool = c.enroll(token, "PC-1", "uuid-1", "sn-1", "os-1");
      Agent single = c.enroll(token, "PC-2", "uuid-2", "sn-2", "os-2");
      Instant last = FIRST.plus(Duration.ofMinutes(BEATS - 1));
      c.clock.set(last);

      // heartbeats/internet of the spooling machine per hour, as sent
      Map<Instant, long[]> sent = new TreeMap<>();
      List<Map<String, Object>> batch = new ArrayList<>();
      // raw rows: one per hour and part of 64 seqs (RawHeartbeatPartsTest)
      java.util.Set<String> rawRows = new java.util.HashSet<>();
      for (long seq = 1; seq <= BEATS; seq++) {
        Instant at = FIRST.plus(Duration.ofMinutes(seq - 1));
        batch.add(Fixtures.heartbeat(spool.machineId(), seq, at, internet(seq)));
        long[] h = sent.computeIfAbsent(at.truncatedTo(ChronoUnit.HOURS), k -> new long[2]);
        h[0]++;
        h[1] += internet(seq) ? 1 : 0;
        rawRows.add(at.truncatedTo(ChronoUnit.HOURS) + " " + seq / 64);
      }
      assertThat(sent).as("three hours, over midnight").hasSize(3);

      CompletableFuture<Http.Answer> spooled;
      CompletableFuture<Http.Answer> alone;
      try (HeldWriter held = new HeldWriter(c)) {
        spooled =
            held.sendAndAwait(
                () ->
                    c.http.post(
                        "/api/v1/heartbeats", spool.token(), Fixtures.map("heartbeats", batch)),
                HeldWriter.heartbeatOf(spool.machineId()),
                1);
        alone =
            held.sendAndAwait(
                () -> c.beat(single, 1, true), HeldWriter.heartbeatOf(single.machineId()), 1);
        held.release();
      }
      Http.Answer a = spooled.get(30, TimeUnit.SECONDS);
      assertThat(a.status()).as(a.body()).isEqualTo(200);
      assertThat(a.json().get("accepted").asInt()).isEqualTo(BEATS);
      Http.Answer b = alone.get(30, TimeUnit.SECONDS);
      assertThat(b.status()).as(b.body()).isEqualTo(200);
      assertThat(b.json().get("accepted").asInt()).isEqualTo(1);

      Instant lastHour = last.truncatedTo(ChronoUnit.HOURS);
      Map<Instant, String> machineHours = new TreeMap<>();
      Map<Instant, String> unitHours = new TreeMap<>();
      sent.forEach(
          (hour, h) -> {
            // every probe of the fixture is the internet probe, ok when the internet is up
            machineHours.put(hour, h[0] + "/" + h[1] + "/" + h[1] + "/" + (h[0] - h[1]));
            boolean withSingle = hour.equals(lastHour);
            unitHours.put(
                hour,
                (withSingle ? 2 : 1)
                    + "/"
                    + (h[0] + (withSingle ? 1 : 0))
                    + "/"
                    + (h[1] + (withSingle ? 1 : 0)));
          });
      assertThat(GroupFigures.machineHours(c, spool.machineId())).isEqualTo(machineHours);
      assertThat(GroupFigures.machineHours(c, single.machineId()))
          .isEqualTo(Map.of(lastHour, "1/1/1/0"));
      assertThat(GroupFigures.unitHours(c, "a")).isEqualTo(unitHours);
      assertThat(GroupFigures.rawSeqs(c, spool.machineId()))
          .containsExactlyElementsOf(LongStream.rangeClosed(1, BEATS).boxed().toList());
      assertThat(GroupFigures.rawSeqs(c, single.machineId())).containsExactly(1L);
      assertThat(
              GroupFigures.rows(
                  c,
                  "SELECT count(*) FROM raw_heartbeat_hours r JOIN machine_state s"
                      + " ON s.mid = r.mid WHERE s.machine_id = '"
                      + spool.machineId()
                      + "'"))
          .as("hour 23: seqs 1-60 (part 0); 00: 61-63, 64-120 (0, 1); 01: 121-127, 128-180 (1, 2)")
          .containsExactly(String.valueOf(rawRows.size()));
    }
  }
}

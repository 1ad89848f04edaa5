package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.store.Tx;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One flush of staged heartbeat rows holding the same machine hour twice, in two units: on
 * PostgreSQL the rows of one statement are summed per key first (one statement may not change a row
 * twice), and the figures are those of the row-by-row way. Through the API this cannot happen (a
 * move is a direct write, which flushes what earlier requests staged before it runs; see
 * MachineMovedWithinOneGroupTest), so the rows are staged through the writer's transaction here.
 */
@Contract
class OneMachineHourInTwoUnitsTest {
  @TempDir Path dir;

  private static Tx.Accepted accepted(String machineId, long seq, Instant at) {
    boolean internet = seq % 2 == 1;
    ProbeResult probe =
        new ProbeResult(
            "https://dichvucong.gov.vn",
            ProbeKind.HTTP,
            true,
            internet,
            internet ? 40 + seq : null,
            internet ? null : "timeout",
            null);
    return new Tx.Accepted(
        new Heartbeat(
            machineId,
            seq,
            at,
            3600L,
            List.of(probe),
            internet,
            null,
            null,
            null,
            null,
            null,
            null),
        at);
  }

  @Test
  void a_machine_hour_staged_in_two_units_in_one_flush_is_counted_as_row_by_row() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      c.createUnit("a", "Xã A", null, "commune", 2);
      c.createUnit("b", "Xã B", null, "commune", 2);
      Agent pc = c.enroll(c.enrollmentToken("a"), "PC-1", "uuid-1", "sn-1", "os-1");
      Machine inA = c.collector.services().fleet().machine(pc.machineId()).orElseThrow();
      Machine inB = inA.withUnit("b");
      Instant hour = TestCollector.START.plus(Duration.ofHours(1));
      c.clock.set(hour.plus(Duration.ofMinutes(30)));
      List<Tx.Accepted> first = new ArrayList<>();
      List<Tx.Accepted> second = new ArrayList<>();
      for (long seq = 1; seq <= 6; seq++) {
        (seq <= 3 ? first : second)
            .add(accepted(pc.machineId(), seq, hour.plus(Duration.ofMinutes(seq))));
      }

      // Two requests' worth of rows in one group: no direct write between them, so one flush.
      Object done =
          c.collector
              .services()
              .writer()
              .submit(
                  tx -> {
                    tx.heartbeats().stage(inA, first, null);
                    tx.heartbeats().stage(inB, second, null);
                    return "staged";
                  },
                  null)
              .get(30, TimeUnit.SECONDS);
      assertThat(done).isEqualTo("staged");

      // machines/heartbeats/internet: the hour's first heartbeat was in a, so a counts the machine
      assertThat(GroupFigures.unitHours(c, "a")).isEqualTo(Map.of(hour, "1/3/2"));
      assertThat(GroupFigures.unitHours(c, "b")).isEqualTo(Map.of(hour, "0/3/1"));
      assertThat(GroupFigures.machineHours(c, pc.machineId())).isEqualTo(Map.of(hour, "6/3/3/3"));
      assertThat(GroupFigures.rawSeqs(c, pc.machineId()))
          .as("both units' records in one raw row, in the order staged")
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 6).boxed().toList());
      // successes, failures, latency count, sum, max: a has seqs 1-3 (41 and 43 ms, 2 failed),
      // b seqs 4-6 (45 ms, 4 and 6 failed)
      assertThat(
              GroupFigures.rows(
                  c,
                  "SELECT k.unit_code, p.successes, p.failures, p.latency_count, p.latency_sum,"
                      + " p.latency_max FROM unit_probe_days p JOIN unit_keys k ON k.uid = p.uid"
                      + " ORDER BY k.unit_code"))
          .containsExactly("a|2|1|2|84|43", "b|1|2|1|45|45");
    }
  }
}

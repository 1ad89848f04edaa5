package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine's raw records of one hour are stored in parts of 64 sequence numbers, so that a row
 * stops growing (appending rewrites the whole row) while the hour still reads as one.
 */
@Contract
class RawHeartbeatPartsTest {
  @TempDir Path dir;

  @Test
  void an_hour_of_150_heartbeats_is_three_rows_of_at_most_64_that_read_back_as_150()
      throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      c.createUnit("a", "Xã A", null, "commune", 3);
      Agent agent = c.enroll(c.enrollmentToken("a"), "PC-1", "uuid-1", "sn-1", "os-1");
      for (long first = 1; first <= 150; first += 50) {
        List<Map<String, Object>> beats = new ArrayList<>();
        for (long seq = first; seq < first + 50; seq++) {
          beats.add(Fixtures.heartbeat(agent.machineId(), seq, c.clock.instant(), true));
        }
        Http.Answer a =
            c.http.post("/api/v1/heartbeats", agent.token(), Fixtures.map("heartbeats", beats));
        assertThat(a.json().get("accepted").asInt()).as(a.body()).isEqualTo(50);
      }

      List<String> rows = new ArrayList<>();
      try (Connection db = c.database();
          ResultSet rs =
              db.createStatement()
                  .executeQuery(
                      "SELECT part, heartbeats FROM raw_heartbeat_hours ORDER BY hour, part")) {
        while (rs.next()) {
          rows.add(rs.getLong(1) + ":" + rs.getInt(2));
        }
      }
      // seq 1..63 in part 0, 64..127 in part 1, 128..150 in part 2; the second batch (51..100)
      // added to part 0 and started part 1, the third to parts 1 and 2.
      assertThat(rows).containsExactly("0:63", "1:64", "2:23");

      JsonNode buckets =
          c.admin("GET", "/api/v1/machines/" + agent.machineId() + "/history", null)
              .json()
              .get("buckets");
      long heartbeats = 0;
      long probeSuccesses = 0;
      for (JsonNode b : buckets) {
        heartbeats += b.get("heartbeats").asLong();
        for (JsonNode p : b.get("probes")) {
          probeSuccesses += p.get("successes").asLong();
        }
      }
      assertThat(heartbeats).isEqualTo(150);
      assertThat(probeSuccesses).isEqualTo(150);
    }
  }
}

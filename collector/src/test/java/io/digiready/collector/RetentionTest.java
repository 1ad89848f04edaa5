package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Contract
class RetentionTest {
  @TempDir Path dir;

  @Test
  void hourly_figures_and_raw_heartbeats_are_pruned_after_their_retention() throws Exception {
    try (TestCollector c =
        new TestCollector(
            dir, s -> s, "hourlyRetentionDays", "3", "rawHeartbeatRetentionDays", "1")) {
      c.createUnit("a", "A", null, "commune", 1);
      Agent agent = c.enroll(c.enrollmentToken("a"), "PC", "u", "s", "o");
      c.beat(agent, 1, true);
      c.clock.advance(Duration.ofDays(2));
      c.beat(agent, 2, true);
      assertThat(c.collector.prune(c.clock).get(10, TimeUnit.SECONDS)).isEqualTo(1); // one raw row
      assertThat(count(c, "raw_heartbeat_hours")).isEqualTo(1);
      assertThat(count(c, "machine_days")).isEqualTo(2);
      assertThat(count(c, "unit_days")).isEqualTo(2);
      c.clock.advance(Duration.ofDays(2));
      c.collector.prune(c.clock).get(10, TimeUnit.SECONDS);
      assertThat(count(c, "machine_days")).isEqualTo(1);
      assertThat(count(c, "unit_days")).isEqualTo(1);
      assertThat(count(c, "unit_probe_days")).isEqualTo(1);
      assertThat(count(c, "raw_heartbeat_hours")).isZero();
      assertThat(
              c.admin("GET", "/api/v1/machines/" + agent.machineId(), null)
                  .json()
                  .get("lastSeq")
                  .asLong())
          .isEqualTo(2);
    }
  }

  private long count(TestCollector collector, String table) throws Exception {
    try (Connection c = collector.database();
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one machine can make the database keep, whatever it sends: an agent that reports 2,000
 * applications with long names, all different on every report, leaves the rows of its last list and
 * a bounded number of events once the hourly collection ran; and it may send only
 * inventoriesPerHour reports an hour.
 */
@Contract
class SoftwareStorageBoundTest {
  static final int APPLICATIONS = 2_000;
  static final int REPORTS = 30;

  @TempDir Path dir;
  TestCollector c;

  @AfterEach
  void stop() {
    if (c != null) {
      c.close();
    }
  }

  private static List<Map<String, Object>> fresh(int report) {
    List<Map<String, Object>> out = new ArrayList<>(APPLICATIONS);
    String padding = "x".repeat(180);
    for (int i = 0; i < APPLICATIONS; i++) {
      out.add(
          Fixtures.software(
              "Ứng dụng " + report + "-" + i + " " + padding,
              report + "." + i,
              "Nhà phát hành " + report,
              null));
    }
    return out;
  }

  private Map<String, Object> inventory(List<Map<String, Object>> software) {
    Map<String, Object> inv =
        Fixtures.inventory("PC-1", c.clock.instant(), 8 * Fixtures.GIB, 4, "Windows", "10");
    inv.put("software", software);
    return inv;
  }

  private long count(String sql) throws Exception {
    try (Connection db = c.database();
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void thirty_lists_of_fresh_names_leave_the_last_list_and_bounded_events() throws Exception {
    c = new TestCollector(dir, "inventoriesPerHour", "1000");
    c.createUnit("a", "Xã A", null, "commune", 10);
    TestCollector.Agent a = c.enroll(c.enrollmentToken("a"), "PC-1", "u-1", "s-1", "o-1");
    for (int r = 0; r < REPORTS; r++) {
      Http.Answer answer = c.inventory(a, inventory(fresh(r)));
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      c.clock.advance(Duration.ofMinutes(1));
    }
    assertThat(count("SELECT COUNT(*) FROM machine_software")).isEqualTo(APPLICATIONS);
    // Before the collection every list ever sent is still there.
    assertThat(count("SELECT COUNT(*) FROM software_names")).isEqualTo(REPORTS * APPLICATIONS);
    c.collector.prune(c.clock).get();
    assertThat(count("SELECT COUNT(*) FROM software_names")).isEqualTo(APPLICATIONS);
    assertThat(count("SELECT COUNT(*) FROM software_releases")).isEqualTo(APPLICATIONS);
    // One event per report: the first list, then one summary per replaced list (not 4,000 rows).
    assertThat(count("SELECT COUNT(*) FROM events WHERE kind = 'software_changed'"))
        .isEqualTo(REPORTS);
    assertThat(count("SELECT COUNT(*) FROM events")).isLessThanOrEqualTo(REPORTS + 5);
    // The same list again changes nothing and writes nothing.
    long events = count("SELECT COUNT(*) FROM events");
    Http.Answer same = c.inventory(a, inventory(fresh(REPORTS - 1)));
    assertThat(same.json().get("changed").asBoolean()).isFalse();
    assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(events);
  }

  @Test
  void past_inventories_per_hour_a_machine_gets_429_with_retry_after() throws Exception {
    c = new TestCollector(dir);
    c.createUnit("a", "Xã A", null, "commune", 10);
    TestCollector.Agent a = c.enroll(c.enrollmentToken("a"), "PC-1", "u-1", "s-1", "o-1");
    for (int r = 0; r < 6; r++) {
      assertThat(c.inventory(a, inventory(List.of())).status()).isEqualTo(200);
    }
    Http.Answer refused = c.inventory(a, inventory(List.of()));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().get("detail").asText()).contains("inventoriesPerHour");
    long retry = Long.parseLong(refused.header("Retry-After"));
    assertThat(retry).isBetween(1L, 600L);
    c.clock.advance(Duration.ofSeconds(retry));
    assertThat(c.inventory(a, inventory(List.of())).status()).isEqualTo(200);
  }
}

package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector holding the background lease is killed with SIGKILL around the moment it writes a
 * day's figures: the other takes the lease over and the day ends up written once and complete, a
 * row for every unit. The units' time zone is an offset chosen so that their day ends about 100 s
 * after the test starts, not at the machine's midnight.
 */
class LeaseTakeoverIT {
  private static final String ADMIN = "lease-takeover-admin-token-0123456789";
  private static final int UNITS = 300;

  @TempDir Path dir;
  SharedCluster cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = new SharedCluster(dir, ADMIN, true);
  }

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** The offset whose local time is {@code before} short of midnight at {@code now}. */
  static ZoneOffset midnightIn(Instant now, Duration before) {
    long secondsOfDay = Math.floorMod(now.getEpochSecond(), 86_400);
    long offset = 86_400 - before.toSeconds() - secondsOfDay;
    // Offsets run from -18 h to +18 h; a whole day either way is the same local clock time.
    while (offset > 18 * 3600) {
      offset -= 86_400;
    }
    while (offset < -18 * 3600) {
      offset += 86_400;
    }
    return ZoneOffset.ofTotalSeconds((int) offset);
  }

  @Test
  void the_lease_holder_killed_as_the_day_ends_leaves_the_day_written_once_and_complete()
      throws Exception {
    Duration untilMidnight = Duration.ofSeconds(100);
    Instant now = Instant.now();
    ZoneOffset zone = midnightIn(now, untilMidnight);
    Instant midnight = now.plus(untilMidnight);
    LocalDate day = midnight.minusSeconds(1).atOffset(zone).toLocalDate();
    StringBuilder csv = new StringBuilder("code,name,parent,kind,staff\n");
    for (int i = 0; i < UNITS; i++) {
      csv.append("u").append(i).append(",Xã ").append(i).append(",root,commune,").append(i % 7);
      csv.append('\n');
    }
    HttpResponse<String> root =
        cluster.one.request(
            "POST",
            "/api/v1/units",
            ADMIN,
            "{\"code\":\"root\",\"name\":\"Tỉnh\",\"kind\":\"province\",\"staff\":3,"
                + "\"officeHours\":{\"timeZone\":\""
                + zone.getId()
                + "\"}}");
    assertThat(root.statusCode()).as(root.body()).isEqualTo(201);
    HttpResponse<String> imported =
        cluster.one.adminPost("/api/v1/units/import", "text/csv", csv.toString());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    Child.await(
        Duration.ofSeconds(30),
        "one collector holding the lease",
        () -> cluster.one.leaseHolder() || cluster.two.leaseHolder());
    CollectorProcess holder = cluster.one.leaseHolder() ? cluster.one : cluster.two;
    CollectorProcess other = holder == cluster.one ? cluster.two : cluster.one;

    // Killed a second after the day ended: its pass, once a minute, is then most often still to
    // come or under way; the rows of one pass are one transaction, so a pass cut short leaves none.
    Child.await(
        untilMidnight.plusSeconds(10),
        "the day to end",
        () -> Instant.now().isAfter(midnight.plusSeconds(1)));
    int seenBeforeKill = rows(day).size();
    holder.kill();
    int seenAfterKill = rows(day).size();
    assertThat(seenAfterKill).as("rows of the day: none or all").isIn(0, UNITS + 1);

    Child.await(Duration.ofSeconds(30), "the other collector takes the lease", other::leaseHolder);
    Child.await(
        Duration.ofSeconds(120),
        "the day's figures of every unit",
        () -> rows(day).size() == UNITS + 1);
    Map<String, Integer> statuses = rows(day);
    System.out.printf(
        "day %s (zone %s): %d rows when the holder was killed, %d after the takeover%n",
        day, zone, seenBeforeKill, statuses.size());
    assertThat(statuses.values())
        .as("every row closed: recorded (1) or carried (2)")
        .allMatch(s -> s == 1 || s == 2);
    assertThat(other.log()).doesNotContain("\tat ");
  }

  /** The day's rows in the database by unit code, with their status; one row per unit and day. */
  private Map<String, Integer> rows(LocalDate day) {
    Map<String, Integer> out = new HashMap<>();
    try (Connection db = DriverManager.getConnection(cluster.jdbcUrl, TestPostgres.USER, "");
        PreparedStatement p =
            db.prepareStatement(
                "SELECT k.unit_code, d.status FROM unit_coverage_days d"
                    + " JOIN unit_keys k ON k.uid = d.uid WHERE d.day = ? AND d.status <> 0")) {
      p.setLong(1, day.toEpochDay());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          Integer before = out.put(rs.getString(1), rs.getInt(2));
          assertThat(before).as("a second row for %s on %s", rs.getString(1), day).isNull();
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}

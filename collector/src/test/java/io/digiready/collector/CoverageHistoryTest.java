package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import io.digiready.collector.history.DailyFigures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures kept per unit and day, on a clock the test moves. District krong-nang (no staff of
 * its own) with Phú Lộc (staff 4, PCs A1-A4) and Tâm Giang (staff 3, PCs B1-B3); every PC beats at
 * 22:00 each day. A machine is stale after a day without heartbeats ({@code workingWindowDays=1})
 * and connected when it reached the internet within 6 hours, so each event shows on its own day:
 *
 * <ul>
 *   <li>day 3 (2026-11-27): Phú Lộc's staff goes from 4 to 6;
 *   <li>day 5: A4 is switched off for good (its last heartbeat was on day 4);
 *   <li>day 6: Tâm Giang's line is down (its PCs beat without internet);
 *   <li>day 7 12:00 the collector stops; it starts again on day 9 at 09:00.
 * </ul>
 */
@Contract
class CoverageHistoryTest {
  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  static final LocalDate DAY_1 = LocalDate.of(2026, 11, 25);
  static final String DISTRICT = "krong-nang";
  static final String PHU_LOC = "krong-nang.phu-loc";
  static final String TAM_GIANG = "krong-nang.tam-giang";
  static final String[] FLAGS = {"workingWindowDays", "1", "connectivityWindowHours", "6"};

  @TempDir Path dir;
  TestCollector c;
  final Map<String, Agent> agents = new LinkedHashMap<>();
  final Map<String, Long> seq = new HashMap<>();

  @AfterEach
  void stop() {
    if (c != null) {
      c.close();
    }
  }

  static LocalDate day(int n) {
    return DAY_1.plusDays(n - 1);
  }

  static Instant at(int day, int hour, int minute) {
    return day(day).atTime(LocalTime.of(hour, minute)).atZone(HANOI).toInstant();
  }

  /** The tree and its PCs at 10:00 on day 1, and a first pass that day (the collector's own). */
  private void startDistrict() throws Exception {
    c = new TestCollector(dir, FLAGS);
    assertThat(c.clock.instant()).isEqualTo(at(1, 10, 0));
    c.createUnit(DISTRICT, "Huyện Krông Năng", null, "district", 0);
    c.createUnit(PHU_LOC, "Xã Phú Lộc", DISTRICT, "commune", 4);
    c.createUnit(TAM_GIANG, "Xã Tâm Giang", DISTRICT, "commune", 3);
    String a = c.enrollmentToken(PHU_LOC);
    String b = c.enrollmentToken(TAM_GIANG);
    for (int i = 1; i <= 4; i++) {
      agents.put("A" + i, c.compliantMachine(a, "A" + i, true));
    }
    for (int i = 1; i <= 3; i++) {
      agents.put("B" + i, c.compliantMachine(b, "B" + i, true));
    }
    agents.keySet().forEach(name -> seq.put(name, 1L));
    c.collector.recordDays();
  }

  private void beat(String name, boolean internet) {
    long next = seq.merge(name, 1L, Long::sum);
    assertThat(c.beat(agents.get(name), next, internet).status()).isEqualTo(200);
  }

  /** Days 1 to {@code last}: the day's events, the 22:00 heartbeats, the pass after midnight. */
  private void liveThrough(int last) {
    for (int d = 1; d <= last; d++) {
      if (d == 3) {
        c.clock.set(at(3, 10, 0));
        var put =
            c.admin(
                "PUT",
                "/api/v1/units/" + PHU_LOC,
                Fixtures.unit(PHU_LOC, "Xã Phú Lộc", DISTRICT, "commune", 6));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
      }
      c.clock.set(at(d, 22, 0));
      for (String name : agents.keySet()) {
        if (name.equals("A4") && d >= 5) {
          continue; // switched off for good on day 5
        }
        beat(name, !(name.startsWith("B") && d >= 6)); // Tâm Giang's line is down from day 6
      }
      // The collector's own pass also runs every minute; results, not passes, are asserted.
      c.clock.set(at(d + 1, 0, 1));
      DailyFigures.Pass pass = c.collector.recordDays();
      assertThat(pass.carried()).isZero();
    }
  }

  private JsonNode history(String unit, String query) {
    Http.Answer a = c.admin("GET", "/api/v1/units/" + unit + "/coverage-history" + query, null);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  private static Map<String, JsonNode> byDay(JsonNode history) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    history.get("days").forEach(d -> out.put(d.get("day").asText(), d));
    return out;
  }

  /** staff, equippedStaff, workingMachines, internetMachines, rank, of of one day. */
  private static List<Integer> counts(JsonNode d) {
    List<Integer> out = new ArrayList<>();
    for (String f :
        List.of("staff", "equippedStaff", "workingMachines", "internetMachines", "rank", "of")) {
      out.add(d.get(f).isNull() ? null : d.get(f).asInt());
    }
    return out;
  }

  @Test
  void each_day_keeps_that_day_s_figures_and_two_days_missed_while_stopped_are_carried_forward()
      throws Exception {
    startDistrict();
    liveThrough(6);

    Map<String, JsonNode> phuLoc = byDay(history(PHU_LOC, "?from=" + day(1) + "&to=" + day(6)));
    assertThat(phuLoc).hasSize(6);
    // staff, equipped, working, internet, rank, of
    assertThat(counts(phuLoc.get(day(1).toString()))).containsExactly(4, 4, 4, 4, 1, 2);
    assertThat(counts(phuLoc.get(day(2).toString()))).containsExactly(4, 4, 4, 4, 1, 2);
    assertThat(counts(phuLoc.get(day(3).toString()))).containsExactly(6, 4, 4, 4, 2, 2);
    assertThat(counts(phuLoc.get(day(4).toString()))).containsExactly(6, 4, 4, 4, 2, 2);
    assertThat(counts(phuLoc.get(day(5).toString()))).containsExactly(6, 3, 3, 3, 2, 2);
    assertThat(counts(phuLoc.get(day(6).toString()))).containsExactly(6, 3, 3, 3, 1, 2);
    assertThat(phuLoc.get(day(2).toString()).get("equipmentCoverage").asDouble()).isEqualTo(1.0);
    assertThat(phuLoc.get(day(3).toString()).get("equipmentCoverage").asDouble())
        .isCloseTo(4.0 / 6, within(1e-9));
    assertThat(phuLoc.get(day(3).toString()).get("equipmentTargetMet").asBoolean()).isFalse();
    assertThat(phuLoc.get(day(5).toString()).get("equipmentCoverage").asDouble()).isEqualTo(0.5);
    for (JsonNode d : phuLoc.values()) {
      assertThat(d.get("status").asText()).isEqualTo("recorded");
      assertThat(d.get("estimated").asBoolean()).isFalse();
      // Taken at the end of the day in Hà Nội.
      LocalDate date = LocalDate.parse(d.get("day").asText());
      assertThat(Instant.parse(d.get("asOf").asText()))
          .isEqualTo(date.plusDays(1).atStartOfDay(HANOI).toInstant());
    }

    Map<String, JsonNode> tamGiang = byDay(history(TAM_GIANG, "?from=" + day(1) + "&to=" + day(6)));
    assertThat(counts(tamGiang.get(day(5).toString()))).containsExactly(3, 3, 3, 3, 1, 2);
    assertThat(counts(tamGiang.get(day(6).toString()))).containsExactly(3, 3, 3, 0, 2, 2);
    assertThat(tamGiang.get(day(5).toString()).get("connectivityCoverage").asDouble())
        .isEqualTo(1.0);
    assertThat(tamGiang.get(day(6).toString()).get("connectivityCoverage").asDouble())
        .isEqualTo(0.0);
    assertThat(tamGiang.get(day(6).toString()).get("connectivityTargetMet").asBoolean()).isFalse();

    Map<String, JsonNode> district = byDay(history(DISTRICT, "?from=" + day(1) + "&to=" + day(6)));
    assertThat(counts(district.get(day(2).toString()))).containsExactly(7, 7, 7, 7, 1, 1);
    assertThat(counts(district.get(day(3).toString()))).containsExactly(9, 7, 7, 7, 1, 1);
    assertThat(counts(district.get(day(5).toString()))).containsExactly(9, 6, 6, 6, 1, 1);
    assertThat(counts(district.get(day(6).toString()))).containsExactly(9, 6, 6, 3, 1, 1);
    assertThat(district.get(day(6).toString()).get("connectivityCoverage").asDouble())
        .isEqualTo(0.5);

    // A pass run again changes nothing that is closed.
    assertThat(c.collector.recordDays().recorded()).isZero();
    assertThat(
            counts(
                byDay(history(PHU_LOC, "?from=" + day(3) + "&to=" + day(3)))
                    .get(day(3).toString())))
        .containsExactly(6, 4, 4, 4, 2, 2);

    // Day 7: the PCs beat at 11:00, then the collector stops at noon and is down over two
    // midnights.
    c.clock.set(at(7, 11, 0));
    for (String name : agents.keySet()) {
      if (!name.equals("A4")) {
        beat(name, !name.startsWith("B"));
      }
    }
    c.clock.set(at(7, 12, 0));
    c.close();
    c = TestCollector.startingAt(at(9, 9, 0), dir, FLAGS);
    DailyFigures.Pass pass = c.collector.recordDays();
    assertThat(pass.recorded()).isZero();
    for (String name : agents.keySet()) {
      if (!name.equals("A4")) {
        beat(name, !name.startsWith("B"));
      }
    }

    Map<String, JsonNode> after = byDay(history(PHU_LOC, "?from=" + day(6) + "&to=" + day(9)));
    assertThat(after.keySet())
        .containsExactly(
            day(6).toString(), day(7).toString(), day(8).toString(), day(9).toString());
    assertThat(after.get(day(6).toString()).get("status").asText()).isEqualTo("recorded");
    for (int d : new int[] {7, 8}) {
      JsonNode filled = after.get(day(d).toString());
      assertThat(filled.get("status").asText()).isEqualTo("estimated");
      assertThat(filled.get("estimated").asBoolean()).isTrue();
      // The last figures taken before: day 7 at noon, when the collector stopped.
      assertThat(Instant.parse(filled.get("asOf").asText())).isEqualTo(at(7, 12, 0));
      assertThat(counts(filled)).containsExactly(6, 3, 3, 3, 1, 2);
    }
    JsonNode today = after.get(day(9).toString());
    assertThat(today.get("status").asText()).isEqualTo("today");
    assertThat(counts(today)).containsExactly(6, 3, 3, 3, 1, 2);
    assertThat(history(PHU_LOC, "").get("today").asText()).isEqualTo(day(9).toString());

    // The line of Tâm Giang was still down at noon on day 7: carried as it was.
    Map<String, JsonNode> tgAfter = byDay(history(TAM_GIANG, "?from=" + day(7) + "&to=" + day(8)));
    assertThat(counts(tgAfter.get(day(8).toString()))).containsExactly(3, 3, 3, 0, 2, 2);

    // The next day's end is recorded again.
    c.clock.set(at(10, 0, 1));
    c.collector.recordDays();
    assertThat(
            byDay(history(PHU_LOC, "?from=" + day(9) + "&to=" + day(9)))
                .get(day(9).toString())
                .get("status")
                .asText())
        .isEqualTo("recorded");
  }

  @Test
  void the_period_report_gives_the_end_of_the_period_and_the_change_since_the_previous_one()
      throws Exception {
    startDistrict();
    liveThrough(6);
    c.clock.set(at(7, 9, 0));

    // Days 4 to 6 against days 1 to 3 (the previous period of the same length ends on day 3).
    JsonNode vi = period(DISTRICT, day(4), day(6), "vi");
    assertThat(vi.get("from").asText()).isEqualTo(day(4).toString());
    assertThat(vi.get("to").asText()).isEqualTo(day(6).toString());
    assertThat(vi.get("asOf").asText()).isEqualTo(day(6).toString());
    assertThat(vi.get("partial").asBoolean()).isFalse();
    assertThat(vi.get("previousFrom").asText()).isEqualTo(day(1).toString());
    assertThat(vi.get("previousTo").asText()).isEqualTo(day(3).toString());
    assertThat(vi.get("title").asText()).isEqualTo("28/11/2026 – 30/11/2026");
    Map<String, JsonNode> rows = new LinkedHashMap<>();
    vi.get("units").forEach(r -> rows.put(r.get("code").asText(), r));
    assertThat(rows.keySet()).containsExactly(DISTRICT, PHU_LOC, TAM_GIANG);
    assertThat(rows.get(DISTRICT).get("depth").asInt()).isZero();
    assertThat(rows.get(PHU_LOC).get("depth").asInt()).isEqualTo(1);

    JsonNode a = rows.get(PHU_LOC);
    assertThat(counts(a.get("end"))).containsExactly(6, 3, 3, 3, 1, 2);
    assertThat(counts(a.get("previous"))).containsExactly(6, 4, 4, 4, 2, 2);
    JsonNode change = a.get("change");
    assertThat(change.get("staff").asInt()).isZero();
    assertThat(change.get("equippedStaff").asInt()).isEqualTo(-1);
    assertThat(change.get("workingMachines").asInt()).isEqualTo(-1);
    assertThat(change.get("internetMachines").asInt()).isEqualTo(-1);
    assertThat(change.get("equipmentCoverage").asDouble()).isCloseTo(0.5 - 4.0 / 6, within(1e-9));
    assertThat(change.get("connectivityCoverage").asDouble()).isZero();
    assertThat(change.get("rankUp").asInt()).isEqualTo(1);
    assertThat(a.get("sentence").asText())
        .isEqualTo(
            "Xã Phú Lộc: 3/6 cán bộ có máy tính làm việc (50%); 100% máy tính kết nối Internet;"
                + " xếp thứ 1/2.");

    JsonNode b = rows.get(TAM_GIANG);
    assertThat(b.get("change").get("internetMachines").asInt()).isEqualTo(-3);
    assertThat(b.get("change").get("connectivityCoverage").asDouble()).isEqualTo(-1.0);
    assertThat(b.get("change").get("rankUp").asInt()).isEqualTo(-1);
    assertThat(b.get("end").get("connectivityTargetMet").asBoolean()).isFalse();
    assertThat(b.get("sentence").asText())
        .isEqualTo(
            "Xã Tâm Giang: 3/3 cán bộ có máy tính làm việc (100%); 0% máy tính kết nối Internet;"
                + " xếp thứ 2/2.");
    JsonNode d = rows.get(DISTRICT);
    assertThat(d.get("change").get("equipmentCoverage").asDouble())
        .isCloseTo(6.0 / 9 - 7.0 / 9, within(1e-9));
    assertThat(d.get("sentence").asText())
        .isEqualTo(
            "Huyện Krông Năng: 6/9 cán bộ có máy tính làm việc (66,7%); 50% máy tính kết nối"
                + " Internet.");

    JsonNode en = period(PHU_LOC, day(4), day(6), "en");
    assertThat(en.get("units")).hasSize(1);
    assertThat(en.get("units").get(0).get("sentence").asText())
        .isEqualTo(
            "Xã Phú Lộc: 3/6 staff have a working computer (50%); 100% of computers connected to"
                + " the internet; ranked 1st of 2.");

    // A period not over yet shows today so far; a whole quarter and year get their names.
    JsonNode quarter = period(PHU_LOC, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), "vi");
    assertThat(quarter.get("title").asText()).isEqualTo("Quý IV/2026");
    assertThat(quarter.get("asOf").asText()).isEqualTo(day(7).toString());
    assertThat(quarter.get("partial").asBoolean()).isTrue();
    assertThat(quarter.get("previousTo").asText()).isEqualTo("2026-09-30");
    assertThat(quarter.get("units").get(0).get("end").get("status").asText()).isEqualTo("today");
    assertThat(quarter.get("units").get(0).get("previous").get("status").asText())
        .isEqualTo("none");
    assertThat(quarter.get("units").get(0).get("change").get("staff").isNull()).isTrue();
    assertThat(
            period(PHU_LOC, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "vi")
                .get("title")
                .asText())
        .isEqualTo("Năm 2026");
    assertThat(
            period(PHU_LOC, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), "en")
                .get("title")
                .asText())
        .isEqualTo("Q1 2026");

    // The coverage export as of day 3: that day's staff and figures.
    Http.Answer csv =
        c.admin(
            "GET",
            "/api/v1/reports/coverage.csv?unit=" + PHU_LOC + "&date=" + day(3) + "&lang=en",
            null);
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.header("Content-Disposition"))
        .contains("digiready-coverage-" + PHU_LOC + "-" + day(3) + ".csv");
    String text = new String(csv.raw().body(), StandardCharsets.UTF_8);
    assertThat(text.split("\r\n")[1])
        .isEqualTo(
            PHU_LOC
                + ",Xã Phú Lộc,"
                + DISTRICT
                + ",commune,6,4,0.6667,4,1.0000,4,1.0000,"
                + String.format(java.util.Locale.ROOT, "%.4f", (4.0 / 6 + 2) / 3)
                + ",2,2,1.0000,0.9800,not met,met,4,1.0000,1.0000,met,recorded");
  }

  @Test
  void bad_periods_and_dates_are_400s_naming_the_parameter() throws Exception {
    startDistrict();
    assertThat(detail("/api/v1/reports/period?unit=" + PHU_LOC + "&from=2026-11-20"))
        .isEqualTo("to: is required; expected a date such as 2026-03-31");
    assertThat(detail("/api/v1/reports/period?from=2026-11-20&to=2026-11-21"))
        .startsWith("unit: is required");
    assertThat(detail("/api/v1/reports/period?unit=" + PHU_LOC + "&from=2026-11-22&to=2026-11-21"))
        .startsWith("from: must not be after to");
    assertThat(detail("/api/v1/reports/period?unit=" + PHU_LOC + "&from=2026-12-20&to=2026-12-21"))
        .startsWith("from: must not be after today (2026-11-25");
    assertThat(detail("/api/v1/reports/period?unit=" + PHU_LOC + "&from=2000-01-01&to=2026-01-01"))
        .startsWith("to: at most 3660 days");
    assertThat(detail("/api/v1/units/" + PHU_LOC + "/coverage-history?from=yesterday"))
        .isEqualTo("from: expected a date such as 2026-03-31. Found: yesterday");
    assertThat(detail("/api/v1/reports/coverage.csv?unit=" + PHU_LOC + "&date=2026-11-26"))
        .startsWith("date: must not be after today (2026-11-25");
    assertThat(c.admin("GET", "/api/v1/units/nowhere/coverage-history", null).status())
        .isEqualTo(404);
    assertThat(
            c.admin(
                    "GET",
                    "/api/v1/reports/period?unit=nowhere&from=2026-11-01&to=2026-11-02",
                    null)
                .status())
        .isEqualTo(404);
    assertThat(c.http.get("/api/v1/reports/period?unit=" + PHU_LOC, null).status()).isEqualTo(401);
    // A history asked past today stops at today; a day before the unit existed has no figures.
    JsonNode h = history(PHU_LOC, "?from=2026-11-24&to=2026-12-31");
    assertThat(h.get("days")).hasSize(2);
    assertThat(h.get("days").get(0).get("status").asText()).isEqualTo("none");
    assertThat(h.get("days").get(0).get("staff").isNull()).isTrue();
    assertThat(h.get("days").get(1).get("status").asText()).isEqualTo("today");
    assertThat(h.get("to").asText()).isEqualTo("2026-12-31");
  }

  @Test
  void days_older_than_the_retention_are_deleted() throws Exception {
    c = new TestCollector(dir, "unitHistoryRetentionDays", "2");
    c.createUnit(PHU_LOC.replace("krong-nang.", ""), "Xã Phú Lộc", null, "commune", 4);
    c.collector.recordDays();
    for (int d = 2; d <= 5; d++) {
      c.clock.set(at(d, 0, 1));
      c.collector.recordDays();
    }
    Map<String, JsonNode> days = byDay(history("phu-loc", "?from=" + day(1) + "&to=" + day(5)));
    assertThat(days.values().stream().map(d -> d.get("status").asText()))
        .containsExactly("none", "none", "recorded", "recorded", "today");
  }

  private JsonNode period(String unit, LocalDate from, LocalDate to, String lang) {
    Http.Answer a =
        c.admin(
            "GET",
            "/api/v1/reports/period?unit=" + unit + "&from=" + from + "&to=" + to + "&lang=" + lang,
            null);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  private String detail(String path) {
    Http.Answer a = c.admin("GET", path, null);
    assertThat(a.status()).as(a.body()).isEqualTo(400);
    return a.json().get("detail").asText();
  }
}

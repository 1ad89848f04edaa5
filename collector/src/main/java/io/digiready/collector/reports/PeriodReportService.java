package io.digiready.collector.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.digiready.collector.coverage.UnitCoverage;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.history.CoverageHistory;
import io.digiready.collector.history.CoverageHistory.UnitDay;
import io.digiready.collector.history.DayFigures;
import io.digiready.collector.problem.Problem;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/reports/period}: for a unit and every unit below it, the figures at the end of
 * a period (a quarter, a year, any days), the change since the end of the previous period of the
 * same length, and one sentence per unit written the way such reports are written: "Xã Phú Lộc:
 * 24/24 cán bộ có máy tính làm việc (100%); 98,2% máy tính kết nối Internet; xếp thứ 4/15."
 *
 * <p>A period that is not over yet shows today's figures so far ({@code partial}). The previous
 * period ends the day before {@code from}: for 01/01–31/03 (90 days) that is 31/12.
 */
public final class PeriodReportService {
  private final Fleet fleet;
  private final CoverageHistory history;

  public PeriodReportService(Fleet fleet, CoverageHistory history) {
    this.fleet = fleet;
    this.history = history;
  }

  /** The report; the status page prints it as the annex of a quarterly report. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record PeriodReport(
      String unit,
      String name,
      String lang,
      String title,
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      boolean partial,
      LocalDate previousFrom,
      LocalDate previousTo,
      List<Row> units) {}

  /**
   * One unit: {@code end} are the figures of {@code asOf}, {@code previous} those of {@code
   * previousTo}; {@code depth} is 0 for the report's unit, 1 for its children, and so on.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Row(
      String code,
      String name,
      String parent,
      String kind,
      int depth,
      DayFigures end,
      DayFigures previous,
      Change change,
      String sentence) {}

  /**
   * End minus previous; null when either is missing. Ratios change in ratio points (0.02 is two
   * percentage points); a positive rank change is a lower rank number (moved up).
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Change(
      Integer staff,
      Integer equippedStaff,
      Integer workingMachines,
      Integer internetMachines,
      Double equipmentCoverage,
      Double connectivityCoverage,
      Double compliance,
      Double readinessScore,
      Integer rankUp,
      Double protectionCoverage) {}

  public PeriodReport report(String unit, LocalDate from, LocalDate to, Language language) {
    fleet.requireUnit(unit);
    CoverageHistory.checkRange(from, to, "to");
    LocalDate today = history.today(unit);
    if (from.isAfter(today)) {
      throw Problem.invalid(
          "from",
          "must not be after today (" + today + " in the unit's time zone). Found: " + from);
    }
    long length = ChronoUnit.DAYS.between(from, to) + 1;
    LocalDate asOf = to.isAfter(today) ? today : to;
    LocalDate previousTo = from.minusDays(1);
    LocalDate previousFrom = from.minusDays(length);
    Set<String> scope = fleet.subtree(unit);
    Map<String, DayFigures> before = new HashMap<>();
    for (UnitDay d : history.onDay(scope, previousTo)) {
      before.put(d.unit().code(), d.figures());
    }
    List<UnitDay> end =
        ReportService.treeOrder(
            history.onDay(scope, asOf), d -> d.unit().code(), d -> d.unit().parent(), scope);
    Words w = Words.of(language);
    Map<String, Integer> depth = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    String name = null;
    for (UnitDay d : end) {
      UnitCoverage u = d.unit();
      int level = u.code().equals(unit) ? 0 : depth.getOrDefault(u.parent(), -1) + 1;
      depth.put(u.code(), level);
      if (u.code().equals(unit)) {
        name = u.name();
      }
      DayFigures previous = before.getOrDefault(u.code(), DayFigures.none(previousTo));
      rows.add(
          new Row(
              u.code(),
              u.name(),
              u.parent(),
              u.kind(),
              level,
              d.figures(),
              previous,
              change(d.figures(), previous),
              w.sentence(u.name(), d.figures())));
    }
    return new PeriodReport(
        unit,
        name,
        language.code(),
        w.title(from, to),
        from,
        to,
        asOf,
        to.isAfter(asOf),
        previousFrom,
        previousTo,
        rows);
  }

  static Change change(DayFigures end, DayFigures previous) {
    if (!end.known() || !previous.known()) {
      return new Change(null, null, null, null, null, null, null, null, null, null);
    }
    return new Change(
        end.figures().staff() - previous.figures().staff(),
        end.figures().equippedStaff() - previous.figures().equippedStaff(),
        end.figures().workingMachines() - previous.figures().workingMachines(),
        end.figures().internetMachines() - previous.figures().internetMachines(),
        minus(end.figures().equipmentCoverage(), previous.figures().equipmentCoverage()),
        minus(end.figures().connectivityCoverage(), previous.figures().connectivityCoverage()),
        minus(end.figures().compliance(), previous.figures().compliance()),
        minus(end.figures().readinessScore(), previous.figures().readinessScore()),
        previous.figures().rank() - end.figures().rank(),
        minus(end.figures().protectionCoverage(), previous.figures().protectionCoverage()));
  }

  private static Double minus(Double a, Double b) {
    return a == null || b == null ? null : a - b;
  }
}

package io.digiready.collector.history;

import io.digiready.collector.coverage.CoverageCalculator;
import io.digiready.collector.coverage.UnitCoverage;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.store.Store;
import io.digiready.collector.store.Store.CoverageDay;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the figures kept per unit and day ({@link DailyFigures}): one unit day by day, or every
 * unit of a subtree as of one day. Today is always computed live ("today so far"); past days come
 * from the store. A day is a calendar day in the unit's time zone.
 */
public final class CoverageHistory {
  /** Ten years and a few leap days. */
  public static final int MAX_DAYS = 3660;

  public static final int DEFAULT_DAYS = 31;

  private final Fleet fleet;
  private final CoverageCalculator calculator;
  private final Store store;
  private final Clock clock;

  public CoverageHistory(Fleet fleet, CoverageCalculator calculator, Store store, Clock clock) {
    this.fleet = fleet;
    this.calculator = calculator;
    this.store = store;
    this.clock = clock;
  }

  /**
   * {@code GET /api/v1/units/{code}/coverage-history}: one row per day from {@code from} to {@code
   * to}, or to today when {@code to} is later (no row for a day that has not begun).
   */
  public record History(
      String unit,
      String name,
      String timeZone,
      LocalDate from,
      LocalDate to,
      LocalDate today,
      List<DayFigures> days) {}

  /** A unit as it is now (name, parent, kind, zone) with its figures of one day. */
  public record UnitDay(UnitCoverage unit, DayFigures figures) {}

  /**
   * The history of one unit. {@code to} defaults to today, {@code from} to {@link #DEFAULT_DAYS}
   * days before {@code to}; at most {@link #MAX_DAYS} days.
   */
  public History history(String code, LocalDate from, LocalDate to) {
    fleet.requireUnit(code);
    Instant now = clock.instant();
    UnitCoverage live = calculator.latest().unit(fleet, now, code).orElseThrow();
    ZoneId zone = zone(live);
    LocalDate today = LocalDate.ofInstant(now, zone);
    LocalDate end = to == null ? today : to;
    LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
    checkRange(start, end, "to");
    LocalDate last = end.isAfter(today) ? today : end;
    // Today is computed live; only past days are read.
    LocalDate lastStored = last.isBefore(today) ? last : today.minusDays(1);
    Map<LocalDate, CoverageDay> rows = new HashMap<>();
    if (!start.isAfter(lastStored)) {
      store.coverageDays(List.of(code), start, lastStored).forEach(r -> rows.put(r.day(), r));
    }
    List<DayFigures> days = new ArrayList<>();
    for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
      days.add(figures(live, rows.get(d), d, today, now));
    }
    return new History(code, live.name(), zone.getId(), start, end, today, days);
  }

  /** {@code from} not after {@code to}, and at most {@link #MAX_DAYS} days. */
  public static void checkRange(LocalDate from, LocalDate to, String field) {
    if (from.isAfter(to)) {
      throw Problem.invalid("from", "must not be after to. Found: " + from + " > " + to);
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw Problem.invalid(field, "at most " + MAX_DAYS + " days from from. Found: " + to);
    }
  }

  /**
   * Every unit of {@code scope} (null: every unit), in code order, with its figures of {@code day}:
   * live for a unit whose today it is (or a later day), stored otherwise.
   */
  public List<UnitDay> onDay(Set<String> scope, LocalDate day) {
    Instant now = clock.instant();
    List<UnitCoverage> live = new ArrayList<>();
    for (UnitCoverage u : calculator.latest().all(fleet, now)) {
      if (scope == null || scope.contains(u.code())) {
        live.add(u);
      }
    }
    List<String> past = new ArrayList<>();
    for (UnitCoverage u : live) {
      if (day.isBefore(LocalDate.ofInstant(now, zone(u)))) {
        past.add(u.code());
      }
    }
    Map<String, CoverageDay> rows = new HashMap<>();
    if (!past.isEmpty()) {
      store.coverageDays(past, day, day).forEach(r -> rows.put(r.unit(), r));
    }
    List<UnitDay> out = new ArrayList<>();
    for (UnitCoverage u : live) {
      LocalDate today = LocalDate.ofInstant(now, zone(u));
      out.add(new UnitDay(u, figures(u, rows.get(u.code()), day, today, now)));
    }
    return out;
  }

  /** Today's date in the unit's time zone. */
  public LocalDate today(String code) {
    return LocalDate.ofInstant(clock.instant(), zone(code));
  }

  /** The unit's time zone, its own or inherited. */
  public ZoneId zone(String code) {
    fleet.requireUnit(code);
    return zone(calculator.latest().unit(fleet, clock.instant(), code).orElseThrow());
  }

  private static DayFigures figures(
      UnitCoverage live, CoverageDay row, LocalDate day, LocalDate today, Instant now) {
    if (!day.isBefore(today)) {
      return DayFigures.today(live, today, now);
    }
    return row == null ? DayFigures.none(day) : DayFigures.of(row);
  }

  static ZoneId zone(UnitCoverage u) {
    return ZoneId.of(u.effectiveOfficeHours().timeZone());
  }
}

package io.digiready.collector.history;

import io.digiready.collector.coverage.CoverageCalculator;
import io.digiready.collector.coverage.UnitCoverage;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Store;
import io.digiready.collector.store.Store.CoverageDay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every unit's figures for every day ({@code unit_coverage_days}), so that reports can be
 * written "as of" any past day. Run by the collector that holds the background lease, every minute:
 *
 * <ul>
 *   <li><b>A day that ended while this collector was running</b> is <em>recorded</em>: the figures
 *       {@link CoverageCalculator} gives for the instant the day ended in the unit's time zone (its
 *       effective office hours' zone), from this collector's live view, at the first pass after
 *       that instant (within a minute).
 *   <li><b>A day that ended while no collector was running</b> (stopped over midnight) is filled
 *       when a collector runs again, <em>carried forward</em>: the last figures a collector took
 *       before the day ended, i.e. the unit's last stored row at or before that day, repeated with
 *       status carried (the API calls it {@code estimated}, with {@code asOf} saying when those
 *       figures were taken). They are not recomputed from the hourly rollups: a stopped collector
 *       received no heartbeats, so recomputing would report every PC offline and without internet
 *       for those days, which is an artefact of the outage, not a fact about the offices.
 *   <li><b>Today so far</b> is stored every hour and when the collector stops, so that a collector
 *       that stops (or dies) during a day leaves that day's last figures to carry forward.
 * </ul>
 *
 * <p>Writes are upserts per unit and day that never change a closed day (see {@link
 * io.digiready.collector.store.Tx#upsertCoverageDays}), so a pass run twice, or by a collector that
 * just took over the lease, changes nothing that was already closed. Staff and targets are read
 * from the units as they are when the figures are taken: a change takes effect from the day it is
 * made, and past days keep their values.
 */
public final class DailyFigures {
  private static final Logger LOG = LoggerFactory.getLogger(DailyFigures.class);
  static final Duration SO_FAR_EVERY = Duration.ofHours(1);
  private static final int SLICE_ROWS = 1000;

  private final Fleet fleet;
  private final CoverageCalculator calculator;
  private final Store store;
  private final GroupCommitWriter writer;
  private final Clock clock;
  private final int retentionDays;

  /** From this moment on, the in-memory fleet is this process's own live view of the offices. */
  private final Instant watchingSince;

  /** Per unit, the last closed day; null until read from the store (again after a lease change). */
  private Map<String, LocalDate> closed;

  private Instant lastSoFar;
  private LocalDate lastPrune;

  /**
   * Nothing is due before this moment (the next so-far row or the first unit's midnight), unless
   * the units change: the minute's tick then skips computing the whole fleet's figures.
   */
  private Instant quietUntil;

  private long unitChangesAtPass;

  public DailyFigures(
      Fleet fleet,
      CoverageCalculator calculator,
      Store store,
      GroupCommitWriter writer,
      Clock clock,
      int retentionDays) {
    this.fleet = fleet;
    this.calculator = calculator;
    this.store = store;
    this.writer = writer;
    this.clock = clock;
    this.retentionDays = retentionDays;
    this.watchingSince = clock.instant();
  }

  /** What one pass stored: unit-days recorded, carried forward, today's rows, old rows deleted. */
  public record Pass(int recorded, int carried, int soFar, int pruned) {}

  /**
   * The maintenance tick: a pass when this collector holds the lease; without it, forgets what it
   * knew of closed days, since the holder writes them.
   */
  public Pass tick(boolean holdsLease) {
    if (!holdsLease) {
      synchronized (this) {
        closed = null;
        quietUntil = null;
      }
      return null;
    }
    if (quiet()) {
      return null;
    }
    try {
      return run(false);
    } catch (RuntimeException e) {
      LOG.warn("daily figures not stored this time: {}", e.getMessage());
      return null;
    }
  }

  /**
   * One pass: closes the days that ended (recorded or carried), stores today so far when an hour
   * has passed since the last time (or always with {@code soFarNow}), and deletes days older than
   * the retention. Waits for the commit.
   */
  private synchronized boolean quiet() {
    return quietUntil != null
        && clock.instant().isBefore(quietUntil)
        && fleet.unitChanges() == unitChangesAtPass;
  }

  public synchronized Pass run(boolean soFarNow) {
    Instant now = clock.instant();
    long unitChanges = fleet.unitChanges();
    List<UnitCoverage> live = calculator.compute(fleet, now);
    if (live.isEmpty()) {
      return new Pass(0, 0, 0, 0);
    }
    if (closed == null) {
      closed = new HashMap<>(store.lastClosedCoverageDays());
    }
    Map<String, ZoneId> zones = new HashMap<>();
    Map<String, LocalDate> today = new HashMap<>();
    LocalDate earliestToday = null;
    for (UnitCoverage u : live) {
      ZoneId zone = ZoneId.of(u.effectiveOfficeHours().timeZone());
      LocalDate day = LocalDate.ofInstant(now, zone);
      zones.put(u.code(), zone);
      today.put(u.code(), day);
      earliestToday = earliestToday == null || day.isBefore(earliestToday) ? day : earliestToday;
    }
    Map<String, LocalDate> next = firstOpenDays(live, today);

    List<CoverageDay> rows = new ArrayList<>();
    Map<String, LocalDate> closing = new HashMap<>();
    int recorded = 0;
    int carried = 0;
    Map<Instant, Map<String, UnitCoverage>> atEnd = new HashMap<>();
    Map<String, TreeMap<LocalDate, CoverageDay>> stored = storedBefore(next, today);
    for (UnitCoverage u : live) {
      LocalDate first = next.get(u.code());
      if (first == null) {
        continue;
      }
      ZoneId zone = zones.get(u.code());
      for (LocalDate d = first; d.isBefore(today.get(u.code())); d = d.plusDays(1)) {
        Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
        if (!watchingSince.isAfter(end)) {
          UnitCoverage then = atEnd.computeIfAbsent(end, this::computeAt).getOrDefault(u.code(), u);
          rows.add(DayFigures.row(then, d, CoverageDay.RECORDED, end));
          recorded++;
        } else {
          var rowsOfUnit = stored.computeIfAbsent(u.code(), c -> new TreeMap<>());
          var source = rowsOfUnit.floorEntry(d);
          if (source != null) {
            CoverageDay row = source.getValue().as(d, CoverageDay.CARRIED);
            rows.add(row);
            rowsOfUnit.put(d, row);
            carried++;
          }
        }
        closing.put(u.code(), d);
      }
    }
    if (carried > 0) {
      LOG.info(
          "filled {} unit-days that ended while no collector ran, with the last figures taken"
              + " before (shown as estimated)",
          carried);
    }
    int soFar = 0;
    if (soFarNow
        || lastSoFar == null
        || !now.isBefore(lastSoFar.plus(SO_FAR_EVERY))
        || !closing.isEmpty()) {
      for (UnitCoverage u : live) {
        rows.add(DayFigures.row(u, today.get(u.code()), CoverageDay.SO_FAR, now));
        soFar++;
      }
    }
    LocalDate pruneBefore =
        earliestToday.equals(lastPrune) ? null : earliestToday.minusDays(retentionDays);
    if (rows.isEmpty() && pruneBefore == null) {
      closed.putAll(closing);
      unitChangesAtPass = unitChanges;
      quietUntil = nextDue(lastSoFar, zones, today);
      return new Pass(0, 0, 0, 0);
    }
    // In slices: a ministry's day (ten thousand units, recorded and so far) written at once would
    // hold the writer, and the heartbeats queued behind it, for a few hundred milliseconds. Each
    // slice is an upsert, so a pass cut short is completed by the next one.
    for (int from = 0; from < rows.size(); from += SLICE_ROWS) {
      List<CoverageDay> slice = rows.subList(from, Math.min(rows.size(), from + SLICE_ROWS));
      writer.call(
          tx -> {
            tx.coverageDays().upsert(slice);
            return null;
          },
          null);
    }
    int pruned =
        pruneBefore == null ? 0 : writer.call(tx -> tx.coverageDays().prune(pruneBefore), null);
    closed.putAll(closing);
    if (soFar > 0) {
      lastSoFar = now;
    }
    if (pruneBefore != null) {
      lastPrune = earliestToday;
    }
    unitChangesAtPass = unitChanges;
    quietUntil = nextDue(lastSoFar, zones, today);
    return new Pass(recorded, carried, soFar, pruned);
  }

  /** The next so-far row or the first unit's midnight, whichever comes first. */
  static Instant nextDue(
      Instant lastSoFar, Map<String, ZoneId> zones, Map<String, LocalDate> today) {
    Instant due = lastSoFar == null ? null : lastSoFar.plus(SO_FAR_EVERY);
    for (var e : today.entrySet()) {
      Instant midnight = e.getValue().plusDays(1).atStartOfDay(zones.get(e.getKey())).toInstant();
      due = due == null || midnight.isBefore(due) ? midnight : due;
    }
    return due;
  }

  private Map<String, UnitCoverage> computeAt(Instant end) {
    Map<String, UnitCoverage> out = new HashMap<>();
    for (UnitCoverage u : calculator.compute(fleet, end)) {
      out.put(u.code(), u);
    }
    return out;
  }

  /**
   * Per unit, the first day that ended and is not closed yet, or none. A unit never closed starts
   * at its first stored day (a collector that stopped on the unit's first day left one), else it
   * has nothing before today: history starts the day the collector first sees a unit.
   */
  private Map<String, LocalDate> firstOpenDays(
      List<UnitCoverage> live, Map<String, LocalDate> today) {
    Map<String, LocalDate> next = new HashMap<>();
    List<String> neverClosed = new ArrayList<>();
    LocalDate from = null;
    LocalDate to = null;
    for (UnitCoverage u : live) {
      LocalDate last = closed.get(u.code());
      LocalDate day = today.get(u.code());
      if (last == null) {
        neverClosed.add(u.code());
        from = from == null || day.isBefore(from) ? day : from;
        to = to == null || day.isAfter(to) ? day : to;
      } else if (last.plusDays(1).isBefore(day)) {
        next.put(u.code(), last.plusDays(1));
      }
    }
    if (!neverClosed.isEmpty()) {
      for (CoverageDay r :
          store.coverageDays(neverClosed, from.minusDays(retentionDays), to.minusDays(1))) {
        if (r.day().isBefore(today.get(r.unit()))) {
          next.merge(r.unit(), r.day(), (a, b) -> a.isBefore(b) ? a : b);
        }
      }
      for (String code : neverClosed) {
        if (!next.containsKey(code)) {
          // Nothing stored before today: nothing to close, and no need to look again.
          closed.put(code, today.get(code).minusDays(1));
        }
      }
    }
    return next;
  }

  /**
   * Per unit with open days, its stored rows from its last closed day to yesterday: what a carried
   * day repeats (the latest one at or before it).
   */
  private Map<String, TreeMap<LocalDate, CoverageDay>> storedBefore(
      Map<String, LocalDate> next, Map<String, LocalDate> today) {
    Map<String, TreeMap<LocalDate, CoverageDay>> out = new HashMap<>();
    if (next.isEmpty()) {
      return out;
    }
    LocalDate from = null;
    LocalDate to = null;
    for (Map.Entry<String, LocalDate> e : next.entrySet()) {
      // The last closed day is the day before the first open one.
      LocalDate start = e.getValue().minusDays(1);
      LocalDate end = today.get(e.getKey()).minusDays(1);
      from = from == null || start.isBefore(from) ? start : from;
      to = to == null || end.isAfter(to) ? end : to;
    }
    for (CoverageDay r : store.coverageDays(next.keySet(), from, to)) {
      if (r.day().isBefore(today.get(r.unit()))) {
        out.computeIfAbsent(r.unit(), c -> new TreeMap<>()).put(r.day(), r);
      }
    }
    return out;
  }
}

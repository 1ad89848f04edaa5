package io.digiready.collector.history;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.digiready.collector.coverage.FlatFigures;
import io.digiready.collector.coverage.UnitCoverage;
import io.digiready.collector.coverage.UnitFigures;
import io.digiready.collector.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One unit's subtree figures on one calendar day, as the history and the reports give them. Every
 * figure is null when {@code status} is {@code none}; the protection and software figures are also
 * null on days recorded before the collector counted them.
 *
 * <ul>
 *   <li>{@code recorded}: taken at the end of the day by a running collector;
 *   <li>{@code estimated}: no collector was running when the day ended; these are the last figures
 *       one took before, carried forward ({@code asOf} says when they were taken);
 *   <li>{@code today}: today so far, computed now; they change until the day ends;
 *   <li>{@code none}: nothing kept for that day (before the unit or the collector existed, or older
 *       than {@code unitHistoryRetentionDays}).
 * </ul>
 */
@JsonSerialize(using = FlatFigures.class)
@JsonPropertyOrder({
  "day",
  "status",
  "estimated",
  "asOf",
  "staff",
  "ownStaff",
  "equippedStaff",
  "workingMachines",
  "internetMachines",
  "compliantMachines",
  "equipmentCoverage",
  "connectivityCoverage",
  "compliance",
  "readinessScore",
  "equipmentTarget",
  "connectivityTarget",
  "equipmentTargetMet",
  "connectivityTargetMet",
  "rank",
  "of",
  "protectedMachines",
  "protectionCoverage",
  "protectionTarget",
  "protectionTargetMet",
  "softwareReadyMachines",
  "softwareCoverage",
  "softwareTarget",
  "softwareTargetMet"
})
public record DayFigures(
    LocalDate day,
    String status,
    boolean estimated,
    Instant asOf,
    UnitFigures figures,
    Boolean equipmentTargetMet,
    Boolean connectivityTargetMet,
    Boolean protectionTargetMet,
    Boolean softwareTargetMet) {

  public static final String RECORDED = "recorded";
  public static final String ESTIMATED = "estimated";
  public static final String TODAY = "today";
  public static final String NONE = "none";

  /** Coverage and targets are ratios; a figure equal to its target meets it. */
  private static final double EPSILON = 1e-9;

  public boolean known() {
    return !status.equals(NONE);
  }

  /** Nothing kept for {@code day}. */
  public static DayFigures none(LocalDate day) {
    return new DayFigures(day, NONE, false, null, UnitFigures.NONE, null, null, null, null);
  }

  /**
   * A stored row; a so-far row of a day that has ended is an estimate too (taken before the end).
   */
  public static DayFigures of(Store.CoverageDay r) {
    return of(r, r.status() == Store.CoverageDay.RECORDED ? RECORDED : ESTIMATED);
  }

  private static DayFigures of(Store.CoverageDay r, String status) {
    UnitFigures f = r.figures();
    return new DayFigures(
        r.day(),
        status,
        status.equals(ESTIMATED),
        r.asOf(),
        f,
        met(f.equipmentCoverage(), f.equipmentTarget()),
        met(f.connectivityCoverage(), f.connectivityTarget()),
        met(f.protectionCoverage(), f.protectionTarget()),
        met(f.softwareCoverage(), f.softwareTarget()));
  }

  /** Today's live figures. */
  public static DayFigures today(UnitCoverage u, LocalDate day, Instant now) {
    return of(row(u, day, Store.CoverageDay.SO_FAR, now.truncatedTo(ChronoUnit.MILLIS)), TODAY);
  }

  /** The row a unit's live figures make for {@code day}. */
  static Store.CoverageDay row(UnitCoverage u, LocalDate day, int status, Instant asOf) {
    return new Store.CoverageDay(u.code(), day, status, asOf, u.figures());
  }

  /**
   * Whether a coverage meets its target; null without a coverage figure, or without a target (days
   * recorded before the collector kept that target).
   */
  public static Boolean met(Double value, Double target) {
    return value == null || target == null ? null : value + EPSILON >= target;
  }
}

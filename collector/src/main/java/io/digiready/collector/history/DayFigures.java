package io.digiready.collector.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.digiready.collector.coverage.UnitCoverage;
import io.digiready.collector.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One unit's subtree figures on one calendar day, as the history and the reports give them. Every
 * figure is null when {@code status} is {@code none}; the protection figures are also null on days
 * recorded before the collector counted protection.
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
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DayFigures(
    LocalDate day,
    String status,
    boolean estimated,
    Instant asOf,
    Integer staff,
    Integer ownStaff,
    Integer equippedStaff,
    Integer workingMachines,
    Integer internetMachines,
    Integer compliantMachines,
    Double equipmentCoverage,
    Double connectivityCoverage,
    Double compliance,
    Double readinessScore,
    Double equipmentTarget,
    Double connectivityTarget,
    Boolean equipmentTargetMet,
    Boolean connectivityTargetMet,
    Integer rank,
    Integer of,
    Integer protectedMachines,
    Double protectionCoverage,
    Double protectionTarget,
    Boolean protectionTargetMet) {

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
    return new DayFigures(
        day, NONE, false, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null);
  }

  /**
   * A stored row; a so-far row of a day that has ended is an estimate too (taken before the end).
   */
  public static DayFigures of(Store.CoverageDay r) {
    String status = r.status() == Store.CoverageDay.RECORDED ? RECORDED : ESTIMATED;
    return new DayFigures(
        r.day(),
        status,
        status.equals(ESTIMATED),
        r.asOf(),
        r.staff(),
        r.ownStaff(),
        r.equippedStaff(),
        r.workingMachines(),
        r.internetMachines(),
        r.compliantMachines(),
        r.equipmentCoverage(),
        r.connectivityCoverage(),
        r.compliance(),
        r.readinessScore(),
        r.equipmentTarget(),
        r.connectivityTarget(),
        met(r.equipmentCoverage(), r.equipmentTarget()),
        met(r.connectivityCoverage(), r.connectivityTarget()),
        r.rank(),
        r.of(),
        r.protectedMachines(),
        r.protectionCoverage(),
        r.protectionTarget(),
        r.protectionTarget() == null ? null : met(r.protectionCoverage(), r.protectionTarget()));
  }

  /** Today's live figures. */
  public static DayFigures today(UnitCoverage u, LocalDate day, Instant now) {
    return of(row(u, day, Store.CoverageDay.SO_FAR, now.truncatedTo(ChronoUnit.MILLIS)))
        .withStatus(TODAY);
  }

  private DayFigures withStatus(String other) {
    return new DayFigures(
        day,
        other,
        other.equals(ESTIMATED),
        asOf,
        staff,
        ownStaff,
        equippedStaff,
        workingMachines,
        internetMachines,
        compliantMachines,
        equipmentCoverage,
        connectivityCoverage,
        compliance,
        readinessScore,
        equipmentTarget,
        connectivityTarget,
        equipmentTargetMet,
        connectivityTargetMet,
        rank,
        of,
        protectedMachines,
        protectionCoverage,
        protectionTarget,
        protectionTargetMet);
  }

  /** The row a unit's live figures make for {@code day}. */
  static Store.CoverageDay row(UnitCoverage u, LocalDate day, int status, Instant asOf) {
    // equipment = equipped / staff exactly (CoverageCalculator), so the count comes back whole.
    int equipped =
        u.equipmentCoverage() == null ? 0 : (int) Math.round(u.equipmentCoverage() * u.staff());
    return new Store.CoverageDay(
        u.code(),
        day,
        status,
        asOf,
        u.staff(),
        u.ownStaff(),
        equipped,
        u.workingMachines(),
        u.internetMachines(),
        u.compliantMachines(),
        u.equipmentCoverage(),
        u.connectivityCoverage(),
        u.compliance(),
        u.readinessScore(),
        u.equipmentTarget(),
        u.connectivityTarget(),
        u.rank(),
        u.of(),
        u.protectedMachines(),
        u.protectionCoverage(),
        u.protectionTarget());
  }

  /** Whether a coverage meets its target; null without a coverage figure. */
  public static Boolean met(Double value, double target) {
    return value == null ? null : value + EPSILON >= target;
  }
}

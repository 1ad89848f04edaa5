package io.digiready.collector.coverage;

/**
 * The figures of one unit's subtree (itself and every unit below it) at one moment: what the live
 * API ({@link UnitCoverage}), the day rows of the history and the period report all carry. A new
 * figure is one component here, its column in {@code unit_coverage_days} and its uses; the JSON
 * shapes that carry this value flatten it ({@link FlatFigures}), so it appears in each of them
 * without being copied through their constructors.
 *
 * <p>Every component is nullable: a day with nothing kept has no figures, days recorded before the
 * collector counted protection have no protection figures, and a ratio is null when its denominator
 * is 0. {@code equippedStaff} is Σ min(working machines, staff) over the subtree's units, so {@code
 * equipmentCoverage = equippedStaff / staff}.
 */
public record UnitFigures(
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
    Integer rank,
    Integer of,
    Integer protectedMachines,
    Double protectionCoverage,
    Double protectionTarget,
    Integer softwareReadyMachines,
    Double softwareCoverage,
    Double softwareTarget) {

  /** Nothing known. */
  public static final UnitFigures NONE =
      new UnitFigures(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null);

  /** The same figures ranked {@code rank} of {@code of} among their siblings. */
  public UnitFigures ranked(int rank, int of) {
    return new UnitFigures(
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
        rank,
        of,
        protectedMachines,
        protectionCoverage,
        protectionTarget,
        softwareReadyMachines,
        softwareCoverage,
        softwareTarget);
  }
}

package io.digiready.collector.coverage;

import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Unit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every unit's figures now, as {@code GET /api/v1/units} shows them, or one unit's. */
public final class CoverageService {
  private final Fleet fleet;
  private final CoverageCalculator calculator;
  private final Clock clock;

  public CoverageService(Fleet fleet, CoverageCalculator calculator, Clock clock) {
    this.fleet = fleet;
    this.calculator = calculator;
    this.clock = clock;
  }

  public List<UnitCoverage> all() {
    return calculator.latest().all(fleet, clock.instant());
  }

  public UnitCoverage unit(String code) {
    fleet.requireUnit(code);
    return calculator.latest().unit(fleet, clock.instant(), code).orElseThrow();
  }

  /** The units whose parent is {@code parent}, ranked among themselves, in the list's order. */
  public List<UnitCoverage> children(String parent) {
    fleet.requireUnit(parent);
    return all().stream().filter(u -> parent.equals(u.parent())).toList();
  }

  /** A unit named on a unit page's path. */
  public record UnitRef(String code, String name, String kind) {}

  /** The units above {@code code}, the root first: the unit page's path without the whole tree. */
  public List<UnitRef> path(String code) {
    List<UnitRef> path = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String at = fleet.requireUnit(code).parent();
    // A cycle cannot be stored (the unit API refuses one); the set only guards the walk.
    while (at != null && seen.add(at)) {
      Unit u = fleet.unit(at).orElse(null);
      if (u == null) {
        break;
      }
      path.add(new UnitRef(u.code(), u.name(), u.kind()));
      at = u.parent();
    }
    Collections.reverse(path);
    return path;
  }
}

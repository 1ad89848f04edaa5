package io.digiready.collector.coverage;

import io.digiready.collector.fleet.Fleet;
import java.time.Clock;
import java.util.List;

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
}

package io.digiready.collector.units;

import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Internet availability of a unit's subtree, hour by hour, from the stored hourly buckets. */
public final class UnitHistoryService {
  public static final int MAX_DAYS = 400;
  public static final int DEFAULT_DAYS = 7;

  private final Fleet fleet;
  private final Store store;
  private final Clock clock;

  public UnitHistoryService(Fleet fleet, Store store, Clock clock) {
    this.fleet = fleet;
    this.store = store;
    this.clock = clock;
  }

  public record History(
      String unit, int days, Instant from, Instant to, List<Store.UnitHourBucket> buckets) {}

  /** The last {@code days} days (1 to {@link #MAX_DAYS}) up to and including the current hour. */
  public History history(String code, int days) {
    fleet.requireUnit(code);
    // Buckets are named by the hour they start; the current hour is included.
    Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    Instant from = to.minus(Duration.ofDays(days));
    return new History(code, days, from, to, store.unitHistory(fleet.subtree(code), from, to));
  }
}

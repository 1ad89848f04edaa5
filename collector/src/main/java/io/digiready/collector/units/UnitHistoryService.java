package io.digiready.collector.units;

import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.store.Store;
import io.digiready.collector.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Internet availability of a unit's subtree, hour by hour, from the stored hourly buckets. */
public final class UnitHistoryService {
  static final int MAX_DAYS = 400;
  static final int DEFAULT_DAYS = 7;

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

  public History history(String code, String daysText) {
    fleet.unit(code).orElseThrow(() -> UnitService.unknownUnit(code));
    int days = days(daysText);
    // Buckets are named by the hour they start; the current hour is included.
    Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    Instant from = to.minus(Duration.ofDays(days));
    return new History(code, days, from, to, store.unitHistory(fleet.subtree(code), from, to));
  }

  private static int days(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT_DAYS;
    }
    int days;
    try {
      days = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "days: must be a whole number of days from 1 to "
              + MAX_DAYS
              + ". Found: "
              + UnitRules.shorten(text));
    }
    if (days < 1 || days > MAX_DAYS) {
      throw ApiException.badRequest("days: must be from 1 to " + MAX_DAYS + ". Found: " + days);
    }
    return days;
  }
}

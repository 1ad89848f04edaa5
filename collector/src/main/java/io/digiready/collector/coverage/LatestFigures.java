package io.digiready.collector.coverage;

import io.digiready.collector.fleet.Fleet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every unit's figures now, for the API, the exports and {@code /metrics}. With a small fleet they
 * are computed for each question, exactly as of that moment. When computing them costs more than
 * {@link #COSTLY} (a ministry: a million machines walk in about half a second), the last result is
 * reused for up to {@link #KEEP}, and a background thread takes them again halfway through, so that
 * no question waits for a walk (not even the first after a quiet hour) and a page, a scrape and an
 * export together cost one walk: about a tenth of a core at a million machines. A unit's write (a
 * new unit, a move, office hours, required applications) drops the kept figures at once: a unit
 * written is never missing or stale in the next answer. A machine's heartbeat, move or retirement
 * shows within {@link #KEEP}, which is below the heartbeat interval.
 */
public final class LatestFigures {
  private static final Logger LOG = LoggerFactory.getLogger(LatestFigures.class);
  static final Duration COSTLY = Duration.ofMillis(50);
  static final Duration KEEP = Duration.ofSeconds(10);

  private final BiFunction<Fleet, Instant, List<UnitCoverage>> compute;
  private final Object computing = new Object();
  private volatile Kept kept;

  LatestFigures(BiFunction<Fleet, Instant, List<UnitCoverage>> compute) {
    this.compute = compute;
  }

  private record Kept(
      Fleet fleet,
      long unitChanges,
      Instant at,
      Duration took,
      List<UnitCoverage> units,
      Map<String, UnitCoverage> byCode) {

    boolean serves(Fleet f, Instant now, Duration within) {
      return fleet == f
          && took.compareTo(COSTLY) >= 0
          && unitChanges == f.unitChanges()
          && !now.isBefore(at)
          && now.isBefore(at.plus(within));
    }
  }

  /** Every unit, by code. */
  public List<UnitCoverage> all(Fleet fleet, Instant now) {
    return get(fleet, now).units();
  }

  /** One unit, or empty when the fleet has no such unit. */
  public Optional<UnitCoverage> unit(Fleet fleet, Instant now, String code) {
    return Optional.ofNullable(get(fleet, now).byCode().get(code));
  }

  /** Takes the figures before anyone asks (at start). */
  public void warm(Fleet fleet, Instant now) {
    get(fleet, now);
  }

  /**
   * Takes the figures again when they are costly and half their time is up; for a background
   * thread, so that the questions find them ready. Never throws: a failed walk is logged, and the
   * next question walks again.
   */
  public void refresh(Fleet fleet, Instant now) {
    try {
      refreshIfDue(fleet, now);
    } catch (RuntimeException e) {
      LOG.warn("unit figures not taken in the background: {}", e.toString());
    }
  }

  private void refreshIfDue(Fleet fleet, Instant now) {
    Kept k = kept;
    if (k == null || k.fleet() != fleet || k.took().compareTo(COSTLY) < 0) {
      return;
    }
    if (!k.serves(fleet, now, KEEP.dividedBy(2))) {
      synchronized (computing) {
        take(fleet, now);
      }
    }
  }

  private Kept get(Fleet fleet, Instant now) {
    Kept k = kept;
    if (k != null && k.serves(fleet, now, KEEP)) {
      return k;
    }
    synchronized (computing) {
      // Whoever waited here while another question computed takes that result.
      k = kept;
      if (k != null && k.serves(fleet, now, KEEP)) {
        return k;
      }
      return take(fleet, now);
    }
  }

  private Kept take(Fleet fleet, Instant now) {
    // Read before the walk: a unit written during it leaves the result stale, and the next
    // question sees the counter moved.
    long unitChanges = fleet.unitChanges();
    long start = System.nanoTime();
    List<UnitCoverage> units = compute.apply(fleet, now);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Map<String, UnitCoverage> byCode = new HashMap<>(units.size() * 2);
    units.forEach(u -> byCode.put(u.code(), u));
    Kept k = new Kept(fleet, unitChanges, now, took, units, byCode);
    kept = k;
    return k;
  }
}

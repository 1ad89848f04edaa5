package io.digiready.collector.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Unit;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LatestFiguresTest {
  private final Fleet fleet = new Fleet();
  private final AtomicInteger walks = new AtomicInteger();
  private final Instant t0 = Instant.parse("2026-12-07T10:00:00Z");

  private LatestFigures latest(long walkMillis) {
    fleet.putUnit(new Unit("a", "A", null, "province", 1, 1.0, 0.98, null, 1.0, null));
    return new LatestFigures(
        (f, now) -> {
          walks.incrementAndGet();
          sleep(walkMillis);
          return List.of();
        });
  }

  @Test
  void aCheapWalkIsTakenForEveryQuestion() {
    LatestFigures latest = latest(0);
    latest.all(fleet, t0);
    latest.all(fleet, t0);
    latest.refresh(fleet, t0.plusSeconds(9));
    assertEquals(2, walks.get(), "a small fleet's figures are exact as of each question");
  }

  @Test
  void aCostlyWalkIsKeptUntilItsTimeIsUp() {
    long costly = LatestFigures.COSTLY.toMillis() + 20;
    LatestFigures latest = latest(costly);
    List<UnitCoverage> first = latest.all(fleet, t0);
    assertSame(first, latest.all(fleet, t0.plusSeconds(9)));
    assertEquals(1, walks.get());
    latest.all(fleet, t0.plus(LatestFigures.KEEP));
    assertEquals(2, walks.get(), "kept figures end after KEEP");
    latest.all(fleet, t0.minusSeconds(1));
    assertEquals(3, walks.get(), "a clock that went back never gets figures of its future");
  }

  @Test
  void aUnitWriteDropsKeptFiguresAtOnce() {
    LatestFigures latest = latest(LatestFigures.COSTLY.toMillis() + 20);
    latest.all(fleet, t0);
    fleet.putUnit(new Unit("b", "B", "a", "district", 1, 1.0, 0.98, null, 1.0, null));
    latest.all(fleet, t0.plusSeconds(1));
    assertEquals(2, walks.get());
  }

  @Test
  void theBackgroundTakesCostlyFiguresAgainHalfwayThrough() {
    LatestFigures latest = latest(LatestFigures.COSTLY.toMillis() + 20);
    latest.all(fleet, t0);
    latest.refresh(fleet, t0.plus(LatestFigures.KEEP.dividedBy(2)).minusMillis(1));
    assertEquals(1, walks.get(), "not yet halfway");
    latest.refresh(fleet, t0.plus(LatestFigures.KEEP.dividedBy(2)));
    assertEquals(2, walks.get());
    latest.all(fleet, t0.plus(LatestFigures.KEEP));
    assertEquals(2, walks.get(), "the question finds the refreshed figures");
    latest.refresh(fleet, t0.plus(LatestFigures.KEEP).minusMillis(1));
    assertEquals(2, walks.get(), "the refreshed figures are not halfway through yet");
  }

  @Test
  void figuresTakenAtStartAreKeptReadyWithoutAQuestion() {
    LatestFigures latest = latest(LatestFigures.COSTLY.toMillis() + 20);
    latest.warm(fleet, t0);
    latest.refresh(fleet, t0.plus(LatestFigures.KEEP.dividedBy(2)));
    assertEquals(2, walks.get(), "the first question after a quiet hour must not walk");
    latest.all(fleet, t0.plus(LatestFigures.KEEP));
    assertEquals(2, walks.get());
  }

  @Test
  void anotherFleetNeverGetsThisOnesFigures() {
    LatestFigures latest = latest(LatestFigures.COSTLY.toMillis() + 20);
    latest.all(fleet, t0);
    latest.all(new Fleet(), t0);
    assertEquals(2, walks.get());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

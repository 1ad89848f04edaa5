package io.digiready.collector.machines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.coverage.CoverageCalculator;
import io.digiready.collector.coverage.MachineState;
import io.digiready.collector.coverage.Readiness;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Store;
import io.digiready.collector.units.UnitService;
import io.digiready.collector.web.ApiException;
import io.digiready.collector.web.Bodies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The admin view of machines: lists, one machine in full, its history, retire and move. */
public final class MachineService {
  static final Duration MAX_HISTORY = Duration.ofDays(400);

  private final Fleet fleet;
  private final Store store;
  private final GroupCommitWriter writer;
  private final CoverageCalculator coverage;
  private final Clock clock;

  public MachineService(
      Fleet fleet,
      Store store,
      GroupCommitWriter writer,
      CoverageCalculator coverage,
      Clock clock) {
    this.fleet = fleet;
    this.store = store;
    this.writer = writer;
    this.coverage = coverage;
    this.clock = clock;
  }

  public record Summary(
      String machineId,
      String unit,
      String hostname,
      String state,
      Instant lastSeenAt,
      Boolean internetUp,
      boolean compliant,
      List<Readiness.Check> failing) {}

  public record Detail(
      String machineId,
      String unit,
      String hostname,
      String state,
      Instant enrolledAt,
      Instant retiredAt,
      Instant lastSeenAt,
      Instant lastHeartbeatAt,
      long lastSeq,
      long lostHeartbeats,
      Boolean internetUp,
      Instant lastInternetOkAt,
      Machine.Identity fingerprint,
      Readiness.Result readiness,
      JsonNode lastHeartbeat,
      JsonNode inventory,
      List<Store.EventRow> events) {}

  /** Machines of a unit's subtree (or all) in a state (or any), ordered by unit and hostname. */
  public List<Summary> list(String unit, String state) {
    MachineState wanted = null;
    if (state != null && !state.isEmpty()) {
      wanted = MachineState.parse(state);
      if (wanted == null) {
        throw ApiException.badRequest(
            "state: must be one of online, offline, stale, retired. Found: " + shorten(state));
      }
    }
    Set<String> units = null;
    if (unit != null && !unit.isEmpty()) {
      fleet.unit(unit).orElseThrow(() -> UnitService.unknownUnit(unit));
      units = fleet.subtree(unit);
    }
    Instant now = clock.instant();
    final MachineState filter = wanted;
    final Set<String> unitFilter = units;
    return fleet.machines().stream()
        .filter(m -> unitFilter == null || unitFilter.contains(m.unitCode()))
        .map(m -> coverage.view(m, now))
        .filter(v -> filter == null || v.state() == filter)
        .map(
            v ->
                new Summary(
                    v.machine().id(),
                    v.machine().unitCode(),
                    v.machine().identity().hostname(),
                    v.state().label(),
                    v.machine().liveness().lastSeenAt(),
                    v.machine().liveness().internetUp(),
                    v.readiness().compliant(),
                    v.readiness().failing()))
        .sorted(Comparator.comparing(Summary::unit).thenComparing(Summary::hostname))
        .toList();
  }

  public Detail detail(String id) {
    Machine m = machine(id);
    var v = coverage.view(m, clock.instant());
    var l = m.liveness();
    return new Detail(
        m.id(),
        m.unitCode(),
        m.identity().hostname(),
        v.state().label(),
        m.enrolledAt(),
        m.retiredAt(),
        l.lastSeenAt(),
        l.lastHeartbeatAt(),
        l.lastSeq(),
        l.lostHeartbeats(),
        l.internetUp(),
        l.lastInternetOkAt(),
        m.identity(),
        v.readiness(),
        tree(store.lastHeartbeatJson(id).orElse(null)),
        tree(store.inventoryJson(id).orElse(null)),
        store.events(id, 100));
  }

  public record History(
      String machineId, Instant from, Instant to, List<Store.HourBucket> buckets) {}

  public History history(String id, String fromText, String toText) {
    machine(id);
    Instant now = clock.instant();
    // Buckets are named by the hour they start; the current hour's bucket is included by default.
    Instant to = time("to", toText, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
    Instant from =
        time("from", fromText, to.minus(Duration.ofDays(1))).truncatedTo(ChronoUnit.HOURS);
    if (!from.isBefore(to)) {
      throw ApiException.badRequest("from: must be before to");
    }
    if (Duration.between(from, to).compareTo(MAX_HISTORY) > 0) {
      throw ApiException.badRequest("from: at most 400 days before to");
    }
    return new History(id, from, to, store.history(id, from, to));
  }

  public Detail retire(String id) {
    Machine m = machine(id);
    if (m.retiredAt() == null) {
      Instant now = clock.instant();
      writer.call(
          tx -> {
            Machine retired = tx.machine(id).orElseThrow().retired(now);
            tx.updateMachine(retired, null);
            tx.insertEvent(id, m.unitCode(), now, "retired", "retired by an administrator");
            return retired;
          },
          fleet::putMachine);
    }
    return detail(id);
  }

  public Detail move(String id, String unit) {
    if (unit == null || unit.isEmpty()) {
      throw ApiException.badRequest("unit: is required");
    }
    Machine m = machine(id);
    fleet
        .unit(unit)
        .orElseThrow(() -> ApiException.badRequest("unit: unknown unit. Found: " + shorten(unit)));
    if (!m.unitCode().equals(unit)) {
      Instant now = clock.instant();
      writer.call(
          tx -> {
            Machine moved = tx.machine(id).orElseThrow().withUnit(unit);
            tx.updateMachine(moved, null);
            tx.insertEvent(id, unit, now, "moved", "moved from " + m.unitCode() + " to " + unit);
            return moved;
          },
          fleet::putMachine);
    }
    return detail(id);
  }

  private Machine machine(String id) {
    return fleet
        .machine(id)
        .orElseThrow(
            () -> ApiException.notFound("machine: unknown machine. Found: " + shorten(id)));
  }

  private static Instant time(String field, String text, Instant fallback) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      throw ApiException.badRequest(
          field
              + ": expected an ISO-8601 time such as 2026-11-27T08:00:00Z. Found: "
              + shorten(text));
    }
  }

  private static JsonNode tree(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Bodies.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON unreadable", e);
    }
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}

package io.digiready.collector.metrics;

import io.digiready.collector.coverage.CoverageCalculator;
import io.digiready.collector.coverage.MachineState;
import io.digiready.collector.coverage.UnitCoverage;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The design's metric table, refreshed from the in-memory fleet on every scrape (never from
 * history). Ratios whose denominator is 0 are left out rather than exported as NaN or 1.
 */
public final class DigireadyMetrics {
  private final PrometheusMeterRegistry registry;
  private final Fleet fleet;
  private final CoverageCalculator coverage;
  private final boolean perMachine;
  private final Clock clock;
  private final Map<String, MultiGauge> gauges = new HashMap<>();

  private static final String[][] UNIT_GAUGES = {
    {"digiready.unit.info", "1 for every unit; joins names and the tree"},
    {"digiready.unit.staff", "Headcount of the unit and every unit below it"},
    {"digiready.unit.machines", "Machines of the subtree by state"},
    {"digiready.unit.internet.machines", "Working machines with internet in the window (subtree)"},
    {"digiready.unit.compliant.machines", "Working machines meeting the readiness policy"},
    {"digiready.unit.equipment.coverage.ratio", "Sum of min(working, staff) over sum of staff"},
    {"digiready.unit.connectivity.coverage.ratio", "Working machines with internet / working"},
    {"digiready.unit.compliance.ratio", "Working machines meeting the policy / working"},
    {"digiready.unit.readiness.score", "Weighted mean of the three coverage figures"},
    {"digiready.unit.equipment.target.ratio", "Equipment coverage target of the unit"},
    {"digiready.unit.connectivity.target.ratio", "Connectivity coverage target of the unit"},
    // Not "office_hours" as in the design: promtool reads a "_hours" suffix as a non-base unit.
    {"digiready.unit.office.open", "1 inside the unit's office hours, else 0"},
    {"digiready.machine.up", "1 online, 0 offline; stale and retired machines are not exported"},
    {"digiready.machine.last.seen.timestamp.seconds", "Last contact, Unix time in seconds"},
    {"digiready.machine.internet.up", "1 when the last heartbeat reached the internet"},
    {"digiready.machine.info", "1 for every working machine; hardware summary as labels"},
    {"digiready.machine.compliant", "1 when a working machine meets the readiness policy, else 0"},
    {
      "digiready.machine.policy.failing",
      "1 for each readiness rule a working machine fails (status fail) or cannot be checked on"
          + " (status unknown)"
    },
  };

  public DigireadyMetrics(
      PrometheusMeterRegistry registry,
      Fleet fleet,
      CoverageCalculator coverage,
      boolean perMachine,
      Clock clock) {
    this.registry = registry;
    this.fleet = fleet;
    this.coverage = coverage;
    this.perMachine = perMachine;
    this.clock = clock;
    for (String[] g : UNIT_GAUGES) {
      gauges.put(g[0], MultiGauge.builder(g[0]).description(g[1]).register(registry));
    }
  }

  /** Refreshes every design metric and returns the whole registry in the requested format. */
  public synchronized String scrape(String contentType) {
    refresh(clock.instant());
    return contentType == null ? registry.scrape() : registry.scrape(contentType);
  }

  void refresh(Instant now) {
    List<UnitCoverage> units = coverage.compute(fleet, now);
    Map<String, List<MultiGauge.Row<?>>> rows = new HashMap<>();
    for (String[] g : UNIT_GAUGES) {
      rows.put(g[0], new ArrayList<>());
    }
    for (UnitCoverage u : units) {
      Tags unit = Tags.of("unit", u.code());
      add(
          rows,
          "digiready.unit.info",
          Tags.of("unit", u.code(), "name", u.name(), "parent", nz(u.parent()), "kind", u.kind()),
          1);
      add(rows, "digiready.unit.staff", unit, u.staff());
      u.machines()
          .forEach(
              (state, count) ->
                  add(rows, "digiready.unit.machines", unit.and("state", state), count));
      add(rows, "digiready.unit.internet.machines", unit, u.internetMachines());
      add(rows, "digiready.unit.compliant.machines", unit, u.compliantMachines());
      add(rows, "digiready.unit.equipment.coverage.ratio", unit, u.equipmentCoverage());
      add(rows, "digiready.unit.connectivity.coverage.ratio", unit, u.connectivityCoverage());
      add(rows, "digiready.unit.compliance.ratio", unit, u.compliance());
      add(rows, "digiready.unit.readiness.score", unit, u.readinessScore());
      add(rows, "digiready.unit.equipment.target.ratio", unit, u.equipmentTarget());
      add(rows, "digiready.unit.connectivity.target.ratio", unit, u.connectivityTarget());
      add(rows, "digiready.unit.office.open", unit, u.officeHoursNow() ? 1 : 0);
    }
    if (perMachine) {
      for (Machine m : fleet.machines()) {
        if (fleet.unit(m.unitCode()).isEmpty()) {
          continue;
        }
        var view = coverage.view(m, now);
        if (!view.state().working()) {
          continue;
        }
        Tags tags =
            Tags.of("unit", m.unitCode(), "machine", m.id(), "hostname", m.identity().hostname());
        add(rows, "digiready.machine.up", tags, view.state() == MachineState.ONLINE ? 1 : 0);
        add(
            rows,
            "digiready.machine.last.seen.timestamp.seconds",
            tags,
            m.liveness().lastSeenAt().toEpochMilli() / 1000.0);
        Boolean internet = m.liveness().internetUp();
        if (internet != null) {
          add(rows, "digiready.machine.internet.up", tags, internet ? 1 : 0);
        }
        var hw = m.hardware();
        add(
            rows,
            "digiready.machine.info",
            tags.and("os", hw.os())
                .and("cpu", nz(hw.cpuName()))
                .and("memory_gib", memoryGib(hw.memoryBytes())),
            1);
        add(rows, "digiready.machine.compliant", tags, view.readiness().compliant() ? 1 : 0);
        // Rule names are the policy's five (memory, logicalCpus, os, systemDiskFree, clock) and
        // status is fail or unknown: bounded, and nothing at all for a compliant machine.
        for (var check : view.readiness().failing()) {
          add(
              rows,
              "digiready.machine.policy.failing",
              tags.and("rule", check.rule()).and("status", check.status()),
              1);
        }
      }
    }
    rows.forEach((name, r) -> gauges.get(name).register(r, true));
  }

  private static void add(
      Map<String, List<MultiGauge.Row<?>>> rows, String name, Tags tags, Number value) {
    if (value != null) {
      rows.get(name).add(MultiGauge.Row.of(tags, value));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String memoryGib(Long bytes) {
    if (bytes == null) {
      return "";
    }
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024 * 1024))
        .replaceAll("\\.0$", "");
  }
}

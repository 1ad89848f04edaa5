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
    {MetricNames.UNIT_INFO, "1 for every unit; joins names and the tree"},
    {MetricNames.UNIT_STAFF, "Headcount of the unit and every unit below it"},
    {MetricNames.UNIT_MACHINES, "Machines of the subtree by state"},
    {MetricNames.UNIT_INTERNET_MACHINES, "Working machines with internet in the window (subtree)"},
    {MetricNames.UNIT_COMPLIANT_MACHINES, "Working machines meeting the readiness policy"},
    {MetricNames.UNIT_EQUIPMENT_COVERAGE, "Sum of min(working, staff) over sum of staff"},
    {MetricNames.UNIT_CONNECTIVITY_COVERAGE, "Working machines with internet / working"},
    {MetricNames.UNIT_COMPLIANCE, "Working machines meeting the policy / working"},
    {MetricNames.UNIT_READINESS, "Weighted mean of the three coverage figures"},
    {MetricNames.UNIT_EQUIPMENT_TARGET, "Equipment coverage target of the unit"},
    {MetricNames.UNIT_CONNECTIVITY_TARGET, "Connectivity coverage target of the unit"},
    {MetricNames.UNIT_OFFICE_OPEN, "1 inside the unit's office hours, else 0"},
    {MetricNames.MACHINE_UP, "1 online, 0 offline; stale and retired machines are not exported"},
    {MetricNames.MACHINE_LAST_SEEN, "Last contact, Unix time in seconds"},
    {MetricNames.MACHINE_INTERNET_UP, "1 when the last heartbeat reached the internet"},
    {MetricNames.MACHINE_INFO, "1 for every working machine; hardware summary as labels"},
    {MetricNames.MACHINE_COMPLIANT, "1 when a working machine meets the readiness policy, else 0"},
    {
      MetricNames.MACHINE_POLICY_FAILING,
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
          MetricNames.UNIT_INFO,
          Tags.of("unit", u.code(), "name", u.name(), "parent", nz(u.parent()), "kind", u.kind()),
          1);
      add(rows, MetricNames.UNIT_STAFF, unit, u.staff());
      u.machines()
          .forEach(
              (state, count) ->
                  add(rows, MetricNames.UNIT_MACHINES, unit.and("state", state), count));
      add(rows, MetricNames.UNIT_INTERNET_MACHINES, unit, u.internetMachines());
      add(rows, MetricNames.UNIT_COMPLIANT_MACHINES, unit, u.compliantMachines());
      add(rows, MetricNames.UNIT_EQUIPMENT_COVERAGE, unit, u.equipmentCoverage());
      add(rows, MetricNames.UNIT_CONNECTIVITY_COVERAGE, unit, u.connectivityCoverage());
      add(rows, MetricNames.UNIT_COMPLIANCE, unit, u.compliance());
      add(rows, MetricNames.UNIT_READINESS, unit, u.readinessScore());
      add(rows, MetricNames.UNIT_EQUIPMENT_TARGET, unit, u.equipmentTarget());
      add(rows, MetricNames.UNIT_CONNECTIVITY_TARGET, unit, u.connectivityTarget());
      add(rows, MetricNames.UNIT_OFFICE_OPEN, unit, u.officeHoursNow() ? 1 : 0);
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
        add(rows, MetricNames.MACHINE_UP, tags, view.state() == MachineState.ONLINE ? 1 : 0);
        add(
            rows,
            MetricNames.MACHINE_LAST_SEEN,
            tags,
            m.liveness().lastSeenAt().toEpochMilli() / 1000.0);
        Boolean internet = m.liveness().internetUp();
        if (internet != null) {
          add(rows, MetricNames.MACHINE_INTERNET_UP, tags, internet ? 1 : 0);
        }
        var hw = m.hardware();
        add(
            rows,
            MetricNames.MACHINE_INFO,
            tags.and("os", hw.os())
                .and("cpu", nz(hw.cpuName()))
                .and("memory_gib", memoryGib(hw.memoryBytes())),
            1);
        add(rows, MetricNames.MACHINE_COMPLIANT, tags, view.readiness().compliant() ? 1 : 0);
        // Rule names are the policy's five (memory, logicalCpus, os, systemDiskFree, clock) and
        // status is fail or unknown: bounded, and nothing at all for a compliant machine.
        for (var check : view.readiness().failing()) {
          add(
              rows,
              MetricNames.MACHINE_POLICY_FAILING,
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

package io.digiready.collector.metrics;

import io.digiready.collector.coverage.CoverageCalculator;
import io.digiready.collector.coverage.CoverageCalculator.MachineView;
import io.digiready.collector.coverage.MachineState;
import io.digiready.collector.coverage.Readiness;
import io.digiready.collector.coverage.ReadinessRule;
import io.digiready.collector.coverage.UnitCoverage;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /metrics}: the design's unit and machine series, computed from the in-memory fleet on
 * every scrape (never from history), followed by the registry's own meters (ingest, probes, writer,
 * HTTP, JVM). Ratios whose denominator is 0 are left out rather than exported as NaN or 1.
 *
 * <p>The fleet's series are written straight to the response as Prometheus text: with 100,000
 * machines they are close to a million lines, which a meter per series (a {@code MultiGauge} row)
 * turned into a scrape of half a minute and gigabytes of garbage.
 */
public final class DigireadyMetrics {
  private final PrometheusMeterRegistry registry;
  private final Fleet fleet;
  private final CoverageCalculator coverage;
  private final java.util.function.BooleanSupplier perMachine;
  private final Clock clock;

  public DigireadyMetrics(
      PrometheusMeterRegistry registry,
      Fleet fleet,
      CoverageCalculator coverage,
      java.util.function.BooleanSupplier perMachine,
      Clock clock) {
    this.registry = registry;
    this.fleet = fleet;
    this.coverage = coverage;
    this.perMachine = perMachine;
    this.clock = clock;
  }

  /** Writes every series in the text format 0.0.4, UTF-8. */
  public void scrape(OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    Instant now = clock.instant();
    writeUnits(w, coverage.latest().all(fleet, now));
    if (perMachine.getAsBoolean()) {
      writeMachines(w, now);
    }
    w.write(registry.scrape());
    w.flush();
  }

  /** The whole scrape as text (tests and small fleets). */
  public String scrape() {
    var out = new java.io.ByteArrayOutputStream();
    try {
      scrape(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private void writeUnits(Writer w, List<UnitCoverage> units) throws IOException {
    help(w, MetricNames.UNIT_INFO, "1 for every unit; joins names and the tree");
    for (UnitCoverage u : units) {
      Series.of(w, MetricNames.UNIT_INFO)
          .label("unit", u.code())
          .label("name", u.name())
          .label("parent", u.parent() == null ? "" : u.parent())
          .label("kind", u.kind())
          .value(1);
    }
    gauge(
        w,
        MetricNames.UNIT_STAFF,
        "Headcount of the unit and every unit below it",
        units,
        u -> u.figures().staff());
    help(w, MetricNames.UNIT_MACHINES, "Machines of the subtree by state");
    for (UnitCoverage u : units) {
      for (var e : u.machines().entrySet()) {
        Series.of(w, MetricNames.UNIT_MACHINES)
            .label("unit", u.code())
            .label("state", e.getKey())
            .value(e.getValue());
      }
    }
    gauge(
        w,
        MetricNames.UNIT_INTERNET_MACHINES,
        "Working machines with internet in the window (subtree)",
        units,
        u -> u.figures().internetMachines());
    gauge(
        w,
        MetricNames.UNIT_COMPLIANT_MACHINES,
        "Working machines meeting the readiness policy",
        units,
        u -> u.figures().compliantMachines());
    gauge(
        w,
        MetricNames.UNIT_EQUIPMENT_COVERAGE,
        "Sum of min(working, staff) over sum of staff",
        units,
        u -> u.figures().equipmentCoverage());
    gauge(
        w,
        MetricNames.UNIT_CONNECTIVITY_COVERAGE,
        "Working machines with internet / working",
        units,
        u -> u.figures().connectivityCoverage());
    gauge(
        w,
        MetricNames.UNIT_COMPLIANCE,
        "Working machines meeting the policy / working",
        units,
        u -> u.figures().compliance());
    gauge(
        w,
        MetricNames.UNIT_READINESS,
        "Weighted mean of the three coverage figures",
        units,
        u -> u.figures().readinessScore());
    gauge(
        w,
        MetricNames.UNIT_EQUIPMENT_TARGET,
        "Equipment coverage target of the unit",
        units,
        u -> u.figures().equipmentTarget());
    gauge(
        w,
        MetricNames.UNIT_CONNECTIVITY_TARGET,
        "Connectivity coverage target of the unit",
        units,
        u -> u.figures().connectivityTarget());
    gauge(
        w,
        MetricNames.UNIT_PROTECTED_MACHINES,
        "Working machines with anti-malware enabled and up to date (subtree)",
        units,
        u -> u.figures().protectedMachines());
    gauge(
        w,
        MetricNames.UNIT_PROTECTION_COVERAGE,
        "Working machines with anti-malware enabled and up to date / working",
        units,
        u -> u.figures().protectionCoverage());
    gauge(
        w,
        MetricNames.UNIT_PROTECTION_TARGET,
        "Protection coverage target of the unit",
        units,
        u -> u.figures().protectionTarget());
    gauge(
        w,
        MetricNames.UNIT_SOFTWARE_READY_MACHINES,
        "Working machines with every required application of their unit (subtree)",
        units,
        u -> u.figures().softwareReadyMachines());
    gauge(
        w,
        MetricNames.UNIT_SOFTWARE_COVERAGE,
        "Working machines with every required application / working",
        units,
        u -> u.figures().softwareCoverage());
    gauge(
        w,
        MetricNames.UNIT_SOFTWARE_TARGET,
        "Software coverage target (softwareTarget)",
        units,
        u -> u.figures().softwareTarget());
    gauge(
        w,
        MetricNames.UNIT_OFFICE_OPEN,
        "1 inside the unit's office hours, else 0",
        units,
        u -> u.officeHoursNow() ? 1.0 : 0.0);
  }

  private interface Figure {
    Number of(UnitCoverage u);
  }

  private static void gauge(
      Writer w, String name, String help, List<UnitCoverage> units, Figure figure)
      throws IOException {
    help(w, name, help);
    for (UnitCoverage u : units) {
      Number value = figure.of(u);
      if (value != null) {
        Series.of(w, name).label("unit", u.code()).value(value.doubleValue());
      }
    }
  }

  private void writeMachines(Writer w, Instant now) throws IOException {
    // One pass over the fleet, each family's lines collected apart: a family's samples must be
    // contiguous in the text format. Stale and retired machines are not exported.
    List<MachineView> working = new ArrayList<>();
    for (Machine m : fleet.machines()) {
      if (fleet.unit(m.unitCode()).isPresent()) {
        MachineView v = coverage.view(m, fleet, now);
        if (v.state().working()) {
          working.add(v);
        }
      }
    }
    help(
        w,
        MetricNames.MACHINE_UP,
        "1 online, 0 offline; stale and retired machines are not exported");
    for (MachineView v : working) {
      machine(w, MetricNames.MACHINE_UP, v.machine())
          .value(v.state() == MachineState.ONLINE ? 1 : 0);
    }
    help(w, MetricNames.MACHINE_LAST_SEEN, "Last contact, Unix time in seconds");
    for (MachineView v : working) {
      machine(w, MetricNames.MACHINE_LAST_SEEN, v.machine())
          .value(v.machine().liveness().lastSeenAt().toEpochMilli() / 1000.0);
    }
    help(w, MetricNames.MACHINE_INTERNET_UP, "1 when the last heartbeat reached the internet");
    for (MachineView v : working) {
      Boolean internet = v.machine().liveness().internetUp();
      if (internet != null) {
        machine(w, MetricNames.MACHINE_INTERNET_UP, v.machine()).value(internet ? 1 : 0);
      }
    }
    help(w, MetricNames.MACHINE_INFO, "1 for every working machine; hardware summary as labels");
    for (MachineView v : working) {
      var hw = v.machine().hardware();
      machine(w, MetricNames.MACHINE_INFO, v.machine())
          .label("os", hw.os())
          .label("cpu", hw.cpuName() == null ? "" : hw.cpuName())
          .label("memory_gib", memoryGib(hw.memoryBytes()))
          .value(1);
    }
    help(
        w,
        MetricNames.MACHINE_COMPLIANT,
        "1 when a working machine meets the readiness policy, else 0");
    for (MachineView v : working) {
      machine(w, MetricNames.MACHINE_COMPLIANT, v.machine()).value(v.compliant() ? 1 : 0);
    }
    help(
        w,
        MetricNames.MACHINE_POLICY_FAILING,
        "1 for each readiness rule a working machine fails (status fail) or cannot be checked on"
            + " (status unknown)");
    for (MachineView v : working) {
      if (v.compliant()) {
        continue;
      }
      // Rule names are the policy's and status is fail or unknown: bounded label values.
      for (ReadinessRule rule : ReadinessRule.values()) {
        if (!Readiness.enabled(rule, v.policy())) {
          continue;
        }
        Readiness.Status status = Readiness.status(rule, v.machine(), v.policy(), v.at());
        if (status != Readiness.Status.PASS) {
          machine(w, MetricNames.MACHINE_POLICY_FAILING, v.machine())
              .label("rule", rule.label())
              .label("status", status.label())
              .value(1);
        }
      }
    }
  }

  private static Series machine(Writer w, String name, Machine m) throws IOException {
    return Series.of(w, name)
        .label("unit", m.unitCode())
        .label("machine", m.id())
        .label("hostname", m.identity().hostname());
  }

  private static void help(Writer w, String name, String help) throws IOException {
    String prom = prometheusName(name);
    w.write("# HELP ");
    w.write(prom);
    w.write(' ');
    w.write(help);
    w.write("\n# TYPE ");
    w.write(prom);
    w.write(" gauge\n");
  }

  static String prometheusName(String name) {
    return name.replace('.', '_');
  }

  /** Installed memory in GiB with one decimal ("7.8", "16"), or "" when unknown. */
  static String memoryGib(Long bytes) {
    if (bytes == null) {
      return "";
    }
    long tenths = Math.round(bytes * 10.0 / (1024.0 * 1024 * 1024));
    return tenths % 10 == 0 ? String.valueOf(tenths / 10) : tenths / 10 + "." + tenths % 10;
  }

  /** One sample line: {@code name{label="value",...} value}. */
  private static final class Series {
    private final Writer w;
    private boolean first = true;

    private Series(Writer w) {
      this.w = w;
    }

    static Series of(Writer w, String name) throws IOException {
      w.write(prometheusName(name));
      return new Series(w);
    }

    Series label(String name, String value) throws IOException {
      w.write(first ? '{' : ',');
      first = false;
      w.write(name);
      w.write("=\"");
      escape(value);
      w.write('"');
      return this;
    }

    void value(double value) throws IOException {
      if (!first) {
        w.write('}');
      }
      w.write(' ');
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        w.write(Long.toString((long) value));
      } else {
        w.write(Double.toString(value));
      }
      w.write('\n');
    }

    private void escape(String value) throws IOException {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '\\' -> w.write("\\\\");
          case '"' -> w.write("\\\"");
          case '\n' -> w.write("\\n");
          default -> w.write(c);
        }
      }
    }
  }
}

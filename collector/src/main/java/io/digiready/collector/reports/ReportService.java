package io.digiready.collector.reports;

import io.digiready.collector.coverage.CoverageCalculator;
import io.digiready.collector.coverage.CoverageCalculator.MachineView;
import io.digiready.collector.coverage.Readiness;
import io.digiready.collector.coverage.UnitCoverage;
import io.digiready.collector.csv.CsvWriter;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.OfficeHours;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The quarterly-report exports: coverage per unit and one row per machine, for a unit's subtree (or
 * everything). Figures are the same ones {@code GET /api/v1/units} and /metrics show.
 */
public final class ReportService {
  private static final double GIB = 1024.0 * 1024 * 1024;

  /** Coverage and targets are ratios; a figure equal to its target meets it. */
  private static final double EPSILON = 1e-9;

  private final Fleet fleet;
  private final CoverageCalculator coverage;
  private final Clock clock;

  public ReportService(Fleet fleet, CoverageCalculator coverage, Clock clock) {
    this.fleet = fleet;
    this.coverage = coverage;
    this.clock = clock;
  }

  public Export coverageCsv(String unit) {
    Instant now = clock.instant();
    Set<String> scope = scope(unit);
    List<UnitCoverage> all = coverage.compute(fleet, now);
    CsvWriter csv =
        new CsvWriter()
            .row(
                List.of(
                    "code",
                    "name",
                    "parent",
                    "kind",
                    "staff",
                    "workingMachines",
                    "equipmentCoverage",
                    "internetMachines",
                    "connectivityCoverage",
                    "compliantMachines",
                    "compliance",
                    "readinessScore",
                    "rank",
                    "of",
                    "equipmentTarget",
                    "connectivityTarget",
                    "equipmentTargetMet",
                    "connectivityTargetMet",
                    "protectedMachines",
                    "protectionCoverage",
                    "protectionTarget",
                    "protectionTargetMet"));
    for (UnitCoverage u : treeOrder(all, scope)) {
      csv.row(
          List.of(
              u.code(),
              u.name(),
              u.parent() == null ? "" : u.parent(),
              u.kind(),
              String.valueOf(u.staff()),
              String.valueOf(u.workingMachines()),
              ratio(u.equipmentCoverage()),
              String.valueOf(u.internetMachines()),
              ratio(u.connectivityCoverage()),
              String.valueOf(u.compliantMachines()),
              ratio(u.compliance()),
              ratio(u.readinessScore()),
              String.valueOf(u.rank()),
              String.valueOf(u.of()),
              ratio(u.equipmentTarget()),
              ratio(u.connectivityTarget()),
              met(u.equipmentCoverage(), u.equipmentTarget()),
              met(u.connectivityCoverage(), u.connectivityTarget()),
              String.valueOf(u.protectedMachines()),
              ratio(u.protectionCoverage()),
              ratio(u.protectionTarget()),
              met(u.protectionCoverage(), u.protectionTarget())));
    }
    return new Export(filename("coverage", unit, all, now), csv.bytes());
  }

  public Export machinesCsv(String unit) {
    Instant now = clock.instant();
    Set<String> scope = scope(unit);
    List<MachineView> views =
        fleet.machines().stream()
            .filter(m -> scope == null || scope.contains(m.unitCode()))
            .map(m -> coverage.view(m, now))
            .sorted(
                Comparator.comparing((MachineView v) -> v.machine().unitCode())
                    .thenComparing(v -> String.valueOf(v.machine().identity().hostname()))
                    .thenComparing(v -> v.machine().id()))
            .toList();
    CsvWriter csv =
        new CsvWriter()
            .row(
                List.of(
                    "unit",
                    "hostname",
                    "machineId",
                    "state",
                    "lastSeen",
                    "os",
                    "cpu",
                    "logicalCpus",
                    "memoryGib",
                    "systemDiskFreeGib",
                    "internetInWindow",
                    "readiness",
                    "failingRules",
                    "antiMalware",
                    "osUpdatedAt"));
    for (MachineView v : views) {
      Machine m = v.machine();
      Machine.Hardware hw = m.hardware();
      Long diskFree = m.liveness().systemDiskFreeBytes();
      csv.row(
          List.of(
              m.unitCode(),
              String.valueOf(m.identity().hostname()),
              m.id(),
              v.state().label(),
              m.liveness().lastSeenAt() == null ? "" : m.liveness().lastSeenAt().toString(),
              hw.os(),
              hw.cpuName() == null ? "" : hw.cpuName(),
              hw.logicalCpus() == null ? "" : String.valueOf(hw.logicalCpus()),
              hw.memoryBytes() == null ? "" : gib(hw.memoryBytes()),
              diskFree == null ? "" : gib(diskFree),
              v.internet() ? "yes" : "no",
              v.compliant() ? "meets policy" : "fails policy",
              failing(v.readiness()),
              antiMalware(hw.antiMalware()),
              hw.osUpdatedAt() == null ? "" : hw.osUpdatedAt().toString()));
    }
    List<UnitCoverage> all = scope == null ? List.of() : coverage.compute(fleet, now);
    return new Export(filename("machines", unit, all, now), csv.bytes());
  }

  /**
   * {@code GET /api/v1/units.csv}: every unit with its subtree figures and machine counts by state,
   * in the columns of {@code GET /api/v1/units} (for scripts that want the API's field names).
   */
  public byte[] unitsCsv() {
    CsvWriter csv =
        new CsvWriter()
            .row(
                List.of(
                    "code",
                    "name",
                    "parent",
                    "kind",
                    "staff",
                    "online",
                    "offline",
                    "stale",
                    "retired",
                    "workingMachines",
                    "internetMachines",
                    "compliantMachines",
                    "equipmentCoverage",
                    "connectivityCoverage",
                    "compliance",
                    "readinessScore",
                    "rank",
                    "of",
                    "protectedMachines",
                    "protectionCoverage",
                    "protectionTarget"));
    for (UnitCoverage u : coverage.compute(fleet, clock.instant())) {
      csv.row(
          List.of(
              u.code(),
              u.name(),
              u.parent() == null ? "" : u.parent(),
              u.kind(),
              String.valueOf(u.staff()),
              String.valueOf(u.machines().get("online")),
              String.valueOf(u.machines().get("offline")),
              String.valueOf(u.machines().get("stale")),
              String.valueOf(u.machines().get("retired")),
              String.valueOf(u.workingMachines()),
              String.valueOf(u.internetMachines()),
              String.valueOf(u.compliantMachines()),
              ratio(u.equipmentCoverage()),
              ratio(u.connectivityCoverage()),
              ratio(u.compliance()),
              ratio(u.readinessScore()),
              String.valueOf(u.rank()),
              String.valueOf(u.of()),
              String.valueOf(u.protectedMachines()),
              ratio(u.protectionCoverage()),
              ratio(u.protectionTarget())));
    }
    return csv.bytes();
  }

  /** Null means every unit. */
  private Set<String> scope(String unit) {
    if (unit == null || unit.isEmpty()) {
      return null;
    }
    fleet.requireUnit(unit);
    return fleet.subtree(unit);
  }

  /** Parents before their children, siblings by code: the order of the tree on paper. */
  static List<UnitCoverage> treeOrder(List<UnitCoverage> all, Set<String> scope) {
    Map<String, List<UnitCoverage>> children = new HashMap<>();
    Set<String> codes = all.stream().map(UnitCoverage::code).collect(Collectors.toSet());
    List<UnitCoverage> roots = new ArrayList<>();
    for (UnitCoverage u : all) {
      boolean inScope = scope == null || scope.contains(u.code());
      if (!inScope) {
        continue;
      }
      boolean parentShown =
          u.parent() != null
              && codes.contains(u.parent())
              && (scope == null || scope.contains(u.parent()));
      if (parentShown) {
        children.computeIfAbsent(u.parent(), k -> new ArrayList<>()).add(u);
      } else {
        roots.add(u);
      }
    }
    List<UnitCoverage> out = new ArrayList<>();
    roots.sort(Comparator.comparing(UnitCoverage::code));
    for (UnitCoverage root : roots) {
      walk(root, children, out);
    }
    return out;
  }

  private static void walk(
      UnitCoverage u, Map<String, List<UnitCoverage>> children, List<UnitCoverage> out) {
    out.add(u);
    List<UnitCoverage> kids = new ArrayList<>(children.getOrDefault(u.code(), List.of()));
    kids.sort(Comparator.comparing(UnitCoverage::code));
    for (UnitCoverage kid : kids) {
      walk(kid, children, out);
    }
  }

  private String filename(String kind, String unit, List<UnitCoverage> all, Instant now) {
    // The date is the unit's own calendar day: a file made at 06:00 in Hanoi is dated that day.
    String zone =
        all.stream()
            .filter(u -> u.code().equals(unit))
            .findFirst()
            .map(u -> u.effectiveOfficeHours().timeZone())
            .orElse(OfficeHours.DEFAULT.timeZone());
    LocalDate day = LocalDate.ofInstant(now, ZoneId.of(zone));
    String scope = unit == null || unit.isEmpty() ? "all" : unit;
    return "digiready-" + kind + "-" + scope + "-" + day + ".csv";
  }

  private static String failing(Readiness.Result r) {
    return r.failing().stream()
        .map(
            c ->
                c.value() == null
                    ? c.rule() + " unknown (expected " + c.expected() + ")"
                    : c.rule() + " " + c.value() + " (expected " + c.expected() + ")")
        .collect(Collectors.joining("; "));
  }

  /**
   * "protected", "out of date", "switched off", "none", or "unknown" when the agent did not say.
   */
  private static String antiMalware(Machine.AntiMalware a) {
    if (a == null) {
      return "unknown";
    }
    return switch (a.state()) {
      case PROTECTED -> "protected";
      case OUT_OF_DATE -> "out of date";
      case DISABLED -> "switched off";
      case NONE -> "none";
    };
  }

  private static String met(Double value, double target) {
    if (value == null) {
      return "";
    }
    return value + EPSILON >= target ? "met" : "not met";
  }

  private static String ratio(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / GIB);
  }
}

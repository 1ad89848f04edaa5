package io.digiready.collector.reports;

import static io.digiready.collector.sheet.Sheet.Kind.COUNT;
import static io.digiready.collector.sheet.Sheet.Kind.DECIMAL;
import static io.digiready.collector.sheet.Sheet.Kind.RATIO;
import static io.digiready.collector.sheet.Sheet.Kind.TEXT;
import static io.digiready.collector.sheet.Sheet.Kind.TIME;

import io.digiready.collector.coverage.CoverageCalculator;
import io.digiready.collector.coverage.CoverageCalculator.MachineView;
import io.digiready.collector.coverage.Readiness;
import io.digiready.collector.coverage.UnitCoverage;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.OfficeHours;
import io.digiready.collector.history.CoverageHistory;
import io.digiready.collector.history.CoverageHistory.UnitDay;
import io.digiready.collector.history.DayFigures;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.sheet.FileFormat;
import io.digiready.collector.sheet.Sheet;
import io.digiready.collector.sheet.Sheet.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The quarterly-report exports: coverage per unit (now, or as of a past day from the figures kept
 * per day) and one row per machine, for a unit's subtree (or everything), with headings and words
 * in Vietnamese or English. Figures are the same ones {@code GET /api/v1/units}, the coverage
 * history and /metrics show, and the same in both languages.
 */
public final class ReportService {
  private static final double GIB = 1024.0 * 1024 * 1024;

  private final Fleet fleet;
  private final CoverageCalculator coverage;
  private final CoverageHistory history;
  private final Clock clock;

  public ReportService(
      Fleet fleet, CoverageCalculator coverage, CoverageHistory history, Clock clock) {
    this.fleet = fleet;
    this.coverage = coverage;
    this.history = history;
    this.clock = clock;
  }

  /**
   * {@code GET /api/v1/reports/coverage.csv}: every unit of the subtree (or every unit) with its
   * figures as of the end of {@code date} (kept per day), or now when {@code date} is null or
   * today.
   */
  public Export coverage(String unit, LocalDate date, Language language, FileFormat format) {
    Instant now = clock.instant();
    Set<String> scope = scope(unit);
    LocalDate today = today(unit, now);
    LocalDate day = date == null ? today : date;
    if (day.isAfter(today)) {
      throw Problem.invalid(
          "date", "must not be after today (" + today + " in the unit's time zone). Found: " + day);
    }
    Words w = Words.of(language);
    Sheet sheet =
        new Sheet(w.coverageSheet(), style(unit, w), columns(w.coverageHeadings(), COVERAGE));
    List<UnitDay> rows =
        treeOrder(
            history.onDay(scope, day).stream().filter(r -> r.figures().known()).toList(),
            r -> r.unit().code(),
            r -> r.unit().parent(),
            scope);
    for (UnitDay r : rows) {
      UnitCoverage u = r.unit();
      DayFigures f = r.figures();
      sheet.row(
          Arrays.asList(
              u.code(),
              u.name(),
              u.parent() == null ? "" : u.parent(),
              w.kind(u.kind()),
              f.figures().staff(),
              f.figures().workingMachines(),
              f.figures().equipmentCoverage(),
              f.figures().internetMachines(),
              f.figures().connectivityCoverage(),
              f.figures().compliantMachines(),
              f.figures().compliance(),
              f.figures().readinessScore(),
              f.figures().rank(),
              f.figures().of(),
              f.figures().equipmentTarget(),
              f.figures().connectivityTarget(),
              w.met(f.equipmentTargetMet()),
              w.met(f.connectivityTargetMet()),
              f.figures().protectedMachines(),
              f.figures().protectionCoverage(),
              f.figures().protectionTarget(),
              w.met(f.protectionTargetMet()),
              w.status(f.status())));
    }
    return new Export(filename("coverage", unit, day, format), format, format.write(sheet));
  }

  public Export machines(String unit, Language language, FileFormat format) {
    Instant now = clock.instant();
    Set<String> scope = scope(unit);
    Words w = Words.of(language);
    List<MachineView> views =
        (scope == null ? fleet.machines() : fleet.machinesIn(scope))
            .stream()
                .map(m -> coverage.view(m, fleet, now))
                .sorted(
                    Comparator.comparing((MachineView v) -> v.machine().unitCode())
                        .thenComparing(v -> String.valueOf(v.machine().identity().hostname()))
                        .thenComparing(v -> v.machine().id()))
                .toList();
    Sheet sheet =
        new Sheet(w.machineSheet(), style(unit, w), columns(w.machineHeadings(), MACHINES));
    for (MachineView v : views) {
      Machine m = v.machine();
      Machine.Hardware hw = m.hardware();
      Long diskFree = m.liveness().systemDiskFreeBytes();
      sheet.row(
          Arrays.asList(
              m.unitCode(),
              String.valueOf(m.identity().hostname()),
              m.id(),
              w.state(v.state().label()),
              m.liveness().lastSeenAt(),
              hw.os(),
              hw.cpuName() == null ? "" : hw.cpuName(),
              hw.logicalCpus(),
              hw.memoryBytes() == null ? null : gib(hw.memoryBytes()),
              diskFree == null ? null : gib(diskFree),
              w.yesNo(v.internet()),
              w.policy(v.compliant()),
              failing(w, v.readiness()),
              w.antiMalware(
                  hw.antiMalware() == null ? "unknown" : hw.antiMalware().state().label()),
              hw.osUpdatedAt()));
    }
    return new Export(
        filename("machines", unit, today(unit, now), format), format, format.write(sheet));
  }

  /**
   * {@code GET /api/v1/units.csv}: every unit with its subtree figures and machine counts by state,
   * in the columns of {@code GET /api/v1/units} (for scripts that want the API's field names).
   */
  public Export units(FileFormat format) {
    Sheet sheet =
        new Sheet("units", new Sheet.Style(defaultZone(), false), columns(UNITS_HEADINGS, UNITS));
    for (UnitCoverage u : coverage.latest().all(fleet, clock.instant())) {
      sheet.row(
          Arrays.asList(
              u.code(),
              u.name(),
              u.parent() == null ? "" : u.parent(),
              u.kind(),
              u.figures().staff(),
              u.machines().get("online"),
              u.machines().get("offline"),
              u.machines().get("stale"),
              u.machines().get("retired"),
              u.figures().workingMachines(),
              u.figures().internetMachines(),
              u.figures().compliantMachines(),
              u.figures().equipmentCoverage(),
              u.figures().connectivityCoverage(),
              u.figures().compliance(),
              u.figures().readinessScore(),
              u.figures().rank(),
              u.figures().of(),
              u.figures().protectedMachines(),
              u.figures().protectionCoverage(),
              u.figures().protectionTarget(),
              u.figures().softwareReadyMachines(),
              u.figures().softwareCoverage(),
              u.figures().softwareTarget()));
    }
    return new Export("digiready-units." + format.extension(), format, format.write(sheet));
  }

  private static final List<String> UNITS_HEADINGS =
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
          "protectionTarget",
          "softwareReadyMachines",
          "softwareCoverage",
          "softwareTarget");

  private static final List<Kind> UNITS =
      List.of(
          TEXT, TEXT, TEXT, TEXT, COUNT, COUNT, COUNT, COUNT, COUNT, COUNT, COUNT, COUNT, RATIO,
          RATIO, RATIO, RATIO, COUNT, COUNT, COUNT, RATIO, RATIO, COUNT, RATIO, RATIO);
  private static final List<Kind> COVERAGE =
      List.of(
          TEXT, TEXT, TEXT, TEXT, COUNT, COUNT, RATIO, COUNT, RATIO, COUNT, RATIO, RATIO, COUNT,
          COUNT, RATIO, RATIO, TEXT, TEXT, COUNT, RATIO, RATIO, TEXT, TEXT);
  private static final List<Kind> MACHINES =
      List.of(
          TEXT, TEXT, TEXT, TEXT, TIME, TEXT, TEXT, COUNT, DECIMAL, DECIMAL, TEXT, TEXT, TEXT, TEXT,
          TIME);

  /** The headings of one language with the kind of each column. */
  private static List<Sheet.Column> columns(List<String> headings, List<Kind> kinds) {
    if (headings.size() != kinds.size()) {
      throw new IllegalStateException(headings.size() + " headings for " + kinds.size() + " kinds");
    }
    List<Sheet.Column> out = new ArrayList<>();
    for (int i = 0; i < headings.size(); i++) {
      out.add(new Sheet.Column(headings.get(i), kinds.get(i)));
    }
    return out;
  }

  /**
   * Times in the unit's zone (the default zone for every unit), dates as the language writes them.
   */
  private Sheet.Style style(String unit, Words w) {
    ZoneId zone = unit == null || unit.isEmpty() ? defaultZone() : history.zone(unit);
    return new Sheet.Style(zone, w.language() == Language.VI);
  }

  private static ZoneId defaultZone() {
    return ZoneId.of(OfficeHours.DEFAULT.timeZone());
  }

  /** Null means every unit. */
  private Set<String> scope(String unit) {
    if (unit == null || unit.isEmpty()) {
      return null;
    }
    fleet.requireUnit(unit);
    return fleet.subtree(unit);
  }

  /**
   * Parents before their children, siblings by code: the order of the tree on paper. A unit whose
   * parent is not shown starts a tree of its own.
   */
  static <T> List<T> treeOrder(
      List<T> all, Function<T, String> code, Function<T, String> parent, Set<String> scope) {
    Map<String, List<T>> children = new HashMap<>();
    Set<String> codes = all.stream().map(code).collect(Collectors.toSet());
    List<T> roots = new ArrayList<>();
    for (T u : all) {
      if (scope != null && !scope.contains(code.apply(u))) {
        continue;
      }
      String p = parent.apply(u);
      boolean parentShown = p != null && codes.contains(p) && (scope == null || scope.contains(p));
      if (parentShown) {
        children.computeIfAbsent(p, k -> new ArrayList<>()).add(u);
      } else {
        roots.add(u);
      }
    }
    List<T> out = new ArrayList<>();
    roots.sort(Comparator.comparing(code, Comparator.reverseOrder()));
    // Depth first with an explicit stack: a deep tree must not overflow the call stack.
    Deque<T> stack = new ArrayDeque<>(roots);
    while (!stack.isEmpty()) {
      T u = stack.removeLast();
      out.add(u);
      List<T> kids = new ArrayList<>(children.getOrDefault(code.apply(u), List.of()));
      kids.sort(Comparator.comparing(code, Comparator.reverseOrder()));
      stack.addAll(kids);
    }
    return out;
  }

  /** Today in the unit's time zone (the default zone for every unit). */
  private LocalDate today(String unit, Instant now) {
    // The date is the unit's own calendar day: a file made at 06:00 in Hanoi is dated that day.
    return unit == null || unit.isEmpty()
        ? LocalDate.ofInstant(now, defaultZone())
        : history.today(unit);
  }

  private static String filename(String kind, String unit, LocalDate day, FileFormat format) {
    String scope = unit == null || unit.isEmpty() ? "all" : unit;
    return "digiready-" + kind + "-" + scope + "-" + day + "." + format.extension();
  }

  private static String failing(Words w, Readiness.Result r) {
    return r.failing().stream().map(w::failing).collect(Collectors.joining("; "));
  }

  /** GiB to one decimal, as the figure a reader compares with a policy of 4 GiB. */
  private static double gib(long bytes) {
    return Math.round(bytes / GIB * 10) / 10.0;
  }
}

package io.digiready.collector.coverage;

import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.config.CollectorConfig.ReadinessPolicy;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.OfficeHours;
import io.digiready.collector.fleet.RequiredApplication;
import io.digiready.collector.fleet.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes every unit's subtree figures from the in-memory fleet, exactly as the design defines
 * them:
 *
 * <ul>
 *   <li>equipment = Σ min(working_u, staff_u) / Σ staff_u over the subtree (null without staff);
 *   <li>connectivity = working machines with an internet success in the window / working;
 *   <li>compliance = working machines meeting the policy / working;
 *   <li>readiness = weighted mean of those that are not null; ranked among siblings;
 *   <li>protection = working machines passing the anti-malware rule / working (counted whether or
 *       not the collector's policy requires anti-malware);
 *   <li>software = working machines with every required application of their unit / working (a unit
 *       that requires nothing counts its machines as ready); null when no unit of the subtree
 *       requires anything. Weighted into readiness only with {@code readinessWeightSoftware} > 0.
 * </ul>
 */
public final class CoverageCalculator {
  private final CollectorConfig config;
  private final LatestFigures latest = new LatestFigures(this::compute);

  public CoverageCalculator(CollectorConfig config) {
    this.config = config;
  }

  /** Every unit's figures now, reused for a moment when a large fleet makes them costly. */
  public LatestFigures latest() {
    return latest;
  }

  /**
   * One machine with its derived state at a given time. {@link #readiness()} spells out every rule
   * (text included) and is meant for pages that show it; {@code compliant} is enough for counting.
   */
  public record MachineView(
      Machine machine,
      MachineState state,
      boolean internet,
      boolean compliant,
      ReadinessPolicy policy,
      Instant at,
      boolean protectedPc,
      boolean softwareReady) {
    public Readiness.Result readiness() {
      return Readiness.evaluate(machine, policy, at);
    }
  }

  public MachineView view(Machine m, Fleet fleet, Instant now) {
    return view(m, now, softwareReady(m, fleet));
  }

  private MachineView view(Machine m, Instant now, boolean softwareReady) {
    MachineState state =
        MachineState.of(m, now, config.heartbeatIntervalSeconds(), config.workingWindowDays());
    Instant ok = m.liveness().lastInternetOkAt();
    boolean internet =
        ok != null && !ok.isBefore(now.minus(Duration.ofHours(config.connectivityWindowHours())));
    var policy = config.readiness();
    return new MachineView(
        m,
        state,
        internet,
        Readiness.compliant(m, policy, now),
        policy,
        now,
        Readiness.status(ReadinessRule.ANTI_MALWARE, m, policy, now) == Readiness.Status.PASS,
        softwareReady);
  }

  /**
   * Whether the machine has every required application of its unit: worked out when its list or its
   * unit's requirements last changed. A machine never worked out has none of them, which only
   * matters when something is required.
   */
  private static boolean softwareReady(Machine m, Fleet fleet) {
    var missing = m.hardware().softwareMissing();
    return missing != null ? missing.isEmpty() : fleet.requiredFor(m.unitCode()).isEmpty();
  }

  private static final class Own {
    int staff;
    final int[] states = new int[MachineState.values().length];
    int working;
    int internet;
    int compliant;
    int protectedPcs;
    int softwareReady;

    /** Working machines never matched against a list: ready exactly when the unit needs nothing. */
    int softwareUnknown;
  }

  /** A subtree's totals, summed from the leaves up. */
  private static final class Sums {
    int staff;
    int equipped;
    final int[] states = new int[MachineState.values().length];
    int working;
    int internet;
    int compliant;
    int protectedPcs;
    int softwareReady;
    boolean anyRequired;

    void add(Sums s) {
      staff += s.staff;
      equipped += s.equipped;
      for (int i = 0; i < states.length; i++) {
        states[i] += s.states[i];
      }
      working += s.working;
      internet += s.internet;
      compliant += s.compliant;
      protectedPcs += s.protectedPcs;
      softwareReady += s.softwareReady;
      anyRequired |= s.anyRequired;
    }
  }

  /**
   * All units, in a stable order (by code), with their subtree figures. The tree is walked with an
   * explicit stack (a deep chain must not overflow the call stack) and siblings are ranked by
   * sorting. Units that no root reaches (a cycle or an unknown parent, written by an older version)
   * are still listed: each such group is rolled up from the first of its units by code, as if that
   * one were a root, and the collector names them in its log, so they never drop out of the figures
   * silently.
   */
  public List<UnitCoverage> compute(Fleet fleet, Instant now) {
    Map<String, Unit> units = new HashMap<>();
    fleet.units().forEach(u -> units.put(u.code(), u));
    Map<String, Own> own = new HashMap<>();
    units.values().forEach(u -> own.computeIfAbsent(u.code(), c -> new Own()).staff = u.staff());
    for (Machine m : fleet.machines()) {
      Own o = own.get(m.unitCode());
      if (o == null) {
        continue;
      }
      // The unit's effective list is known only after the walk below: a machine never matched is
      // counted apart and settled there, not looked up through its ancestors machine by machine.
      var missing = m.hardware().softwareMissing();
      MachineView v = view(m, now, missing != null && missing.isEmpty());
      o.states[v.state().ordinal()]++;
      if (v.state().working()) {
        o.working++;
        o.internet += v.internet() ? 1 : 0;
        o.compliant += v.compliant() ? 1 : 0;
        o.protectedPcs += v.protectedPc() ? 1 : 0;
        if (missing == null) {
          o.softwareUnknown++;
        } else {
          o.softwareReady += v.softwareReady() ? 1 : 0;
        }
      }
    }
    Map<String, List<String>> children = new HashMap<>();
    units.values().stream()
        .sorted(Comparator.comparing(Unit::code))
        .forEach(u -> children.computeIfAbsent(u.parent(), p -> new ArrayList<>()).add(u.code()));

    // Parents before children (pre-order), each with its effective office hours.
    List<String> order = new ArrayList<>(units.size());
    Map<String, OfficeHours> hours = new HashMap<>();
    Map<String, List<RequiredApplication>> required = new HashMap<>();
    List<String> roots = new ArrayList<>(children.getOrDefault(null, List.of()));
    Set<String> visited = new HashSet<>();
    visit(roots, units, children, visited, order, hours, required);
    if (visited.size() < units.size()) {
      List<String> unreached = new ArrayList<>();
      units.keySet().stream().sorted().filter(c -> !visited.contains(c)).forEach(unreached::add);
      TreeFaults.unreached(unreached, units);
      for (String code : unreached) {
        if (!visited.contains(code)) {
          visit(List.of(code), units, children, visited, order, hours, required);
        }
      }
    }

    // Children before parents: each subtree's sums are complete when its root is reached.
    Map<String, Sums> sums = new HashMap<>();
    Map<String, UnitCoverage> result = new HashMap<>();
    // Units that inherit their office hours share one instance: decide "open now" once for each.
    Map<OfficeHours, Boolean> open = new IdentityHashMap<>();
    for (int i = order.size() - 1; i >= 0; i--) {
      String code = order.get(i);
      Unit u = units.get(code);
      Own o = own.get(code);
      Sums s = new Sums();
      s.staff = o.staff;
      s.equipped = Math.min(o.working, o.staff);
      System.arraycopy(o.states, 0, s.states, 0, s.states.length);
      s.working = o.working;
      s.internet = o.internet;
      s.compliant = o.compliant;
      s.protectedPcs = o.protectedPcs;
      s.softwareReady = o.softwareReady + (required.get(code).isEmpty() ? o.softwareUnknown : 0);
      s.anyRequired = !required.get(code).isEmpty();
      for (String child : children.getOrDefault(code, List.of())) {
        // Absent for a child rolled up on its own (the start of an unreached group).
        Sums c = sums.remove(child);
        if (c != null) {
          s.add(c);
        }
      }
      sums.put(code, s);
      OfficeHours effective = hours.get(code);
      boolean isOpen = open.computeIfAbsent(effective, h -> h.isOpen(now));
      result.put(code, coverage(u, s, effective, isOpen, required.get(code)));
    }
    return rank(result, children);
  }

  /**
   * Adds the units below {@code starts} in pre-order (parents before children), each once, with
   * their effective office hours and required applications; a start whose parent was not walked
   * takes the defaults.
   */
  private static void visit(
      List<String> starts,
      Map<String, Unit> units,
      Map<String, List<String>> children,
      Set<String> visited,
      List<String> order,
      Map<String, OfficeHours> hours,
      Map<String, List<RequiredApplication>> required) {
    Deque<String> stack = new ArrayDeque<>();
    for (int i = starts.size() - 1; i >= 0; i--) {
      stack.push(starts.get(i));
    }
    while (!stack.isEmpty()) {
      String code = stack.pop();
      if (!visited.add(code)) {
        continue;
      }
      Unit u = units.get(code);
      OfficeHours parentHours = u.parent() == null ? null : hours.get(u.parent());
      if (parentHours == null) {
        parentHours = OfficeHours.DEFAULT;
      }
      hours.put(code, u.officeHours() == null ? parentHours : u.officeHours().over(parentHours));
      List<RequiredApplication> parentRequired =
          u.parent() == null ? null : required.get(u.parent());
      required.put(
          code,
          u.requiredApplications() != null
              ? u.requiredApplications()
              : parentRequired == null ? List.of() : parentRequired);
      order.add(code);
      List<String> kids = children.getOrDefault(code, List.of());
      for (int i = kids.size() - 1; i >= 0; i--) {
        if (!visited.contains(kids.get(i))) {
          stack.push(kids.get(i));
        }
      }
    }
  }

  private UnitCoverage coverage(
      Unit u,
      Sums s,
      OfficeHours effective,
      boolean isOpen,
      List<RequiredApplication> effectiveRequired) {
    Double equipment = s.staff == 0 ? null : (double) s.equipped / s.staff;
    Double connectivity = s.working == 0 ? null : (double) s.internet / s.working;
    Double compliance = s.working == 0 ? null : (double) s.compliant / s.working;
    // Nothing required anywhere in the subtree: no figure (not a 100% that means nothing).
    Integer softwareReady = s.anyRequired ? s.softwareReady : null;
    Double software =
        s.working == 0 || !s.anyRequired ? null : (double) s.softwareReady / s.working;
    Map<String, Integer> byState = new LinkedHashMap<>();
    for (MachineState state : MachineState.values()) {
      byState.put(state.label(), s.states[state.ordinal()]);
    }
    return new UnitCoverage(
        u.code(),
        u.name(),
        u.parent(),
        u.kind(),
        byState,
        isOpen,
        u.officeHours(),
        effective,
        new UnitFigures(
            s.staff,
            u.staff(),
            s.equipped,
            s.working,
            s.internet,
            s.compliant,
            equipment,
            connectivity,
            compliance,
            score(equipment, connectivity, compliance, software),
            u.equipmentTarget(),
            u.connectivityTarget(),
            0,
            0,
            s.protectedPcs,
            s.working == 0 ? null : (double) s.protectedPcs / s.working,
            u.protectionTarget(),
            softwareReady,
            software,
            config.readiness().softwareTarget()),
        u.requiredApplications(),
        effectiveRequired);
  }

  private Double score(Double equipment, Double connectivity, Double compliance, Double software) {
    var p = config.readiness();
    double sum = 0;
    double weights = 0;
    double[][] parts = {
      {equipment == null ? Double.NaN : equipment, p.weightEquipment()},
      {connectivity == null ? Double.NaN : connectivity, p.weightConnectivity()},
      {compliance == null ? Double.NaN : compliance, p.weightCompliance()},
      {software == null ? Double.NaN : software, p.weightSoftware()}
    };
    for (double[] part : parts) {
      if (!Double.isNaN(part[0]) && part[1] > 0) {
        sum += part[0] * part[1];
        weights += part[1];
      }
    }
    return weights == 0 ? null : sum / weights;
  }

  /**
   * Rank = 1 + siblings with a strictly higher score (ties share a rank; units without a score rank
   * last), found by sorting each set of siblings: n log n, not n².
   */
  private static List<UnitCoverage> rank(
      Map<String, UnitCoverage> all, Map<String, List<String>> children) {
    Map<String, int[]> ranks = new HashMap<>();
    for (List<String> codes : children.values()) {
      List<UnitCoverage> siblings = new ArrayList<>(codes.size());
      for (String code : codes) {
        UnitCoverage u = all.get(code);
        if (u != null) {
          siblings.add(u);
        }
      }
      siblings.sort(
          Comparator.comparing(
              (UnitCoverage u) -> u.figures().readinessScore(),
              Comparator.nullsLast(Comparator.reverseOrder())));
      int rank = 1;
      for (int i = 0; i < siblings.size(); i++) {
        UnitCoverage u = siblings.get(i);
        if (i > 0 && better(siblings.get(i - 1), u)) {
          rank = i + 1;
        }
        ranks.put(u.code(), new int[] {rank, codes.size()});
      }
    }
    List<UnitCoverage> out = new ArrayList<>(all.size());
    all.values().stream()
        .sorted(Comparator.comparing(UnitCoverage::code))
        .forEach(
            u -> {
              int[] r = ranks.get(u.code());
              out.add(u.ranked(r[0], r[1]));
            });
    return out;
  }

  private static boolean better(UnitCoverage a, UnitCoverage b) {
    if (a.figures().readinessScore() == null) {
      return false;
    }
    return b.figures().readinessScore() == null
        || a.figures().readinessScore() > b.figures().readinessScore();
  }
}

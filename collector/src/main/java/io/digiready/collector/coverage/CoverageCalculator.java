package io.digiready.collector.coverage;

import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.config.CollectorConfig.ReadinessPolicy;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.OfficeHours;
import io.digiready.collector.fleet.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 *       not the collector's policy requires anti-malware).
 * </ul>
 */
public final class CoverageCalculator {
  private final CollectorConfig config;

  public CoverageCalculator(CollectorConfig config) {
    this.config = config;
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
      boolean protectedPc) {
    public Readiness.Result readiness() {
      return Readiness.evaluate(machine, policy, at);
    }
  }

  public MachineView view(Machine m, Instant now) {
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
        Readiness.status(Readiness.Rule.ANTI_MALWARE, m, policy, now) == Readiness.Status.PASS);
  }

  private static final class Own {
    int staff;
    final Map<MachineState, Integer> states = new HashMap<>();
    int working;
    int internet;
    int compliant;
    int protectedPcs;
  }

  /** All units, in a stable order (by code), with their subtree figures. */
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
      MachineView v = view(m, now);
      o.states.merge(v.state(), 1, Integer::sum);
      if (v.state().working()) {
        o.working++;
        o.internet += v.internet() ? 1 : 0;
        o.compliant += v.compliant() ? 1 : 0;
        o.protectedPcs += v.protectedPc() ? 1 : 0;
      }
    }
    Map<String, List<String>> children = new HashMap<>();
    units.values().stream()
        .sorted(Comparator.comparing(Unit::code))
        .forEach(u -> children.computeIfAbsent(u.parent(), p -> new ArrayList<>()).add(u.code()));

    Map<String, UnitCoverage> result = new LinkedHashMap<>();
    Map<String, OfficeHours> hours = new HashMap<>();
    for (String root : children.getOrDefault(null, List.of())) {
      walk(root, units, own, children, OfficeHours.DEFAULT, now, result, hours);
    }
    return rank(result, children);
  }

  private record Sums(
      int staff,
      int equipped,
      Map<MachineState, Integer> states,
      int working,
      int internet,
      int compliant,
      int protectedPcs) {}

  private Sums walk(
      String code,
      Map<String, Unit> units,
      Map<String, Own> own,
      Map<String, List<String>> children,
      OfficeHours parentHours,
      Instant now,
      Map<String, UnitCoverage> out,
      Map<String, OfficeHours> hoursOut) {
    Unit u = units.get(code);
    Own o = own.get(code);
    OfficeHours effective =
        u.officeHours() == null ? parentHours : u.officeHours().over(parentHours);
    int staff = o.staff;
    int equipped = Math.min(o.working, o.staff);
    Map<MachineState, Integer> states = new HashMap<>(o.states);
    int working = o.working;
    int internet = o.internet;
    int compliant = o.compliant;
    int protectedPcs = o.protectedPcs;
    for (String child : children.getOrDefault(code, List.of())) {
      Sums s = walk(child, units, own, children, effective, now, out, hoursOut);
      staff += s.staff;
      equipped += s.equipped;
      s.states.forEach((k, v) -> states.merge(k, v, Integer::sum));
      working += s.working;
      internet += s.internet;
      compliant += s.compliant;
      protectedPcs += s.protectedPcs;
    }
    Double equipment = staff == 0 ? null : (double) equipped / staff;
    Double connectivity = working == 0 ? null : (double) internet / working;
    Double compliance = working == 0 ? null : (double) compliant / working;
    Map<String, Integer> byState = new LinkedHashMap<>();
    for (MachineState s : MachineState.values()) {
      byState.put(s.label(), states.getOrDefault(s, 0));
    }
    out.put(
        code,
        new UnitCoverage(
            u.code(),
            u.name(),
            u.parent(),
            u.kind(),
            staff,
            u.staff(),
            byState,
            working,
            internet,
            compliant,
            equipment,
            connectivity,
            compliance,
            score(equipment, connectivity, compliance),
            u.equipmentTarget(),
            u.connectivityTarget(),
            0,
            0,
            effective.isOpen(now),
            u.officeHours(),
            effective,
            protectedPcs,
            working == 0 ? null : (double) protectedPcs / working,
            u.protectionTarget()));
    return new Sums(staff, equipped, states, working, internet, compliant, protectedPcs);
  }

  private Double score(Double equipment, Double connectivity, Double compliance) {
    var p = config.readiness();
    double sum = 0;
    double weights = 0;
    double[][] parts = {
      {equipment == null ? Double.NaN : equipment, p.weightEquipment()},
      {connectivity == null ? Double.NaN : connectivity, p.weightConnectivity()},
      {compliance == null ? Double.NaN : compliance, p.weightCompliance()}
    };
    for (double[] part : parts) {
      if (!Double.isNaN(part[0]) && part[1] > 0) {
        sum += part[0] * part[1];
        weights += part[1];
      }
    }
    return weights == 0 ? null : sum / weights;
  }

  /** Rank = 1 + siblings with a strictly higher score; units without a score rank last. */
  private static List<UnitCoverage> rank(
      Map<String, UnitCoverage> all, Map<String, List<String>> children) {
    List<UnitCoverage> out = new ArrayList<>();
    Map<String, int[]> ranks = new HashMap<>();
    for (List<String> siblings : children.values()) {
      for (String code : siblings) {
        UnitCoverage u = all.get(code);
        if (u == null) {
          continue;
        }
        int rank = 1;
        for (String other : siblings) {
          UnitCoverage o = all.get(other);
          if (o != null && !Objects.equals(other, code) && better(o, u)) {
            rank++;
          }
        }
        ranks.put(code, new int[] {rank, siblings.size()});
      }
    }
    all.values().stream()
        .sorted(Comparator.comparing(UnitCoverage::code))
        .forEach(
            u -> {
              int[] r = ranks.get(u.code());
              out.add(
                  new UnitCoverage(
                      u.code(),
                      u.name(),
                      u.parent(),
                      u.kind(),
                      u.staff(),
                      u.ownStaff(),
                      u.machines(),
                      u.workingMachines(),
                      u.internetMachines(),
                      u.compliantMachines(),
                      u.equipmentCoverage(),
                      u.connectivityCoverage(),
                      u.compliance(),
                      u.readinessScore(),
                      u.equipmentTarget(),
                      u.connectivityTarget(),
                      r[0],
                      r[1],
                      u.officeHoursNow(),
                      u.officeHours(),
                      u.effectiveOfficeHours(),
                      u.protectedMachines(),
                      u.protectionCoverage(),
                      u.protectionTarget()));
            });
    return out;
  }

  private static boolean better(UnitCoverage a, UnitCoverage b) {
    if (a.readinessScore() == null) {
      return false;
    }
    return b.readinessScore() == null || a.readinessScore() > b.readinessScore();
  }
}

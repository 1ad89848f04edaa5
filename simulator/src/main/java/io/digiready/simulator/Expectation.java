package io.digiready.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the collector must report for each unit, computed from what the simulator did, with the
 * design's formulas. Kept independent of the collector's code on purpose: it is the check.
 */
public final class Expectation {

  /** The state each simulated machine must be in when the figures are read. */
  public enum State {
    ONLINE,
    OFFLINE,
    STALE
  }

  /**
   * One simulated machine as the expectation needs it. {@code protectedPc}: it has an anti-malware
   * product enabled with current definitions.
   */
  public record MachineFacts(
      String unit,
      State state,
      boolean internet,
      boolean compliant,
      boolean protectedPc,
      List<String> software) {
    public MachineFacts(String unit, State state, boolean internet, boolean compliant) {
      this(unit, state, internet, compliant, false);
    }

    public MachineFacts(
        String unit, State state, boolean internet, boolean compliant, boolean protectedPc) {
      this(unit, state, internet, compliant, protectedPc, null);
    }
  }

  /**
   * Expected figures of one unit over its subtree. {@code protectedMachines} counts the working
   * machines with an enabled, up-to-date anti-malware product, {@code protectionCoverage} their
   * share of the working machines (null without working machines). {@code softwareReady}: working
   * machines with every required application of their unit, {@code softwareCoverage} their share;
   * both null when no unit of the subtree requires anything.
   */
  public record UnitFigures(
      String code,
      long staff,
      long online,
      long offline,
      long stale,
      long working,
      long internet,
      long compliant,
      Double equipmentCoverage,
      Double connectivityCoverage,
      Double compliance,
      Double readinessScore,
      Integer rank,
      int of,
      long protectedMachines,
      Double protectionCoverage,
      Long softwareReady,
      Double softwareCoverage) {}

  /** Weights of equipment, connectivity and compliance in the readiness score. */
  public record Weights(double equipment, double connectivity, double compliance) {
    public static final Weights EQUAL = new Weights(1, 1, 1);
  }

  private Expectation() {}

  public static Map<String, UnitFigures> compute(
      List<UnitRow> units, List<MachineFacts> machines, Weights weights) {
    Map<String, List<String>> children = new HashMap<>();
    for (UnitRow u : units) {
      children.computeIfAbsent(u.parent(), k -> new ArrayList<>()).add(u.code());
    }
    Map<String, UnitRow> byCode = new LinkedHashMap<>();
    units.forEach(u -> byCode.put(u.code(), u));
    Map<String, List<MachineFacts>> own = new HashMap<>();
    for (MachineFacts m : machines) {
      own.computeIfAbsent(m.unit(), k -> new ArrayList<>()).add(m);
    }

    Map<String, List<String>> required = new HashMap<>();
    for (UnitRow u : units) {
      required.put(u.code(), required(u, byCode));
    }
    Map<String, UnitFigures> figures = new LinkedHashMap<>();
    for (UnitRow unit : units) {
      List<String> subtree = new ArrayList<>();
      collect(unit.code(), children, subtree);
      long staff = 0;
      long equipped = 0;
      long online = 0;
      long offline = 0;
      long stale = 0;
      long internet = 0;
      long compliant = 0;
      long protectedMachines = 0;
      long softwareReady = 0;
      boolean anyRequired = false;
      for (String code : subtree) {
        anyRequired |= !required.get(code).isEmpty();
        long unitStaff = byCode.get(code).staff();
        long working = 0;
        for (MachineFacts m : own.getOrDefault(code, List.of())) {
          switch (m.state()) {
            case ONLINE -> online++;
            case OFFLINE -> offline++;
            case STALE -> stale++;
          }
          if (m.state() != State.STALE) {
            working++;
            internet += m.internet() ? 1 : 0;
            compliant += m.compliant() ? 1 : 0;
            protectedMachines += m.protectedPc() ? 1 : 0;
            softwareReady += hasAll(m.software(), required.get(code)) ? 1 : 0;
          }
        }
        staff += unitStaff;
        // Spare PCs in one unit do not equip the staff of another.
        equipped += Math.min(working, unitStaff);
      }
      long working = online + offline;
      Double equipment = staff == 0 ? null : (double) equipped / staff;
      Double connectivity = working == 0 ? null : (double) internet / working;
      Double compliance = working == 0 ? null : (double) compliant / working;
      Double score = weightedMean(equipment, connectivity, compliance, weights);
      Double protection = working == 0 ? null : (double) protectedMachines / working;
      Double software = working == 0 || !anyRequired ? null : (double) softwareReady / working;
      figures.put(
          unit.code(),
          new UnitFigures(
              unit.code(),
              staff,
              online,
              offline,
              stale,
              working,
              internet,
              compliant,
              equipment,
              connectivity,
              compliance,
              score,
              null,
              0,
              protectedMachines,
              protection,
              anyRequired ? softwareReady : null,
              software));
    }
    return rank(units, figures);
  }

  /** The unit's own matches, else its nearest ancestor's, else none. */
  private static List<String> required(UnitRow u, Map<String, UnitRow> byCode) {
    for (UnitRow at = u; at != null; at = at.parent() == null ? null : byCode.get(at.parent())) {
      if (at.required() != null) {
        return at.required();
      }
    }
    return List.of();
  }

  /** Every match is a piece of one installed name, ignoring case and accents. */
  static boolean hasAll(List<String> software, List<String> matches) {
    List<String> names =
        software == null ? List.of() : software.stream().map(Expectation::bare).toList();
    return matches.stream()
        .map(Expectation::bare)
        .allMatch(m -> names.stream().anyMatch(n -> n.contains(m)));
  }

  /** Lower case without accents; đ is a letter of its own in Unicode, so it is mapped by hand. */
  static String bare(String s) {
    String d = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
    return d.replaceAll("\\p{M}", "")
        .replace('đ', 'd')
        .replace('Đ', 'D')
        .toLowerCase(java.util.Locale.ROOT);
  }

  static Double weightedMean(Double a, Double b, Double c, Weights w) {
    double sum = 0;
    double weight = 0;
    double[][] parts = {
      {a == null ? Double.NaN : a, w.equipment()},
      {b == null ? Double.NaN : b, w.connectivity()},
      {c == null ? Double.NaN : c, w.compliance()}
    };
    for (double[] part : parts) {
      if (!Double.isNaN(part[0])) {
        sum += part[0] * part[1];
        weight += part[1];
      }
    }
    return weight == 0 ? null : sum / weight;
  }

  /**
   * Standard competition ranking among siblings: equal scores share a rank; no score ranks none.
   */
  private static Map<String, UnitFigures> rank(
      List<UnitRow> units, Map<String, UnitFigures> figures) {
    Map<String, List<UnitFigures>> siblings = new HashMap<>();
    for (UnitRow u : units) {
      siblings
          .computeIfAbsent(u.parent() == null ? "" : u.parent(), k -> new ArrayList<>())
          .add(figures.get(u.code()));
    }
    Map<String, UnitFigures> ranked = new LinkedHashMap<>(figures);
    for (List<UnitFigures> group : siblings.values()) {
      List<UnitFigures> scored =
          group.stream()
              .filter(f -> f.readinessScore() != null)
              .sorted(Comparator.comparing(UnitFigures::readinessScore).reversed())
              .toList();
      for (UnitFigures f : group) {
        Integer rank = null;
        if (f.readinessScore() != null) {
          rank =
              1
                  + (int)
                      scored.stream().filter(o -> o.readinessScore() > f.readinessScore()).count();
        }
        ranked.put(
            f.code(),
            new UnitFigures(
                f.code(),
                f.staff(),
                f.online(),
                f.offline(),
                f.stale(),
                f.working(),
                f.internet(),
                f.compliant(),
                f.equipmentCoverage(),
                f.connectivityCoverage(),
                f.compliance(),
                f.readinessScore(),
                rank,
                scored.size(),
                f.protectedMachines(),
                f.protectionCoverage(),
                f.softwareReady(),
                f.softwareCoverage()));
      }
    }
    return ranked;
  }

  private static void collect(String code, Map<String, List<String>> children, List<String> out) {
    out.add(code);
    for (String child : children.getOrDefault(code, List.of())) {
      collect(child, children, out);
    }
  }
}

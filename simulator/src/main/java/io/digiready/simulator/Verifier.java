package io.digiready.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares the collector's {@code GET /api/v1/units} with the simulator's expectation. */
public final class Verifier {
  private static final double EPSILON = 1e-9;

  private Verifier() {}

  /** Returns one line per difference; empty when every unit matches exactly. */
  public static List<String> differences(
      Map<String, Expectation.UnitFigures> expected, List<Map<String, Object>> actualUnits) {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> actual : actualUnits) {
      String code = (String) actual.get("code");
      Expectation.UnitFigures e = expected.get(code);
      if (e == null) {
        continue; // a unit the simulator did not model (e.g. created by hand)
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> states = (Map<String, Object>) actual.getOrDefault("machines", Map.of());
      compare(problems, code, "staff", e.staff(), actual.get("staff"));
      compare(problems, code, "machines.online", e.online(), states.getOrDefault("online", 0));
      compare(problems, code, "machines.offline", e.offline(), states.getOrDefault("offline", 0));
      compare(problems, code, "machines.stale", e.stale(), states.getOrDefault("stale", 0));
      compare(problems, code, "workingMachines", e.working(), actual.get("workingMachines"));
      compare(problems, code, "internetMachines", e.internet(), actual.get("internetMachines"));
      compare(problems, code, "compliantMachines", e.compliant(), actual.get("compliantMachines"));
      compare(
          problems,
          code,
          "equipmentCoverage",
          e.equipmentCoverage(),
          actual.get("equipmentCoverage"));
      compare(
          problems,
          code,
          "connectivityCoverage",
          e.connectivityCoverage(),
          actual.get("connectivityCoverage"));
      compare(problems, code, "compliance", e.compliance(), actual.get("compliance"));
      compare(problems, code, "readinessScore", e.readinessScore(), actual.get("readinessScore"));
      compare(problems, code, "rank", e.rank(), actual.get("rank"));
      compare(
          problems,
          code,
          "protectedMachines",
          e.protectedMachines(),
          actual.get("protectedMachines"));
      compare(
          problems,
          code,
          "protectionCoverage",
          e.protectionCoverage(),
          actual.get("protectionCoverage"));
      compare(
          problems,
          code,
          "softwareReadyMachines",
          e.softwareReady(),
          actual.get("softwareReadyMachines"));
      compare(
          problems, code, "softwareCoverage", e.softwareCoverage(), actual.get("softwareCoverage"));
      compare(problems, code, "of", e.of(), actual.get("of"));
    }
    for (String code : expected.keySet()) {
      if (actualUnits.stream().noneMatch(u -> code.equals(u.get("code")))) {
        problems.add(code + ": missing from the collector's units");
      }
    }
    return problems;
  }

  private static void compare(
      List<String> problems, String code, String field, Object want, Object got) {
    boolean same;
    if (want instanceof Number w && got instanceof Number g) {
      same = Math.abs(w.doubleValue() - g.doubleValue()) <= EPSILON;
    } else {
      same = Objects.equals(want, got);
    }
    if (!same) {
      problems.add(code + "." + field + ": expected " + want + ", collector says " + got);
    }
  }
}

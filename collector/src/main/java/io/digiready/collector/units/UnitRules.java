package io.digiready.collector.units;

import io.digiready.collector.fleet.Unit;
import io.digiready.collector.problem.Problem;
import io.digiready.protocol.Text;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a unit's fields; every message names the field ("staff: must be >= 0. Found: -1"). */
public final class UnitRules {
  public static final Pattern CODE = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
  static final int MAX_CODE = 128;
  static final int MAX_NAME = 256;
  static final int MAX_STAFF = 10_000_000;

  /** Province, district, commune and a few agency levels fit with room to spare. */
  public static final int MAX_DEPTH = 12;

  private UnitRules() {}

  /** Turns a body into a unit with defaults applied, or throws a 400 naming the field. */
  public static Unit toUnit(UnitBody b, String prefix) {
    String code = b.code();
    if (code == null || code.isEmpty()) {
      throw bad(prefix, "code", "is required");
    }
    if (code.length() > MAX_CODE || !CODE.matcher(code).matches()) {
      throw bad(
          prefix,
          "code",
          "must be lower-case ASCII letters and digits joined by '.', '-' or '_'"
              + " (at most "
              + MAX_CODE
              + "). Found: "
              + shorten(code));
    }
    if (b.name() == null || b.name().isBlank()) {
      throw bad(prefix, "name", "is required");
    }
    if (b.name().length() > MAX_NAME || b.name().chars().anyMatch(Character::isISOControl)) {
      throw bad(prefix, "name", "must be at most " + MAX_NAME + " characters without control");
    }
    if (!Text.wellFormed(b.name())) {
      throw bad(prefix, "name", Text.NOT_WELL_FORMED);
    }
    if (b.kind() == null || b.kind().isBlank()) {
      throw bad(prefix, "kind", "is required");
    }
    if (b.kind().length() > 64 || !b.kind().matches("[A-Za-z0-9_-]+")) {
      throw bad(prefix, "kind", "must be a word such as province, district, commune, agency");
    }
    if (b.staff() == null) {
      throw bad(prefix, "staff", "is required");
    }
    if (b.staff() < 0 || b.staff() > MAX_STAFF) {
      throw bad(prefix, "staff", "must be from 0 to " + MAX_STAFF + ". Found: " + b.staff());
    }
    double equipment = ratio(prefix, "equipmentTarget", b.equipmentTarget(), 1.0);
    double connectivity = ratio(prefix, "connectivityTarget", b.connectivityTarget(), 0.98);
    double protection = ratio(prefix, "protectionTarget", b.protectionTarget(), 1.0);
    String parent = b.parent() == null || b.parent().isEmpty() ? null : b.parent();
    if (code.equals(parent)) {
      throw bad(prefix, "parent", "must not be the unit itself");
    }
    if (b.officeHours() != null) {
      String problem = b.officeHours().problem(prefix + "officeHours");
      if (problem != null) {
        throw Problem.invalid(problem);
      }
    }
    return new Unit(
        code,
        b.name(),
        parent,
        b.kind(),
        b.staff(),
        equipment,
        connectivity,
        b.officeHours(),
        protection,
        RequiredApplicationsRule.check(prefix, b.requiredApplications()));
  }

  /**
   * Checks the units of {@code changed} (code to the prefix of its messages, in the order to report
   * them) within {@code units}, the whole tree as it would be after the change: each parent exists,
   * no unit is its own ancestor, and neither a changed unit nor any unit below it is deeper than
   * {@link #MAX_DEPTH} levels. Runs in time proportional to the tree, with no recursion, whatever
   * its shape.
   */
  public static void checkTree(Map<String, Unit> units, Map<String, String> changed) {
    checkParents(UnitTree.parents(units), changed);
  }

  /**
   * The same over each unit's parent code (null for a root), as the database holds the tree: the
   * check a write repeats inside its transaction.
   */
  public static void checkParents(Map<String, String> parents, Map<String, String> changed) {
    for (Map.Entry<String, String> e : changed.entrySet()) {
      String parent = parents.get(e.getKey());
      if (parent != null && !parents.containsKey(parent)) {
        throw bad(e.getValue(), "parent", "unknown unit. Found: " + shorten(parent));
      }
    }
    UnitTree tree = new UnitTree(parents);
    for (Map.Entry<String, String> e : changed.entrySet()) {
      int depth = tree.depth(e.getKey());
      if (depth == UnitTree.CYCLE) {
        throw bad(
            e.getValue(),
            "parent",
            "would make a cycle (a unit cannot be below itself). Found: "
                + shorten(parents.get(e.getKey())));
      }
      if (depth > MAX_DEPTH) {
        throw bad(
            e.getValue(),
            "parent",
            "would put the unit " + depth + " levels deep (at most " + MAX_DEPTH + ")");
      }
    }
    Map<String, List<String>> children = UnitTree.children(parents);
    for (Map.Entry<String, String> e : changed.entrySet()) {
      UnitTree.Deepest deepest = tree.deepestBelow(e.getKey(), children);
      if (deepest != null && deepest.depth() > MAX_DEPTH) {
        throw bad(
            e.getValue(),
            "parent",
            "would put unit "
                + deepest.code()
                + " (below this one) "
                + deepest.depth()
                + " levels deep (at most "
                + MAX_DEPTH
                + ")");
      }
    }
  }

  private static double ratio(String prefix, String field, Double value, double def) {
    if (value == null) {
      return def;
    }
    if (!Double.isFinite(value) || value < 0 || value > 1) {
      throw bad(prefix, field, "must be from 0 to 1. Found: " + value);
    }
    return value;
  }

  private static Problem bad(String prefix, String field, String expectation) {
    return prefix.isEmpty()
        ? Problem.invalid(field, expectation)
        : Problem.invalid(prefix + field + ": " + expectation);
  }

  static String shorten(String s) {
    return Problem.shorten(s);
  }
}

package io.digiready.collector.units;

import io.digiready.collector.fleet.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The depth of every unit of a tree (a root is level 1), computed by walking up parent links with a
 * loop and remembering every answer, so a 4,000-deep chain or a 10,000-unit cycle costs time in
 * proportion to its size and never a deep call stack. A unit in a cycle, or below one, has no depth
 * ({@link #CYCLE}). A parent that is not in the map counts as no parent.
 */
final class UnitTree {
  static final int CYCLE = -1;

  private final Map<String, Unit> units;
  private final Map<String, Integer> depth = new HashMap<>();

  UnitTree(Map<String, Unit> units) {
    this.units = units;
  }

  /** The unit's level (1 for a root), or {@link #CYCLE}. */
  int depth(String code) {
    Integer known = depth.get(code);
    if (known != null) {
      return known;
    }
    List<String> path = new ArrayList<>();
    Set<String> onPath = new HashSet<>();
    String at = code;
    int base = 0;
    while (at != null) {
      Integer d = depth.get(at);
      if (d != null) {
        base = d;
        break;
      }
      if (!onPath.add(at)) {
        base = CYCLE;
        break;
      }
      path.add(at);
      Unit u = units.get(at);
      at = u == null ? null : u.parent();
    }
    for (int i = path.size() - 1; i >= 0; i--) {
      base = base == CYCLE ? CYCLE : base + 1;
      depth.put(path.get(i), base);
    }
    return depth.get(code);
  }

  /**
   * The deepest unit at or below {@code code} and its level, found breadth-first over the children,
   * or null when the unit itself has no depth.
   */
  Deepest deepestBelow(String code, Map<String, List<String>> children) {
    int top = depth(code);
    if (top == CYCLE) {
      return null;
    }
    Deepest deepest = new Deepest(code, top);
    List<String> level = List.of(code);
    Set<String> seen = new HashSet<>(level);
    int d = top;
    while (!level.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (String at : level) {
        for (String child : children.getOrDefault(at, List.of())) {
          if (seen.add(child)) {
            next.add(child);
          }
        }
      }
      d++;
      if (!next.isEmpty()) {
        deepest = new Deepest(next.get(0), d);
      }
      level = next;
    }
    return deepest;
  }

  record Deepest(String code, int depth) {}

  /** Parent code to child codes, for {@link #deepestBelow}. */
  static Map<String, List<String>> children(Map<String, Unit> units) {
    Map<String, List<String>> children = new HashMap<>();
    for (Unit u : units.values()) {
      if (u.parent() != null) {
        children.computeIfAbsent(u.parent(), p -> new ArrayList<>()).add(u.code());
      }
    }
    return children;
  }
}

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
 * ({@link #CYCLE}). A parent that is not in the map counts as no parent. The tree is given as each
 * unit's parent code (null for a root), so that it can come from the units in memory or from the
 * database's rows alike.
 */
final class UnitTree {
  static final int CYCLE = -1;

  private final Map<String, String> parents;
  private final Map<String, Integer> depth = new HashMap<>();

  UnitTree(Map<String, String> parents) {
    this.parents = parents;
  }

  /** Each unit's parent code (null for a root), by code. */
  static Map<String, String> parents(Map<String, Unit> units) {
    Map<String, String> parents = new HashMap<>();
    units.forEach((code, u) -> parents.put(code, u.parent()));
    return parents;
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
      at = parents.get(at);
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
  static Map<String, List<String>> children(Map<String, String> parents) {
    Map<String, List<String>> children = new HashMap<>();
    parents.forEach(
        (code, parent) -> {
          if (parent != null) {
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(code);
          }
        });
    return children;
  }
}

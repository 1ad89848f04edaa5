package io.digiready.collector.software;

import io.digiready.protocol.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The events a new software list makes, compared with the stored one: "software Zalo 24.11.1
 * installed", "software TeamViewer 15.48.5 removed", "software Google Chrome 130.0.6723.117 ->
 * 131.0.6778.86". Applications are matched by name; a change of vendor or install date alone is
 * stored but makes no event.
 *
 * <p>Bounded: a PC that installs an office suite (dozens of packages) or a Linux PC after a
 * distribution upgrade (hundreds) would bury its history under one row per package, so past {@link
 * #MAX_EVENTS} changes one event sums them up and names the first few. A machine's first list makes
 * one event too ("software list received: 312 applications").
 */
public final class SoftwareChanges {
  /** At most this many events per stored list; more changes make one summary event instead. */
  public static final int MAX_EVENTS = 10;

  private static final int NAMED_IN_SUMMARY = 5;

  private SoftwareChanges() {}

  /** The events; {@code before} null means the machine never sent a list. */
  public static List<String> between(
      List<Inventory.Software> before, List<Inventory.Software> after) {
    if (before == null) {
      return List.of("software list received: " + count(after.size()));
    }
    Map<String, TreeSet<String>> was = versions(before);
    Map<String, TreeSet<String>> now = versions(after);
    List<String> installed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    now.forEach(
        (name, versions) -> {
          TreeSet<String> old = was.get(name);
          if (old == null) {
            installed.add(name + shown(versions));
          } else if (!old.equals(versions)) {
            updated.add(name + shown(old) + " ->" + shown(versions));
          }
        });
    was.forEach(
        (name, versions) -> {
          if (!now.containsKey(name)) {
            removed.add(name + shown(versions));
          }
        });
    int total = installed.size() + removed.size() + updated.size();
    List<String> out = new ArrayList<>();
    if (total == 0) {
      return out;
    }
    if (total <= MAX_EVENTS) {
      installed.forEach(s -> out.add("software " + s + " installed"));
      removed.forEach(s -> out.add("software " + s + " removed"));
      updated.forEach(s -> out.add("software " + s));
      return out;
    }
    List<String> names = new ArrayList<>();
    for (List<String> part : List.of(installed, removed, updated)) {
      for (String s : part) {
        if (names.size() < NAMED_IN_SUMMARY) {
          names.add(s);
        }
      }
    }
    out.add(
        "software: "
            + installed.size()
            + " installed, "
            + removed.size()
            + " removed, "
            + updated.size()
            + " updated ("
            + String.join("; ", names)
            + (total > names.size() ? " and " + (total - names.size()) + " more" : "")
            + ")");
    return out;
  }

  private static String count(int n) {
    return n == 0 ? "no application" : n == 1 ? "1 application" : n + " applications";
  }

  /** Name to its versions ("" for none), names in order. */
  private static Map<String, TreeSet<String>> versions(List<Inventory.Software> list) {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    for (Inventory.Software s : list) {
      if (s == null || s.name() == null || s.name().isBlank()) {
        continue;
      }
      out.computeIfAbsent(s.name().strip(), k -> new TreeSet<>())
          .add(Objects.toString(s.version(), "").strip());
    }
    return out;
  }

  private static String shown(TreeSet<String> versions) {
    List<String> nonEmpty = versions.stream().filter(v -> !v.isEmpty()).toList();
    return nonEmpty.isEmpty() ? "" : " " + String.join(", ", nonEmpty);
  }
}

package io.digiready.collector.software;

import io.digiready.collector.events.Phrase;
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
  public static List<Phrase> between(
      List<Inventory.Software> before, List<Inventory.Software> after) {
    if (before == null) {
      return List.of(Phrase.of("softwareReceived", "count", after.size()));
    }
    Map<String, TreeSet<String>> was = versions(before);
    Map<String, TreeSet<String>> now = versions(after);
    List<String> installed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    // What was there and the versions now: "Google Chrome 130.0" and " 131.0".
    List<String[]> updated = new ArrayList<>();
    now.forEach(
        (name, versions) -> {
          TreeSet<String> old = was.get(name);
          if (old == null) {
            installed.add(name + shown(versions));
          } else if (!old.equals(versions)) {
            updated.add(new String[] {name + shown(old), shown(versions)});
          }
        });
    was.forEach(
        (name, versions) -> {
          if (!now.containsKey(name)) {
            removed.add(name + shown(versions));
          }
        });
    int total = installed.size() + removed.size() + updated.size();
    List<Phrase> out = new ArrayList<>();
    if (total == 0) {
      return out;
    }
    List<Phrase> each = new ArrayList<>();
    installed.forEach(s -> each.add(Phrase.of("softwareInstalled", "app", s)));
    removed.forEach(s -> each.add(Phrase.of("softwareRemoved", "app", s)));
    updated.forEach(u -> each.add(Phrase.of("softwareUpdated", "app", u[0], "versions", u[1])));
    if (total <= MAX_EVENTS) {
      return each;
    }
    List<String> names = new ArrayList<>();
    installed.stream().limit(NAMED_IN_SUMMARY).forEach(names::add);
    removed.stream().limit(NAMED_IN_SUMMARY - names.size()).forEach(names::add);
    updated.stream()
        .limit(NAMED_IN_SUMMARY - names.size())
        .forEach(u -> names.add(u[0] + " ->" + u[1]));
    boolean more = total > names.size();
    out.add(
        Phrase.of(
            more ? "softwareSummaryMore" : "softwareSummary",
            "installed",
            installed.size(),
            "removed",
            removed.size(),
            "updated",
            updated.size(),
            "names",
            Phrase.joined("; ", names),
            "more",
            total - names.size()));
    return out;
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

package io.digiready.collector.software;

import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.RequiredApplication;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps each machine's missing required applications up to date when the lists change rather than
 * when figures are asked for: an inventory works its own machine out as it arrives ({@code
 * InventoryService}); this class does it for every machine below a unit whose list an admin
 * changed, and once at start for the machines never worked out (a database from before the lists).
 * Each pass reads the machines' software as integers and the names once, and writes only the
 * machines whose answer changed.
 */
public final class RequiredSoftware {
  /** Machines worked out per read and per write transaction. */
  private static final int BATCH = 2_000;

  private final Fleet fleet;
  private final Store store;
  private final GroupCommitWriter writer;

  public RequiredSoftware(Fleet fleet, Store store, GroupCommitWriter writer) {
    this.fleet = fleet;
    this.store = store;
    this.writer = writer;
  }

  /** After units' own lists changed: works out again every machine at or below them. */
  public int unitsChanged(Collection<String> codes) {
    Set<String> units = new HashSet<>();
    for (String code : codes) {
      units.addAll(fleet.subtree(code));
    }
    return evaluate(fleet.machinesIn(units));
  }

  /**
   * The machines with a software list never worked out (a database from before the lists). A
   * machine that never sent a list is left unknown: it has nothing installed, which every reader of
   * the figure already takes unknown to mean, and a ministry's million new machines would otherwise
   * be written one by one before the collector listens.
   */
  public int evaluateUnknown() {
    List<Machine> machines = new ArrayList<>();
    for (Machine m : fleet.machines()) {
      if (m.retiredAt() == null
          && m.hardware().softwareMissing() == null
          && m.hardware().softwareAt() != null) {
        machines.add(m);
      }
    }
    return evaluate(machines);
  }

  private int evaluate(List<Machine> machines) {
    int changed = 0;
    for (int from = 0; from < machines.size(); from += BATCH) {
      changed += evaluateBatch(machines.subList(from, Math.min(machines.size(), from + BATCH)));
    }
    return changed;
  }

  private int evaluateBatch(List<Machine> machines) {
    List<String> ids = machines.stream().map(Machine::id).toList();
    Map<String, List<Integer>> vids = new HashMap<>();
    store.installedReleases(
        ids, (id, vid) -> vids.computeIfAbsent(id, k -> new ArrayList<>()).add(vid));
    Set<Integer> allVids = new HashSet<>();
    vids.values().forEach(allVids::addAll);
    Map<Integer, Integer> sidOf = store.releaseApplications(allVids);
    Map<Integer, String> names = store.softwareNames(new HashSet<>(sidOf.values()));
    Map<String, List<String>> updates = new LinkedHashMap<>();
    for (Machine m : machines) {
      List<String> installed = new ArrayList<>();
      for (Integer vid : vids.getOrDefault(m.id(), List.of())) {
        String name = names.get(sidOf.get(vid));
        if (name != null) {
          installed.add(name);
        }
      }
      List<String> missing =
          RequiredApplication.missing(fleet.requiredFor(m.unitCode()), installed);
      if (!Objects.equals(missing, m.hardware().softwareMissing())) {
        updates.put(m.id(), missing);
      }
    }
    if (updates.isEmpty()) {
      return 0;
    }
    writer.call(
        tx -> {
          for (var e : updates.entrySet()) {
            tx.machines().updateSoftwareMissing(e.getKey(), e.getValue());
          }
          return updates;
        },
        done ->
            done.forEach(
                (id, missing) ->
                    fleet
                        .machine(id)
                        .ifPresent(
                            m ->
                                fleet.putMachine(
                                    m.withHardware(m.hardware().withSoftwareMissing(missing))))));
    return updates.size();
  }
}

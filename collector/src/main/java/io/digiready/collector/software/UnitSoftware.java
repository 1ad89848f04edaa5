package io.digiready.collector.software;

import io.digiready.collector.fleet.Machine;
import io.digiready.collector.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the machines of one unit (not its subtree) have installed, counted: per application the
 * machines that have it, per release the machines that have that release. Built from the database
 * and kept in memory, so that a summary of a province adds up a few hundred units' counts instead
 * of reading millions of rows; {@link #signature} tells when the unit's machines changed since.
 */
record UnitSoftware(
    long signature,
    int machines,
    int reporting,
    int[] sids,
    int[] sidMachines,
    int[] vids,
    int[] vidSids,
    int[] vidMachines) {

  /** Counts the releases installed on {@code members} (the unit's machines that count). */
  static UnitSoftware build(Store store, List<Machine> members, long signature) {
    List<String> ids = new ArrayList<>(members.size());
    Map<String, Integer> index = new HashMap<>();
    for (Machine m : members) {
      index.put(m.id(), ids.size());
      ids.add(m.id());
    }
    int reporting = ids.isEmpty() ? 0 : store.softwareReported(ids).size();
    Map<Integer, int[]> perSid = new HashMap<>();
    Map<Integer, int[]> perVid = new HashMap<>();
    Set<Long> seen = new HashSet<>();
    if (!ids.isEmpty()) {
      store.installed(
          ids,
          (machineId, sid, vid) -> {
            perVid.computeIfAbsent(vid, k -> new int[] {sid, 0})[1]++;
            // A machine may carry two releases of one application: count the machine once.
            if (seen.add(((long) index.get(machineId) << 32) | (sid & 0xffffffffL))) {
              perSid.computeIfAbsent(sid, k -> new int[1])[0]++;
            }
          });
    }
    int[] sids = new int[perSid.size()];
    int[] sidMachines = new int[perSid.size()];
    int i = 0;
    for (var e : perSid.entrySet()) {
      sids[i] = e.getKey();
      sidMachines[i++] = e.getValue()[0];
    }
    int[] vids = new int[perVid.size()];
    int[] vidSids = new int[perVid.size()];
    int[] vidMachines = new int[perVid.size()];
    i = 0;
    for (var e : perVid.entrySet()) {
      vids[i] = e.getKey();
      vidSids[i] = e.getValue()[0];
      vidMachines[i++] = e.getValue()[1];
    }
    return new UnitSoftware(
        signature, members.size(), reporting, sids, sidMachines, vids, vidSids, vidMachines);
  }

  /**
   * Changes whenever a machine joins or leaves the unit (enrolled, moved, retired) or stores a new
   * inventory (its software list included), on this collector or on another one sharing the
   * database (their changes reach this one's fleet). Order-independent.
   */
  static long signature(List<Machine> members) {
    long sum = members.size();
    for (Machine m : members) {
      var at = m.hardware().inventoryAt();
      sum += mix(m.id().hashCode() * 0x9E3779B97F4A7C15L + (at == null ? 0 : at.toEpochMilli()));
    }
    return sum;
  }

  /** SplitMix64's finalizer: spreads similar inputs over the whole range. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

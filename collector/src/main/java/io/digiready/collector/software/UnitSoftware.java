package io.digiready.collector.software;

import io.digiready.collector.fleet.Machine;
import io.digiready.collector.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * What the machines of one unit (not its subtree) have installed, counted: per application the
 * machines that have it, per release the machines that have that release. Built from the database
 * and kept in memory, so that a summary of a province adds up a few hundred units' counts instead
 * of reading millions of rows; {@link #signature} tells when the unit's machines changed since. Ids
 * are the database's dense integer keys, so that adding units up is array arithmetic.
 */
record UnitSoftware(
    long signature,
    int machines,
    int reporting,
    int[] sids,
    int[] sidMachines,
    int[] vids,
    int[] vidMachines,
    int maxSid,
    int maxVid) {

  /**
   * Counts the releases installed on {@code members} (the unit's machines that count); {@code
   * applications} knows each release's application.
   */
  static UnitSoftware build(
      Store store, List<Machine> members, long signature, Applications applications) {
    if (members.stream().allMatch(m -> m.hardware().softwareAt() == null)) {
      // No member ever sent a list (the fleet knows each one's, like the signature): nothing to
      // read. A new fleet's ten thousand units start without two queries each.
      int[] none = new int[0];
      return new UnitSoftware(signature, members.size(), 0, none, none, none, none, 0, 0);
    }
    List<String> ids = new ArrayList<>(members.size());
    Map<String, Integer> index = new HashMap<>();
    for (Machine m : members) {
      index.put(m.id(), ids.size());
      ids.add(m.id());
    }
    int reporting = ids.isEmpty() ? 0 : store.softwareReported(ids).size();
    List<long[]> rows = new ArrayList<>();
    if (!ids.isEmpty()) {
      store.installedReleases(
          ids, (machineId, vid) -> rows.add(new long[] {index.get(machineId), vid}));
    }
    Set<Integer> vidSet = new HashSet<>();
    rows.forEach(r -> vidSet.add((int) r[1]));
    IntUnaryOperator sidOf = applications.of(vidSet);
    Map<Integer, int[]> perSid = new HashMap<>();
    Map<Integer, int[]> perVid = new HashMap<>();
    Set<Long> seen = new HashSet<>();
    for (long[] r : rows) {
      int vid = (int) r[1];
      int sid = sidOf.applyAsInt(vid);
      perVid.computeIfAbsent(vid, k -> new int[1])[0]++;
      // A machine may carry two releases of one application: count the machine once.
      if (seen.add((r[0] << 32) | (sid & 0xffffffffL))) {
        perSid.computeIfAbsent(sid, k -> new int[1])[0]++;
      }
    }
    int[] sids = new int[perSid.size()];
    int[] sidMachines = new int[perSid.size()];
    int maxSid = 0;
    int i = 0;
    for (var e : perSid.entrySet()) {
      sids[i] = e.getKey();
      sidMachines[i++] = e.getValue()[0];
      maxSid = Math.max(maxSid, e.getKey());
    }
    int[] vids = new int[perVid.size()];
    int[] vidMachines = new int[perVid.size()];
    int maxVid = 0;
    i = 0;
    for (var e : perVid.entrySet()) {
      vids[i] = e.getKey();
      vidMachines[i++] = e.getValue()[0];
      maxVid = Math.max(maxVid, e.getKey());
    }
    return new UnitSoftware(
        signature, members.size(), reporting, sids, sidMachines, vids, vidMachines, maxSid, maxVid);
  }

  /**
   * Changes whenever a machine joins or leaves the unit (enrolled, moved, retired) or its software
   * list changes, on this collector or on another one sharing the database (their changes reach
   * this one's fleet), but not when only hardware, protection or an update date changes: a Patch
   * Tuesday must not make every unit recount. Order-independent.
   */
  static long signature(List<Machine> members) {
    long sum = members.size();
    for (Machine m : members) {
      var at = m.hardware().softwareAt();
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

  /**
   * The application of each release, remembered once read: a release never changes application, and
   * there are far fewer releases than installations.
   */
  static final class Applications {
    private final Store store;
    private int[] sidOfVid = new int[1024];

    Applications(Store store) {
      this.store = store;
    }

    /** Looks up the releases not known yet, then answers for any of {@code vids}. */
    synchronized IntUnaryOperator of(Set<Integer> vids) {
      List<Integer> unknown = new ArrayList<>();
      for (int vid : vids) {
        if (vid >= sidOfVid.length || sidOfVid[vid] == 0) {
          unknown.add(vid);
        }
      }
      if (!unknown.isEmpty()) {
        store
            .releaseApplications(unknown)
            .forEach(
                (vid, sid) -> {
                  if (vid >= sidOfVid.length) {
                    sidOfVid =
                        java.util.Arrays.copyOf(sidOfVid, Math.max(vid + 1, sidOfVid.length * 2));
                  }
                  sidOfVid[vid] = sid;
                });
      }
      int[] snapshot = sidOfVid;
      return vid -> vid < snapshot.length ? snapshot[vid] : 0;
    }

    synchronized int sidOf(int vid) {
      return vid < sidOfVid.length ? sidOfVid[vid] : 0;
    }
  }
}

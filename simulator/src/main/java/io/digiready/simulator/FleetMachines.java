package io.digiready.simulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The machines of a fleet run: which unit each belongs to, and what each sends. */
final class FleetMachines {
  private FleetMachines() {}

  /**
   * The unit of each machine: every unit gets machines in proportion to its own staff (rounded, the
   * remainder to the largest units), machine numbers in tree order.
   */
  static int[] byStaff(List<UnitRow> units, int machines) {
    long staff = units.stream().mapToLong(UnitRow::staff).sum();
    int[] quota = new int[units.size()];
    int given = 0;
    for (int u = 0; u < units.size(); u++) {
      quota[u] = (int) (staff == 0 ? 0 : (long) machines * units.get(u).staff() / staff);
      given += quota[u];
    }
    Integer[] largest = new Integer[units.size()];
    for (int u = 0; u < largest.length; u++) {
      largest[u] = u;
    }
    Arrays.sort(largest, (a, b) -> Integer.compare(units.get(b).staff(), units.get(a).staff()));
    for (int i = 0; given < machines; i = (i + 1) % largest.length, given++) {
      quota[largest[i]]++;
    }
    int[] unitOf = new int[machines];
    int machine = 0;
    for (int u = 0; u < quota.length; u++) {
      for (int k = 0; k < quota[u]; k++) {
        unitOf[machine++] = u;
      }
    }
    return unitOf;
  }

  /** Every 50th machine has no internet. */
  static boolean hasInternet(int machine) {
    return machine % 50 != 0;
  }

  /** One machine's heartbeat: every 50th machine has no internet. */
  static String heartbeat(String machineId, long seq, int machine) {
    boolean internet = hasInternet(machine);
    return "{\"heartbeats\":[{\"machineId\":\""
        + machineId
        + "\",\"seq\":"
        + seq
        + ",\"agentTime\":\""
        + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
        + "\",\"uptimeSeconds\":"
        + (3600 + seq % 86_400)
        + ",\"probes\":[{\"target\":\"https://dichvucong.gov.vn\",\"kind\":\"http\","
        + "\"internet\":true,\"ok\":"
        + internet
        + ",\"latencyMillis\":"
        + (40 + machine % 90)
        + ",\"error\":"
        + (internet ? "null" : "\"timeout\"")
        + "},{\"target\":\"dichvucong.gov.vn\",\"kind\":\"dns\",\"internet\":true,\"ok\":true,"
        + "\"latencyMillis\":"
        + (5 + machine % 20)
        + "},{\"target\":\"10.0.0.1:445\",\"kind\":\"tcp\",\"internet\":false,\"ok\":true,"
        + "\"latencyMillis\":2}],\"internetUp\":"
        + internet
        + ",\"memoryUsedBytes\":"
        + (3_000_000_000L + machine * 1000L)
        + ",\"systemDiskFreeBytes\":52000000000,\"systemDiskTotalBytes\":120000000000}]}";
  }
}

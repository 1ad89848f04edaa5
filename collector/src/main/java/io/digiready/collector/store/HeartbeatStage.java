package io.digiready.collector.store;

import io.digiready.collector.fleet.Machine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Heartbeat rows waiting to be written, summed per key so that a group of requests becomes one
 * machine row per machine, one day row per machine and hour, and one unit row per unit and hour.
 */
final class HeartbeatStage {
  /** A machine's heartbeats in one hour (hours since the epoch, UTC), in the unit it was in. */
  record MachineHour(String machineId, String unitCode, long hour) {}

  /** A unit's probe results for one target on one day (days since the epoch, UTC). */
  record UnitProbe(String unitCode, long day, int targetId) {}

  /** Heartbeats and internet-up counts of a machine hour, and its raw records by stored part. */
  static final class Hour {
    int heartbeats;
    int internetUp;
    final Map<Long, RawPart> raw = new TreeMap<>();

    RawPart rawPart(long part) {
      return raw.computeIfAbsent(part, k -> new RawPart());
    }
  }

  /** Raw records of one stored part of a machine hour (see {@link RawHeartbeatCodec#part}). */
  static final class RawPart {
    int heartbeats;
    final RecordBuffer records = new RecordBuffer();
  }

  /** successes, failures, latency count, latency sum, latency max (-1 when none). */
  static long[] newProbeSums() {
    return new long[] {0, 0, 0, 0, -1};
  }

  final Map<String, Machine> machines = new LinkedHashMap<>();
  final Map<String, byte[]> lastHeartbeats = new LinkedHashMap<>();
  final Map<MachineHour, Hour> hours = new LinkedHashMap<>();
  final Map<UnitProbe, long[]> probes = new LinkedHashMap<>();

  boolean isEmpty() {
    return machines.isEmpty() && hours.isEmpty() && probes.isEmpty();
  }

  void clear() {
    machines.clear();
    lastHeartbeats.clear();
    hours.clear();
    probes.clear();
  }

  /** Adds everything of {@code later} after what is here (raw records keep their order). */
  void add(HeartbeatStage later) {
    machines.putAll(later.machines);
    lastHeartbeats.putAll(later.lastHeartbeats);
    later.hours.forEach(
        (key, h) -> {
          Hour mine = hours.computeIfAbsent(key, k -> new Hour());
          mine.heartbeats += h.heartbeats;
          mine.internetUp += h.internetUp;
          h.raw.forEach(
              (part, records) -> {
                RawPart into = mine.rawPart(part);
                into.heartbeats += records.heartbeats;
                into.records.writeBytes(records.records.toByteArray());
              });
        });
    later.probes.forEach(
        (key, p) -> {
          long[] mine = probes.computeIfAbsent(key, k -> newProbeSums());
          mine[0] += p[0];
          mine[1] += p[1];
          mine[2] += p[2];
          mine[3] += p[3];
          mine[4] = Math.max(mine[4], p[4]);
        });
  }
}

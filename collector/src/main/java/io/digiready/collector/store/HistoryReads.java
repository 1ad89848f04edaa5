package io.digiready.collector.store;

import io.digiready.collector.store.RawHeartbeatCodec.Target;
import io.digiready.collector.store.Store.HourBucket;
import io.digiready.collector.store.Store.ProbeBucket;
import io.digiready.collector.store.Store.ProbeDay;
import io.digiready.collector.store.Store.UnitHourBucket;
import io.digiready.protocol.ProbeResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rollups read back for charts and reports: a unit subtree's hours, its probe results per day,
 * and one machine's hours with its probes from the raw records.
 */
final class HistoryReads {
  private HistoryReads() {}

  static List<UnitHourBucket> unitHistory(
      Reads db, ReadKeys keys, Collection<String> unitCodes, Instant from, Instant to) {
    List<Long> uids = keys.uids(unitCodes);
    if (uids.isEmpty()) {
      return List.of();
    }
    long fromHour = Math.floorDiv(from.getEpochSecond(), 3600L);
    long toHour = Math.floorDiv(to.getEpochSecond() + 3599, 3600L);
    long[][] sums = new long[(int) Math.max(0, toHour - fromHour)][3];
    db.query(
        "SELECT day, "
            + DayRows.HOURS_M
            + ", "
            + DayRows.HOURS_H
            + ", "
            + DayRows.HOURS_I
            + " FROM unit_days WHERE day >= ? AND day <= ? AND uid IN ("
            + Reads.placeholders(uids.size())
            + ")",
        p ->
            Reads.bindDaysAndKeys(
                p, Math.floorDiv(fromHour, 24L), Math.floorDiv(toHour, 24L), uids),
        rs -> {
          long day = rs.getLong(1);
          for (int h = 0; h < 24; h++) {
            long index = day * 24 + h - fromHour;
            if (index >= 0 && index < sums.length) {
              sums[(int) index][0] += rs.getLong(2 + h);
              sums[(int) index][1] += rs.getLong(26 + h);
              sums[(int) index][2] += rs.getLong(50 + h);
            }
          }
          return null;
        });
    List<UnitHourBucket> out = new ArrayList<>();
    for (int i = 0; i < sums.length; i++) {
      if (sums[i][1] > 0) {
        out.add(
            new UnitHourBucket(
                Instant.ofEpochSecond((fromHour + i) * 3600), sums[i][0], sums[i][1], sums[i][2]));
      }
    }
    return out;
  }

  static List<ProbeDay> unitProbeDays(
      Reads db, ReadKeys keys, Collection<String> unitCodes, LocalDate from, LocalDate to) {
    List<Long> uids = keys.uids(unitCodes);
    if (uids.isEmpty()) {
      return List.of();
    }
    return db.query(
        "SELECT day, target_id, SUM(successes), SUM(failures), SUM(latency_count),"
            + " SUM(latency_sum), MAX(latency_max) FROM unit_probe_days"
            + " WHERE day >= ? AND day <= ? AND uid IN ("
            + Reads.placeholders(uids.size())
            + ") GROUP BY day, target_id ORDER BY day, target_id",
        p -> Reads.bindDaysAndKeys(p, from.toEpochDay(), to.toEpochDay(), uids),
        rs -> {
          Target t = keys.keys().target(rs.getInt(2));
          long count = rs.getLong(5);
          return new ProbeDay(
              LocalDate.ofEpochDay(rs.getLong(1)),
              new ProbeBucket(
                  t == null ? "other" : t.target(),
                  t == null ? "other" : t.kind().name().toLowerCase(Locale.ROOT),
                  rs.getLong(3),
                  rs.getLong(4),
                  count == 0 ? null : (double) rs.getLong(6) / count,
                  MachineRows.longOrNull(rs, 7)));
        });
  }

  static List<HourBucket> machineHours(
      Reads db, ReadKeys keys, String machineId, Instant from, Instant to) {
    Long mid = keys.mid(machineId);
    if (mid == null) {
      return List.of();
    }
    long fromHour = Math.floorDiv(from.getEpochSecond(), 3600L);
    long toHour = Math.floorDiv(to.getEpochSecond() + 3599, 3600L);
    Map<Long, long[]> counts = new java.util.TreeMap<>();
    db.query(
        "SELECT day, "
            + DayRows.HOURS_H
            + ", "
            + DayRows.HOURS_I
            + " FROM machine_days WHERE day >= ? AND day <= ? AND mid = ?",
        p -> {
          p.setLong(1, Math.floorDiv(fromHour, 24L));
          p.setLong(2, Math.floorDiv(toHour, 24L));
          p.setLong(3, mid);
        },
        rs -> {
          long day = rs.getLong(1);
          for (int h = 0; h < 24; h++) {
            long hour = day * 24 + h;
            long beats = rs.getLong(2 + h);
            if (beats > 0 && hour >= fromHour && hour < toHour) {
              counts.put(hour, new long[] {beats, rs.getLong(26 + h)});
            }
          }
          return null;
        });
    // Probe results per hour and target, from the raw records (kept for a few days only).
    Map<Long, Map<String, long[]>> probes = new LinkedHashMap<>();
    Map<String, String[]> names = new java.util.HashMap<>();
    db.query(
        "SELECT hour, body FROM raw_heartbeat_hours WHERE mid = ? AND hour >= ? AND hour < ?"
            + " ORDER BY hour, part",
        p -> {
          p.setLong(1, mid);
          p.setLong(2, fromHour);
          p.setLong(3, toHour);
        },
        rs -> {
          long hour = rs.getLong(1);
          for (var d :
              RawHeartbeatCodec.decode(
                  rs.getBytes(2), hour * 3600, machineId, keys.keys()::target)) {
            for (ProbeResult pr : d.heartbeat().probes()) {
              String kind = pr.kind().name().toLowerCase(Locale.ROOT);
              String key = pr.target() + '\n' + kind;
              names.putIfAbsent(key, new String[] {pr.target(), kind});
              long[] sums =
                  probes
                      .computeIfAbsent(hour, h -> new java.util.TreeMap<>())
                      .computeIfAbsent(key, k -> new long[] {0, 0, 0, 0, -1});
              sums[Boolean.TRUE.equals(pr.ok()) ? 0 : 1]++;
              if (pr.latencyMillis() != null) {
                sums[2]++;
                sums[3] += pr.latencyMillis();
                sums[4] = Math.max(sums[4], pr.latencyMillis());
              }
            }
          }
          return null;
        });
    List<HourBucket> out = new ArrayList<>();
    counts.forEach(
        (hour, c) -> {
          List<ProbeBucket> buckets = new ArrayList<>();
          probes
              .getOrDefault(hour, Map.of())
              .forEach(
                  (key, s) ->
                      buckets.add(
                          new ProbeBucket(
                              names.get(key)[0],
                              names.get(key)[1],
                              s[0],
                              s[1],
                              s[2] == 0 ? null : (double) s[3] / s[2],
                              s[4] < 0 ? null : s[4])));
          out.add(new HourBucket(Instant.ofEpochSecond(hour * 3600), c[0], c[1], buckets));
        });
    return out;
  }
}

package io.digiready.collector.store;

import io.digiready.collector.fleet.Machine;
import io.digiready.collector.store.HeartbeatStage.MachineHour;
import io.digiready.collector.store.HeartbeatStage.UnitProbe;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * PostgreSQL: the heartbeat rows of a whole writer group in one statement. Its {@code WITH} parts
 * update the machine states, add the raw records, the probe sums and the day rows of one hour of
 * the day, and its main part adds the unit rows of that hour from what the day rows now hold, all
 * from arrays; any other hour of the day (a batch spanning hours) follows as one statement with its
 * day and unit rows. Written row by row, a group of 30 single heartbeats took some 90 statement
 * executions in 5 round trips, and the writer mostly waited for them.
 *
 * <p>One statement may not change a row twice, so rows are summed per key first: a machine moved to
 * another unit within the group has two machine hours with the same day row and raw parts.
 */
final class PostgresGroupRows {
  private static final String STATES =
      "states AS (UPDATE machine_state s SET last_seen_at = v.seen, last_heartbeat_at = v.beat,"
          + " last_seq = v.seq, lost_heartbeats = v.lost, last_internet_up = v.up,"
          + " last_internet_ok_at = v.ok, clock_skew_seconds = v.skew,"
          + " memory_used_bytes = v.mem, disk_free_bytes = v.dfree, disk_total_bytes = v.dtotal,"
          + " last_heartbeat = COALESCE(v.last, s.last_heartbeat), changed = nextval('changes')"
          + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],"
          + " ?::integer[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],"
          + " ?::bytea[]) AS v(mid, seen, beat, seq, lost, up, ok, skew, mem, dfree, dtotal, last)"
          + " WHERE s.mid = v.mid)";

  private static final String RAW =
      "raw AS (INSERT INTO raw_heartbeat_hours (hour, mid, part, heartbeats, body)"
          + " SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::integer[], ?::bytea[])"
          + " ON CONFLICT (mid, hour, part) DO UPDATE SET"
          + " heartbeats = raw_heartbeat_hours.heartbeats + excluded.heartbeats,"
          + " body = raw_heartbeat_hours.body || excluded.body)";

  private static final String PROBES =
      "probes AS (INSERT INTO unit_probe_days (day, uid, target_id, successes, failures,"
          + " latency_count, latency_sum, latency_max)"
          + " SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::integer[], ?::bigint[],"
          + " ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])"
          + " ON CONFLICT (day, uid, target_id) DO UPDATE SET"
          + " successes = unit_probe_days.successes + excluded.successes,"
          + " failures = unit_probe_days.failures + excluded.failures,"
          + " latency_count = unit_probe_days.latency_count + excluded.latency_count,"
          + " latency_sum = unit_probe_days.latency_sum + excluded.latency_sum,"
          + " latency_max = GREATEST(COALESCE(unit_probe_days.latency_max, excluded.latency_max),"
          + " COALESCE(excluded.latency_max, unit_probe_days.latency_max)))";

  /** Per hour of the day: the group's rows, its first statement. */
  private static final String[] TOGETHER = new String[24];

  private static final String[] TOGETHER_NO_RAW = new String[24];

  /** Per hour of the day: the day and unit rows of a group's other hours of the day. */
  private static final String[] DAYS_AND_UNITS = new String[24];

  static {
    for (int hour = 0; hour < 24; hour++) {
      String daysAndUnits =
          "days AS (" + DayRows.machineUpsertMany(hour) + ") " + unitUpsertFromDays(hour);
      TOGETHER[hour] = "WITH " + STATES + ", " + RAW + ", " + PROBES + ", " + daysAndUnits;
      TOGETHER_NO_RAW[hour] = "WITH " + STATES + ", " + PROBES + ", " + daysAndUnits;
      DAYS_AND_UNITS[hour] = "WITH " + daysAndUnits;
    }
  }

  /**
   * The unit rows of one hour of the day from the group's machine hours (day, mid, uid, heartbeats,
   * internet-up, whether it is the first entry of its machine hour in the group, the machine hour's
   * heartbeats in the whole group): a machine counts for its unit when its day row now holds no
   * more than the group added, i.e. this is its first heartbeat of the hour. Rows in (day, uid)
   * order, so that collectors sharing the database lock them in one order.
   */
  private static String unitUpsertFromDays(int hourOfDay) {
    String mm = DayRows.column("m", hourOfDay);
    String hh = DayRows.column("h", hourOfDay);
    String ii = DayRows.column("i", hourOfDay);
    return "INSERT INTO unit_days (day, uid, "
        + mm
        + ", "
        + hh
        + ", "
        + ii
        + ") SELECT e.day, e.uid, count(*) FILTER (WHERE e.first AND d."
        + hh
        + " = e.total), sum(e.beats), sum(e.up)"
        + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::integer[], ?::integer[],"
        + " ?::boolean[], ?::integer[]) AS e(day, mid, uid, beats, up, first, total)"
        + " JOIN days d ON d.day = e.day AND d.mid = e.mid"
        + " GROUP BY e.day, e.uid ORDER BY e.day, e.uid"
        + " ON CONFLICT (day, uid) DO UPDATE SET "
        + (mm + " = unit_days." + mm + " + excluded." + mm + ", ")
        + (hh + " = unit_days." + hh + " + excluded." + hh + ", ")
        + (ii + " = unit_days." + ii + " + excluded." + ii);
  }

  private final Statements st;
  private final TxKeys keys;
  private final boolean keepRaw;

  PostgresGroupRows(Statements st, TxKeys keys, boolean keepRaw) {
    this.st = st;
    this.keys = keys;
    this.keepRaw = keepRaw;
  }

  /** A machine's day row and hour. */
  private record DayKey(long mid, long hour) {}

  /** A raw part of a machine hour. */
  private record RawKey(long mid, long hour, long part) {}

  /** A machine hour of the group, in the order staged, with its machine's key. */
  private record Entry(MachineHour key, HeartbeatStage.Hour hour, long mid) {}

  /** Writes the group's machine states, raw records, probe sums, day rows and unit rows. */
  void write(HeartbeatStage group) throws SQLException {
    Map<DayKey, int[]> sums = new LinkedHashMap<>();
    Map<Integer, List<Entry>> byHourOfDay = new TreeMap<>();
    for (Map.Entry<MachineHour, HeartbeatStage.Hour> e : group.hours.entrySet()) {
      long mid = keys.mid(e.getKey().machineId());
      int[] s = sums.computeIfAbsent(new DayKey(mid, e.getKey().hour()), k -> new int[2]);
      s[0] += e.getValue().heartbeats;
      s[1] += e.getValue().internetUp;
      byHourOfDay
          .computeIfAbsent((int) Math.floorMod(e.getKey().hour(), 24L), h -> new ArrayList<>())
          .add(new Entry(e.getKey(), e.getValue(), mid));
    }
    if (byHourOfDay.isEmpty()) {
      // Only duplicates: no day row to add, but the machines were seen.
      byHourOfDay.put(0, List.of());
    }
    boolean first = true;
    for (Map.Entry<Integer, List<Entry>> e : byHourOfDay.entrySet()) {
      int hourOfDay = e.getKey();
      PreparedStatement p;
      int at = 1;
      if (first) {
        p = st.sql(keepRaw ? TOGETHER[hourOfDay] : TOGETHER_NO_RAW[hourOfDay]);
        at = bindRest(p, group);
        first = false;
      } else {
        p = st.sql(DAYS_AND_UNITS[hourOfDay]);
      }
      at = bindDays(p, at, e.getValue(), sums);
      bindUnits(p, at, e.getValue(), sums);
      p.executeUpdate();
    }
  }

  /** The unit sums' inputs: the first entry of a machine hour counts the machine, as row by row. */
  private void bindUnits(PreparedStatement p, int at, List<Entry> entries, Map<DayKey, int[]> sums)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    Set<DayKey> seen = new HashSet<>();
    for (Entry e : entries) {
      DayKey k = new DayKey(e.mid(), e.key().hour());
      boolean firstOfHour = seen.add(k);
      Long uid = keys.uid(e.key().unitCode());
      if (uid != null) {
        rows.add(
            new Object[] {
              Math.floorDiv(e.key().hour(), 24L),
              e.mid(),
              uid,
              e.hour().heartbeats,
              e.hour().internetUp,
              firstOfHour,
              sums.get(k)[0]
            });
      }
    }
    String[] types = {"bigint", "bigint", "bigint", "integer", "integer", "boolean", "integer"};
    for (int c = 0; c < types.length; c++) {
      Object[] column =
          switch (types[c]) {
            case "integer" -> new Integer[rows.size()];
            case "boolean" -> new Boolean[rows.size()];
            default -> new Long[rows.size()];
          };
      for (int i = 0; i < rows.size(); i++) {
        column[i] = rows.get(i)[c];
      }
      p.setArray(at + c, array(types[c], column));
    }
  }

  /** The day rows of these entries, one per machine hour; answers the next parameter index. */
  private int bindDays(PreparedStatement p, int at, List<Entry> entries, Map<DayKey, int[]> sums)
      throws SQLException {
    Set<DayKey> distinct = new LinkedHashSet<>();
    for (Entry e : entries) {
      distinct.add(new DayKey(e.mid(), e.key().hour()));
    }
    List<DayKey> rows = new ArrayList<>(distinct);
    Long[] days = new Long[rows.size()];
    Long[] mids = new Long[rows.size()];
    Integer[] beats = new Integer[rows.size()];
    Integer[] up = new Integer[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      DayKey k = rows.get(i);
      days[i] = Math.floorDiv(k.hour(), 24L);
      mids[i] = k.mid();
      beats[i] = sums.get(k)[0];
      up[i] = sums.get(k)[1];
    }
    p.setArray(at, array("bigint", days));
    p.setArray(at + 1, array("bigint", mids));
    p.setArray(at + 2, array("integer", beats));
    p.setArray(at + 3, array("integer", up));
    return at + 4;
  }

  /** Binds the machine states, raw records and probe sums; answers the next parameter index. */
  private int bindRest(PreparedStatement p, HeartbeatStage group) throws SQLException {
    int at = bindStates(p, 1, group);
    if (keepRaw) {
      at = bindRaw(p, at, group);
    }
    return bindProbes(p, at, group);
  }

  private int bindStates(PreparedStatement p, int at, HeartbeatStage group) throws SQLException {
    int n = group.machines.size();
    Object[][] columns = new Object[11][];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = c == 5 ? new Integer[n] : new Long[n];
    }
    byte[][] last = new byte[n][];
    int i = 0;
    for (Machine m : group.machines.values()) {
      Machine.Liveness l = m.liveness();
      columns[0][i] = keys.mid(m.id());
      columns[1][i] = millis(l.lastSeenAt());
      columns[2][i] = millis(l.lastHeartbeatAt());
      columns[3][i] = l.lastSeq();
      columns[4][i] = l.lostHeartbeats();
      columns[5][i] = l.internetUp() == null ? null : (l.internetUp() ? 1 : 0);
      columns[6][i] = millis(l.lastInternetOkAt());
      columns[7][i] = l.clockSkewSeconds();
      columns[8][i] = l.memoryUsedBytes();
      columns[9][i] = l.systemDiskFreeBytes();
      columns[10][i] = l.systemDiskTotalBytes();
      last[i] = group.lastHeartbeats.get(m.id());
      i++;
    }
    for (int c = 0; c < columns.length; c++) {
      p.setArray(at++, array(c == 5 ? "integer" : "bigint", columns[c]));
    }
    p.setArray(at++, array("bytea", last));
    return at;
  }

  private int bindRaw(PreparedStatement p, int at, HeartbeatStage group) throws SQLException {
    // In the order staged, so that a part's records stay in the order they came.
    Map<RawKey, HeartbeatStage.RawPart> parts = new LinkedHashMap<>();
    for (Map.Entry<MachineHour, HeartbeatStage.Hour> e : group.hours.entrySet()) {
      long mid = keys.mid(e.getKey().machineId());
      for (Map.Entry<Long, HeartbeatStage.RawPart> part : e.getValue().raw.entrySet()) {
        RawKey k = new RawKey(mid, e.getKey().hour(), part.getKey());
        HeartbeatStage.RawPart staged = part.getValue();
        HeartbeatStage.RawPart before = parts.putIfAbsent(k, staged);
        if (before != null) {
          // Merged into a copy: the staged parts stay as they were.
          HeartbeatStage.RawPart merged = new HeartbeatStage.RawPart();
          merged.heartbeats = before.heartbeats + staged.heartbeats;
          merged.records.writeBytes(before.records.toByteArray());
          merged.records.writeBytes(staged.records.toByteArray());
          parts.put(k, merged);
        }
      }
    }
    int n = parts.size();
    Long[] hours = new Long[n];
    Long[] mids = new Long[n];
    Long[] partNumbers = new Long[n];
    Integer[] beats = new Integer[n];
    byte[][] bodies = new byte[n][];
    int i = 0;
    for (Map.Entry<RawKey, HeartbeatStage.RawPart> e : parts.entrySet()) {
      hours[i] = e.getKey().hour();
      mids[i] = e.getKey().mid();
      partNumbers[i] = e.getKey().part();
      beats[i] = e.getValue().heartbeats;
      bodies[i] = e.getValue().records.toByteArray();
      i++;
    }
    p.setArray(at, array("bigint", hours));
    p.setArray(at + 1, array("bigint", mids));
    p.setArray(at + 2, array("bigint", partNumbers));
    p.setArray(at + 3, array("integer", beats));
    p.setArray(at + 4, array("bytea", bodies));
    return at + 5;
  }

  private int bindProbes(PreparedStatement p, int at, HeartbeatStage group) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<UnitProbe, long[]> e : group.probes.entrySet()) {
      Long uid = keys.uid(e.getKey().unitCode());
      if (uid != null) {
        long[] s = e.getValue();
        rows.add(
            new Object[] {
              e.getKey().day(),
              uid,
              e.getKey().targetId(),
              s[0],
              s[1],
              s[2],
              s[3],
              s[4] < 0 ? null : s[4]
            });
      }
    }
    String[] types = {
      "bigint", "bigint", "integer", "bigint", "bigint", "bigint", "bigint", "bigint"
    };
    for (int c = 0; c < types.length; c++) {
      Object[] column = c == 2 ? new Integer[rows.size()] : new Long[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        column[i] = rows.get(i)[c];
      }
      p.setArray(at + c, array(types[c], column));
    }
    return at + types.length;
  }

  private Array array(String type, Object[] values) throws SQLException {
    return st.connection().createArrayOf(type, values);
  }

  private static Long millis(Instant at) {
    return at == null ? null : at.toEpochMilli();
  }
}

package io.digiready.collector.store;

import static io.digiready.collector.store.MachineRows.setLong;

import io.digiready.collector.fleet.Machine;
import io.digiready.collector.store.HeartbeatStage.MachineHour;
import io.digiready.collector.store.HeartbeatStage.UnitProbe;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.ProbeResult;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Heartbeats of one group commit: each request stages its rows ({@link #stage}); those of the
 * requests that succeeded are written together ({@link #flush}) with one statement execution per
 * row, whatever the number of requests: a machine's state row, a day row per machine and hour, a
 * unit row per unit and hour, probe sums per unit and day, and the raw records.
 */
final class HeartbeatWrites implements Tx.Heartbeats {
  private static final long HOUR_SECONDS = 3600;

  private final Statements st;
  private final TxKeys keys;
  private final WriteOrder order;
  private final Dialect dialect;
  private final boolean keepRaw;
  private final PostgresGroupRows postgres;

  /** What released requests staged and has not been written yet. */
  private final HeartbeatStage group = new HeartbeatStage();

  /** What the running request staged; joins {@link #group} when it succeeds. */
  private final HeartbeatStage request = new HeartbeatStage();

  private final Map<String, Machine> groupTouched = new HashMap<>();
  private final Map<String, Machine> requestTouched = new HashMap<>();

  HeartbeatWrites(Statements st, TxKeys keys, WriteOrder order, Dialect dialect, boolean keepRaw) {
    this.st = st;
    this.keys = keys;
    this.order = order;
    this.dialect = dialect;
    this.keepRaw = keepRaw;
    this.postgres = new PostgresGroupRows(st, keys, keepRaw);
  }

  /** Whether the running request staged anything (it may not also write directly). */
  boolean requestStaged() {
    return !request.isEmpty();
  }

  /** A machine the running request wrote, whichever way: {@link #current} answers with it. */
  void touched(Machine m) {
    requestTouched.put(m.id(), m);
  }

  /** The machine as this transaction last wrote it, or null. */
  Machine current(String machineId) {
    Machine m = requestTouched.get(machineId);
    return m != null ? m : groupTouched.get(machineId);
  }

  /** The running request succeeded: what it staged joins the group's rows. */
  void release() {
    group.add(request);
    request.clear();
    groupTouched.putAll(requestTouched);
    requestTouched.clear();
  }

  /** The running request failed: what it staged is forgotten. */
  void discardRequest() {
    request.clear();
    requestTouched.clear();
  }

  @Override
  public void stage(Machine updated, List<Tx.Accepted> accepted, Heartbeat newest) {
    request.machines.put(updated.id(), updated);
    requestTouched.put(updated.id(), updated);
    if (newest != null) {
      RecordBuffer last = new RecordBuffer();
      RawHeartbeatCodec.append(
          last, newest, updated.liveness().lastHeartbeatAt(), 0, keys::targetId, true);
      request.lastHeartbeats.put(updated.id(), last.toByteArray());
    }
    for (Tx.Accepted a : accepted) {
      long second = a.at().getEpochSecond();
      long hour = Math.floorDiv(second, HOUR_SECONDS);
      HeartbeatStage.Hour h =
          request.hours.computeIfAbsent(
              new MachineHour(updated.id(), updated.unitCode(), hour),
              k -> new HeartbeatStage.Hour());
      h.heartbeats++;
      if (Boolean.TRUE.equals(a.heartbeat().internetUp())) {
        h.internetUp++;
      }
      if (keepRaw) {
        HeartbeatStage.RawPart part = h.rawPart(RawHeartbeatCodec.part(a.heartbeat().seq()));
        part.heartbeats++;
        RawHeartbeatCodec.append(
            part.records, a.heartbeat(), a.at(), hour * HOUR_SECONDS, keys::targetId, false);
      }
      long day = Math.floorDiv(second, 86_400L);
      for (ProbeResult p : a.heartbeat().probes()) {
        long[] sums =
            request.probes.computeIfAbsent(
                new UnitProbe(updated.unitCode(), day, keys.targetId(p)),
                k -> HeartbeatStage.newProbeSums());
        boolean ok = Boolean.TRUE.equals(p.ok());
        sums[ok ? 0 : 1]++;
        if (p.latencyMillis() != null) {
          sums[2]++;
          sums[3] += p.latencyMillis();
          sums[4] = Math.max(sums[4], p.latencyMillis());
        }
      }
    }
  }

  /** Writes every staged row of the released requests. */
  void flush() throws SQLException {
    if (group.isEmpty()) {
      return;
    }
    if (dialect == Dialect.POSTGRESQL) {
      postgres.write(group);
    } else {
      unitDays(machineDays());
      probeDays();
      machineStates();
      if (keepRaw) {
        rawRecords();
      }
    }
    group.clear();
  }

  /**
   * Day rows one at a time: the count each returns tells whether a machine's heartbeat is its first
   * in that hour, which is how the unit rows count machines per hour. Answers the unit sums.
   */
  private Map<String, long[]> machineDays() throws SQLException {
    Map<String, long[]> unitHours = new LinkedHashMap<>();
    for (Map.Entry<MachineHour, HeartbeatStage.Hour> e : group.hours.entrySet()) {
      MachineHour key = e.getKey();
      HeartbeatStage.Hour h = e.getValue();
      int hourOfDay = (int) Math.floorMod(key.hour(), 24L);
      long day = Math.floorDiv(key.hour(), 24L);
      PreparedStatement p = st.sql(DayRows.machineUpsert(hourOfDay));
      p.setLong(1, day);
      p.setLong(2, keys.mid(key.machineId()));
      p.setInt(3, h.heartbeats);
      p.setInt(4, h.internetUp);
      boolean firstInHour;
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        firstInHour = rs.getLong(1) == h.heartbeats;
      }
      Long uid = keys.uid(key.unitCode());
      if (uid != null) {
        long[] sums = unitHours.computeIfAbsent(uid + " " + key.hour(), k -> new long[] {0, 0, 0});
        sums[0] += firstInHour ? 1 : 0;
        sums[1] += h.heartbeats;
        sums[2] += h.internetUp;
      }
    }
    return unitHours;
  }

  private void unitDays(Map<String, long[]> unitHours) throws SQLException {
    Set<PreparedStatement> batches = new LinkedHashSet<>();
    for (Map.Entry<String, long[]> e : unitHours.entrySet()) {
      String[] parts = e.getKey().split(" ");
      long hour = Long.parseLong(parts[1]);
      PreparedStatement p = st.sql(DayRows.unitUpsert((int) Math.floorMod(hour, 24L)));
      p.setLong(1, Math.floorDiv(hour, 24L));
      p.setLong(2, Long.parseLong(parts[0]));
      p.setLong(3, e.getValue()[0]);
      p.setLong(4, e.getValue()[1]);
      p.setLong(5, e.getValue()[2]);
      p.addBatch();
      batches.add(p);
    }
    // One round trip per statement (hour of the day) rather than per row.
    for (PreparedStatement p : batches) {
      p.executeBatch();
    }
  }

  private void probeDays() throws SQLException {
    if (group.probes.isEmpty()) {
      return;
    }
    PreparedStatement p =
        st.sql(
            "INSERT INTO unit_probe_days (day, uid, target_id, successes, failures,"
                + " latency_count, latency_sum, latency_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (day, uid, target_id) DO UPDATE SET"
                + " successes = unit_probe_days.successes + excluded.successes,"
                + " failures = unit_probe_days.failures + excluded.failures,"
                + " latency_count = unit_probe_days.latency_count + excluded.latency_count,"
                + " latency_sum = unit_probe_days.latency_sum + excluded.latency_sum,"
                + " latency_max = "
                + dialect.greatest(
                    "COALESCE(unit_probe_days.latency_max, excluded.latency_max)",
                    "COALESCE(excluded.latency_max, unit_probe_days.latency_max)"));
    for (Map.Entry<UnitProbe, long[]> e : group.probes.entrySet()) {
      Long uid = keys.uid(e.getKey().unitCode());
      if (uid == null) {
        continue;
      }
      long[] s = e.getValue();
      p.setLong(1, e.getKey().day());
      p.setLong(2, uid);
      p.setInt(3, e.getKey().targetId());
      p.setLong(4, s[0]);
      p.setLong(5, s[1]);
      p.setLong(6, s[2]);
      p.setLong(7, s[3]);
      setLong(p, 8, s[4] < 0 ? null : s[4]);
      p.addBatch();
    }
    p.executeBatch();
  }

  private void machineStates() throws SQLException {
    if (group.machines.isEmpty()) {
      return;
    }
    PreparedStatement p =
        st.sql(
            MachineWrites.STATE_UPDATE
                + ", last_heartbeat = COALESCE(?, last_heartbeat) WHERE mid = ?");
    for (Machine m : group.machines.values()) {
      MachineWrites.bindState(p, m.liveness());
      p.setBytes(11, group.lastHeartbeats.get(m.id()));
      p.setLong(12, keys.mid(m.id()));
      p.addBatch();
    }
    p.executeBatch();
  }

  private void rawRecords() throws SQLException {
    PreparedStatement p =
        st.sql(
            "INSERT INTO raw_heartbeat_hours (hour, mid, part, heartbeats, body)"
                + " VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (mid, hour, part) DO UPDATE SET"
                + " heartbeats = raw_heartbeat_hours.heartbeats + excluded.heartbeats,"
                + " body = "
                + dialect.concatBytes("raw_heartbeat_hours.body", "excluded.body"));
    boolean any = false;
    for (Map.Entry<MachineHour, HeartbeatStage.Hour> e : group.hours.entrySet()) {
      long mid = keys.mid(e.getKey().machineId());
      for (Map.Entry<Long, HeartbeatStage.RawPart> part : e.getValue().raw.entrySet()) {
        p.setLong(1, e.getKey().hour());
        p.setLong(2, mid);
        p.setLong(3, part.getKey());
        p.setInt(4, part.getValue().heartbeats);
        p.setBytes(5, part.getValue().records.toByteArray());
        p.addBatch();
        any = true;
      }
    }
    if (any) {
      p.executeBatch();
    }
  }

  @Override
  public int prune(Instant hourlyBefore, Instant rawBefore) throws SQLException {
    order.beforeWrite();
    int deleted = 0;
    long day = Math.floorDiv(hourlyBefore.getEpochSecond(), 86_400L);
    for (String table : List.of("machine_days", "unit_days", "unit_probe_days")) {
      PreparedStatement p = st.sql("DELETE FROM " + table + " WHERE day < ?");
      p.setLong(1, day);
      deleted += p.executeUpdate();
    }
    PreparedStatement p = st.sql("DELETE FROM raw_heartbeat_hours WHERE hour < ?");
    p.setLong(1, Math.floorDiv(rawBefore.getEpochSecond(), HOUR_SECONDS));
    return deleted + p.executeUpdate();
  }
}

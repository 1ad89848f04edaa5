package io.digiready.collector.store;

import static io.digiready.collector.store.MachineRows.setBool;
import static io.digiready.collector.store.MachineRows.setInstant;
import static io.digiready.collector.store.MachineRows.setLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.fleet.ViewerToken;
import io.digiready.collector.store.HeartbeatStage.MachineHour;
import io.digiready.collector.store.HeartbeatStage.UnitProbe;
import io.digiready.collector.store.RawHeartbeatCodec.Target;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.ProbeResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One write transaction on the collector's writer connection, for SQLite and PostgreSQL alike.
 * Requests get a savepoint only when they write directly; staged heartbeat rows of the whole group
 * are written in batches (see {@link Tx}).
 */
final class JdbcTx implements Tx {
  private static final long HOUR_SECONDS = 3600;

  private final Connection c;
  private final Map<String, PreparedStatement> cache;
  private final StoreKeys keys;
  private final boolean keepRaw;
  private final Dialect dialect;

  /** What released requests staged and has not been written yet. */
  private final HeartbeatStage group = new HeartbeatStage();

  /** What the running request staged; joins {@link #group} when it succeeds. */
  private final HeartbeatStage request = new HeartbeatStage();

  private final Map<String, Machine> groupTouched = new HashMap<>();
  private final Map<String, Machine> requestTouched = new HashMap<>();

  // Keys created in this transaction; published to StoreKeys only after the commit.
  private final Map<String, Long> newMids = new HashMap<>();
  private final Map<String, Long> newUids = new HashMap<>();
  private final Map<StoreKeys.TargetKey, Integer> newTargetIds = new HashMap<>();
  private final Map<Integer, Target> newTargets = new HashMap<>();

  private boolean savepointOpen;

  JdbcTx(
      Connection c,
      Map<String, PreparedStatement> cache,
      StoreKeys keys,
      boolean keepRaw,
      Dialect dialect)
      throws SQLException {
    this.c = c;
    this.cache = cache;
    this.keys = keys;
    this.keepRaw = keepRaw;
    this.dialect = dialect;
    if (dialect == Dialect.SQLITE) {
      // Take the write lock now rather than at the first write, so a busy reader cannot make the
      // commit fail halfway.
      exec("BEGIN IMMEDIATE");
    } else {
      c.setAutoCommit(false);
    }
  }

  private PreparedStatement sql(String sql) throws SQLException {
    PreparedStatement p = cache.get(sql);
    if (p == null) {
      p = c.prepareStatement(sql);
      cache.put(sql, p);
    }
    p.clearParameters();
    return p;
  }

  private void exec(String sql) throws SQLException {
    sql(sql).execute();
  }

  @Override
  public void savepoint() {
    // Opened lazily by the first direct write: most requests in a busy group are heartbeats that
    // only stage rows, and a SAVEPOINT and RELEASE each would be two statements per request.
    savepointOpen = false;
  }

  /** Before a direct write: the group's staged rows first, then the request's savepoint. */
  private void direct() throws SQLException {
    if (!request.isEmpty()) {
      throw new IllegalStateException("a request may stage heartbeats or write directly, not both");
    }
    if (!savepointOpen) {
      flush();
      exec("SAVEPOINT request");
      savepointOpen = true;
    }
  }

  /** Before a direct read: the staged rows, so the read sees what earlier requests wrote. */
  private void beforeRead() throws SQLException {
    if (!savepointOpen) {
      flush();
    }
  }

  @Override
  public void releaseSavepoint() throws SQLException {
    if (savepointOpen) {
      exec("RELEASE request");
      savepointOpen = false;
    }
    group.add(request);
    request.clear();
    groupTouched.putAll(requestTouched);
    requestTouched.clear();
  }

  @Override
  public void rollbackToSavepoint() throws SQLException {
    if (savepointOpen) {
      exec("ROLLBACK TO request");
      exec("RELEASE request");
      savepointOpen = false;
    }
    request.clear();
    requestTouched.clear();
  }

  @Override
  public void commit() throws SQLException {
    flush();
    if (dialect == Dialect.SQLITE) {
      exec("COMMIT");
    } else {
      c.commit();
      c.setAutoCommit(true);
    }
    keys.mids.putAll(newMids);
    keys.uids.putAll(newUids);
    keys.targetIds.putAll(newTargetIds);
    keys.targets.putAll(newTargets);
  }

  @Override
  public void rollback() {
    // After an I/O error such as a full disk, sqlite-jdbc's cached statements can be left unusable
    // ("statement is not executing"), the cached ROLLBACK among them: roll back with a fresh
    // statement and prepare everything anew next time.
    try {
      if (dialect == Dialect.SQLITE) {
        try (Statement s = c.createStatement()) {
          s.execute("ROLLBACK");
        }
      } else {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // no transaction left to roll back (SQLite may already have rolled back on I/O errors)
    }
    for (PreparedStatement p : cache.values()) {
      try {
        p.close();
      } catch (SQLException e) {
        // discarded either way
      }
    }
    cache.clear();
  }

  @Override
  public void upsertUnit(Unit u, Instant now) throws SQLException {
    direct();
    PreparedStatement p =
        sql(
            "INSERT INTO units (code, name, parent, kind, staff, equipment_target,"
                + " connectivity_target, office_hours, created_at, updated_at, protection_target)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                + " parent = excluded.parent, kind = excluded.kind, staff = excluded.staff,"
                + " equipment_target = excluded.equipment_target,"
                + " connectivity_target = excluded.connectivity_target,"
                + " office_hours = excluded.office_hours, updated_at = excluded.updated_at,"
                + " protection_target = excluded.protection_target");
    p.setString(1, u.code());
    p.setString(2, u.name());
    p.setString(3, u.parent());
    p.setString(4, u.kind());
    p.setInt(5, u.staff());
    p.setDouble(6, u.equipmentTarget());
    p.setDouble(7, u.connectivityTarget());
    try {
      p.setString(
          8, u.officeHours() == null ? null : JdbcStore.JSON.writeValueAsString(u.officeHours()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    p.setLong(9, now.toEpochMilli());
    p.setLong(10, now.toEpochMilli());
    p.setDouble(11, u.protectionTarget());
    p.executeUpdate();
    if (uid(u.code()) == null) {
      // Another collector on the same database may have made the key already.
      PreparedStatement key =
          sql("INSERT INTO unit_keys (unit_code) VALUES (?) ON CONFLICT (unit_code) DO NOTHING");
      key.setString(1, u.code());
      key.executeUpdate();
      PreparedStatement read = sql("SELECT uid FROM unit_keys WHERE unit_code = ?");
      read.setString(1, u.code());
      try (ResultSet rs = read.executeQuery()) {
        rs.next();
        newUids.put(u.code(), rs.getLong(1));
      }
    }
  }

  /**
   * A unit's integer key: known to this collector, made in this transaction, or (another collector
   * made it) read from the table.
   */
  private Long uid(String unitCode) throws SQLException {
    Long uid = keys.uids.get(unitCode);
    if (uid == null) {
      uid = newUids.get(unitCode);
    }
    if (uid == null) {
      PreparedStatement p = sql("SELECT uid FROM unit_keys WHERE unit_code = ?");
      p.setString(1, unitCode);
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) {
          uid = rs.getLong(1);
          newUids.put(unitCode, uid);
        }
      }
    }
    return uid;
  }

  /** A machine's integer key, found the same ways as {@link #uid}. */
  private long mid(String machineId) throws SQLException {
    Long mid = keys.mids.get(machineId);
    if (mid == null) {
      mid = newMids.get(machineId);
    }
    if (mid == null) {
      PreparedStatement p = sql("SELECT mid FROM machine_state WHERE machine_id = ?");
      p.setString(1, machineId);
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) {
          mid = rs.getLong(1);
          newMids.put(machineId, mid);
        }
      }
    }
    if (mid == null) {
      throw new IllegalStateException("no machine_state row for " + machineId);
    }
    return mid;
  }

  @Override
  public void insertEnrollmentToken(EnrollmentToken t) throws SQLException {
    direct();
    PreparedStatement p =
        sql(
            "INSERT INTO enrollment_tokens (id, unit_code, token_hash, created_at, expires_at,"
                + " max_uses, uses) VALUES (?, ?, ?, ?, ?, ?, ?)");
    p.setString(1, t.id());
    p.setString(2, t.unitCode());
    p.setString(3, t.tokenHash());
    p.setLong(4, t.createdAt().toEpochMilli());
    setInstant(p, 5, t.expiresAt());
    setLong(p, 6, t.maxUses() == null ? null : t.maxUses().longValue());
    p.setInt(7, t.uses());
    p.executeUpdate();
  }

  @Override
  public boolean useEnrollmentToken(String id, Instant now) throws SQLException {
    direct();
    PreparedStatement p =
        sql(
            "UPDATE enrollment_tokens SET uses = uses + 1 WHERE id = ? AND revoked_at IS NULL"
                + " AND (expires_at IS NULL OR expires_at > ?)"
                + " AND (max_uses IS NULL OR uses < max_uses)");
    p.setString(1, id);
    p.setLong(2, now.toEpochMilli());
    return p.executeUpdate() == 1;
  }

  @Override
  public boolean revokeEnrollmentToken(String id, Instant now) throws SQLException {
    direct();
    PreparedStatement p =
        sql("UPDATE enrollment_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    p.setLong(1, now.toEpochMilli());
    p.setString(2, id);
    return p.executeUpdate() == 1;
  }

  @Override
  public void insertViewerToken(ViewerToken t) throws SQLException {
    direct();
    PreparedStatement p =
        sql("INSERT INTO viewer_tokens (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)");
    p.setString(1, t.id());
    p.setString(2, t.name());
    p.setString(3, t.tokenHash());
    p.setLong(4, t.createdAt().toEpochMilli());
    p.executeUpdate();
  }

  @Override
  public boolean revokeViewerToken(String id, Instant now) throws SQLException {
    direct();
    PreparedStatement p =
        sql("UPDATE viewer_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    p.setLong(1, now.toEpochMilli());
    p.setString(2, id);
    return p.executeUpdate() == 1;
  }

  @Override
  public Optional<Machine> machine(String id) throws SQLException {
    beforeRead();
    PreparedStatement p = sql(MachineRows.SELECT + " WHERE m.id = ?");
    p.setString(1, id);
    try (ResultSet rs = p.executeQuery()) {
      return rs.next() ? Optional.of(MachineRows.read(rs)) : Optional.empty();
    }
  }

  @Override
  public List<Machine> machinesMatching(String unitCode, String hardwareUuid, String systemSerial)
      throws SQLException {
    beforeRead();
    PreparedStatement p =
        sql(
            MachineRows.SELECT
                + " WHERE m.unit_code = ? AND m.retired_at IS NULL"
                + " AND ((? IS NOT NULL AND m.hardware_uuid = ?)"
                + " OR (? IS NOT NULL AND m.system_serial = ?))"
                + " ORDER BY s.last_seen_at DESC");
    p.setString(1, unitCode);
    p.setString(2, hardwareUuid);
    p.setString(3, hardwareUuid);
    p.setString(4, systemSerial);
    p.setString(5, systemSerial);
    List<Machine> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(MachineRows.read(rs));
      }
    }
    return out;
  }

  @Override
  public void insertMachine(Machine m) throws SQLException {
    direct();
    PreparedStatement p =
        sql(
            "INSERT INTO machines (id, unit_code, token_hash, hostname, enrolled_at,"
                + " possible_duplicate_of) VALUES (?, ?, ?, ?, ?, ?)");
    p.setString(1, m.id());
    p.setString(2, m.unitCode());
    p.setString(3, m.tokenHash());
    p.setString(4, m.identity().hostname());
    p.setLong(5, m.enrolledAt().toEpochMilli());
    p.setString(6, m.possibleDuplicateOf());
    p.executeUpdate();
    PreparedStatement state =
        sql("INSERT INTO machine_state (machine_id) VALUES (?) RETURNING mid");
    state.setString(1, m.id());
    try (ResultSet rs = state.executeQuery()) {
      rs.next();
      newMids.put(m.id(), rs.getLong(1));
    }
    updateMachine(m);
  }

  @Override
  public void updateMachine(Machine m) throws SQLException {
    direct();
    PreparedStatement p =
        sql(
            "UPDATE machines SET unit_code = ?, token_hash = ?, hostname = ?, hardware_uuid = ?,"
                + " system_serial = ?, baseboard_serial = ?, macs = ?, os_install_id = ?,"
                + " retired_at = ? WHERE id = ?");
    var id = m.identity();
    p.setString(1, m.unitCode());
    p.setString(2, m.tokenHash());
    p.setString(3, id.hostname());
    p.setString(4, id.hardwareUuid());
    p.setString(5, id.systemSerial());
    p.setString(6, id.baseboardSerial());
    p.setString(7, id.macs());
    p.setString(8, id.osInstallId());
    setInstant(p, 9, m.retiredAt());
    p.setString(10, m.id());
    if (p.executeUpdate() != 1) {
      throw new IllegalStateException("machine row vanished: " + m.id());
    }
    PreparedStatement state = sql(STATE_UPDATE + " WHERE mid = ?");
    bindState(state, m.liveness());
    state.setLong(11, mid(m.id()));
    state.executeUpdate();
    requestTouched.put(m.id(), m);
  }

  private static final String STATE_UPDATE =
      "UPDATE machine_state SET last_seen_at = ?, last_heartbeat_at = ?, last_seq = ?,"
          + " lost_heartbeats = ?, last_internet_up = ?, last_internet_ok_at = ?,"
          + " clock_skew_seconds = ?, memory_used_bytes = ?, disk_free_bytes = ?,"
          + " disk_total_bytes = ?";

  private static void bindState(PreparedStatement p, Machine.Liveness l) throws SQLException {
    setInstant(p, 1, l.lastSeenAt());
    setInstant(p, 2, l.lastHeartbeatAt());
    p.setLong(3, l.lastSeq());
    p.setLong(4, l.lostHeartbeats());
    setBool(p, 5, l.internetUp());
    setInstant(p, 6, l.lastInternetOkAt());
    setLong(p, 7, l.clockSkewSeconds());
    setLong(p, 8, l.memoryUsedBytes());
    setLong(p, 9, l.systemDiskFreeBytes());
    setLong(p, 10, l.systemDiskTotalBytes());
  }

  @Override
  public Optional<String> inventoryJson(String machineId) throws SQLException {
    beforeRead();
    PreparedStatement p = sql("SELECT inventory FROM machines WHERE id = ?");
    p.setString(1, machineId);
    try (ResultSet rs = p.executeQuery()) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
    }
  }

  @Override
  public void updateInventory(String machineId, Machine.Hardware h, String json)
      throws SQLException {
    direct();
    PreparedStatement p =
        sql(
            "UPDATE machines SET inventory = ?, inventory_at = ?, memory_bytes = ?,"
                + " logical_cpus = ?, cpu_name = ?, os_family = ?, os_version = ?,"
                + " anti_malware = ?, anti_malware_product = ?, os_updated_at = ? WHERE id = ?");
    p.setString(1, json);
    setInstant(p, 2, h.inventoryAt());
    setLong(p, 3, h.memoryBytes());
    if (h.logicalCpus() == null) {
      p.setNull(4, Types.INTEGER);
    } else {
      p.setInt(4, h.logicalCpus());
    }
    p.setString(5, h.cpuName());
    p.setString(6, h.osFamily());
    p.setString(7, h.osVersion());
    var antiMalware = h.antiMalware();
    p.setString(8, antiMalware == null ? null : antiMalware.state().label());
    p.setString(9, antiMalware == null ? null : antiMalware.product());
    setInstant(p, 10, h.osUpdatedAt());
    p.setString(11, machineId);
    p.executeUpdate();
  }

  @Override
  public void insertEvent(String machineId, String unitCode, Instant at, String kind, String detail)
      throws SQLException {
    direct();
    PreparedStatement p =
        sql("INSERT INTO events (machine_id, unit_code, at, kind, detail) VALUES (?, ?, ?, ?, ?)");
    p.setString(1, machineId);
    p.setString(2, unitCode);
    p.setLong(3, at.toEpochMilli());
    p.setString(4, kind);
    p.setString(5, detail);
    p.executeUpdate();
  }

  @Override
  public Optional<List<Inventory.Software>> software(String machineId) throws SQLException {
    beforeRead();
    return SoftwareRows.read(c, machineId, mid(machineId));
  }

  @Override
  public boolean replaceSoftware(String machineId, List<Inventory.Software> list, Instant at)
      throws SQLException {
    direct();
    return SoftwareRows.replace(c, machineId, mid(machineId), list, at);
  }

  @Override
  public Optional<Machine> current(String machineId) throws SQLException {
    Machine m = requestTouched.get(machineId);
    if (m == null) {
      m = groupTouched.get(machineId);
    }
    if (m != null || dialect == Dialect.SQLITE) {
      return Optional.ofNullable(m);
    }
    // No flush first: staged rows of other machines do not change this one's row.
    PreparedStatement p = sql(MachineRows.SELECT + " WHERE m.id = ? FOR UPDATE OF s");
    p.setString(1, machineId);
    try (ResultSet rs = p.executeQuery()) {
      return rs.next() ? Optional.of(MachineRows.read(rs)) : Optional.empty();
    }
  }

  @Override
  public void stageHeartbeats(Machine updated, List<Accepted> accepted, Heartbeat newest)
      throws SQLException {
    request.machines.put(updated.id(), updated);
    requestTouched.put(updated.id(), updated);
    if (newest != null) {
      RecordBuffer last = new RecordBuffer();
      RawHeartbeatCodec.append(
          last, newest, updated.liveness().lastHeartbeatAt(), 0, this::targetId, true);
      request.lastHeartbeats.put(updated.id(), last.toByteArray());
    }
    for (Accepted a : accepted) {
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
            part.records, a.heartbeat(), a.at(), hour * HOUR_SECONDS, this::targetId, false);
      }
      long day = Math.floorDiv(second, 86_400L);
      for (ProbeResult p : a.heartbeat().probes()) {
        long[] sums =
            request.probes.computeIfAbsent(
                new UnitProbe(updated.unitCode(), day, targetId(p)),
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

  @Override
  public Changes changesSince(long marker) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      return Changes.none(marker);
    }
    beforeRead();
    long[] high = {marker};
    List<Unit> units = new ArrayList<>();
    PreparedStatement p =
        sql(
            JdbcStore.UNIT_SELECT.replace(" FROM units", ", changed FROM units")
                + " WHERE changed > ?");
    p.setLong(1, marker);
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        units.add(JdbcStore.unit(rs));
        high[0] = Math.max(high[0], rs.getLong("changed"));
      }
    }
    List<Machine> machines = new ArrayList<>();
    // Two indexed lookups rather than one OR over the join, which would read every machine.
    String columns =
        MachineRows.SELECT.replace(" FROM machines", ", m.changed, s.changed FROM machines");
    p = sql(columns + " WHERE s.changed > ? UNION " + columns + " WHERE m.changed > ?");
    p.setLong(1, marker);
    p.setLong(2, marker);
    Map<String, Machine> byId = new LinkedHashMap<>();
    try (ResultSet rs = p.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Machine m = MachineRows.read(rs);
        byId.put(m.id(), m);
        high[0] = Math.max(high[0], Math.max(rs.getLong(n - 1), rs.getLong(n)));
      }
    }
    machines.addAll(byId.values());
    List<EnrollmentToken> enrollment = new ArrayList<>();
    List<String> revokedEnrollment = new ArrayList<>();
    p =
        sql(
            JdbcStore.ENROLLMENT_TOKEN_SELECT.replace(" FROM", ", changed FROM")
                + " WHERE changed > ?");
    p.setLong(1, marker);
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        rs.getLong(8);
        if (rs.wasNull()) {
          enrollment.add(JdbcStore.enrollmentToken(rs));
        } else {
          revokedEnrollment.add(rs.getString(1));
        }
        high[0] = Math.max(high[0], rs.getLong(9));
      }
    }
    List<ViewerToken> viewers = new ArrayList<>();
    List<String> revokedViewers = new ArrayList<>();
    p =
        sql(
            JdbcStore.VIEWER_TOKEN_SELECT.replace(" FROM", ", changed FROM")
                + " WHERE changed > ?");
    p.setLong(1, marker);
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        rs.getLong(5);
        if (rs.wasNull()) {
          viewers.add(JdbcStore.viewerToken(rs));
        } else {
          revokedViewers.add(rs.getString(1));
        }
        high[0] = Math.max(high[0], rs.getLong(6));
      }
    }
    return new Changes(
        units, machines, enrollment, revokedEnrollment, viewers, revokedViewers, high[0]);
  }

  /** The dictionary id of a probe's kind and target, added on first sight (up to a cap). */
  private int targetId(ProbeResult p) {
    StoreKeys.TargetKey key = StoreKeys.targetKey(p.kind(), p.target());
    Integer id = keys.targetIds.get(key);
    if (id == null) {
      id = newTargetIds.get(key);
    }
    if (id != null) {
      return id;
    }
    if (keys.targetIds.size() + newTargetIds.size() >= StoreKeys.MAX_TARGETS) {
      return StoreKeys.OTHER_TARGET;
    }
    try {
      // Outside any savepoint on purpose: a dictionary row is harmless even if the request fails.
      String kind = p.kind().name().toLowerCase(java.util.Locale.ROOT);
      // ON CONFLICT: another collector on the same database may have added it meanwhile, and a
      // failed statement would abort a PostgreSQL transaction.
      PreparedStatement insert =
          sql(
              "INSERT INTO probe_targets (kind, target) VALUES (?, ?)"
                  + " ON CONFLICT (kind, target) DO NOTHING");
      insert.setString(1, kind);
      insert.setString(2, p.target());
      insert.executeUpdate();
      PreparedStatement read =
          sql("SELECT target_id FROM probe_targets WHERE kind = ? AND target = ?");
      read.setString(1, kind);
      read.setString(2, p.target());
      try (ResultSet rs = read.executeQuery()) {
        rs.next();
        id = rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot add probe target: " + e.getMessage(), e);
    }
    newTargetIds.put(key, id);
    newTargets.put(id, new Target(p.kind(), p.target()));
    return id;
  }

  /** Writes every staged row of the released requests with one statement execution per row. */
  private void flush() throws SQLException {
    if (group.isEmpty()) {
      return;
    }
    // Day rows first, one at a time: the count they return tells whether a machine's heartbeat is
    // its first in that hour, which is how the unit rows count machines per hour.
    Map<String, long[]> unitHours = new LinkedHashMap<>();
    for (Map.Entry<MachineHour, HeartbeatStage.Hour> e : group.hours.entrySet()) {
      MachineHour key = e.getKey();
      HeartbeatStage.Hour h = e.getValue();
      int hourOfDay = (int) Math.floorMod(key.hour(), 24L);
      long day = Math.floorDiv(key.hour(), 24L);
      PreparedStatement p = sql(DayRows.machineUpsert(hourOfDay));
      p.setLong(1, day);
      p.setLong(2, mid(key.machineId()));
      p.setInt(3, h.heartbeats);
      p.setInt(4, h.internetUp);
      boolean firstInHour;
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        firstInHour = rs.getLong(1) == h.heartbeats;
      }
      Long uid = uid(key.unitCode());
      if (uid != null) {
        long[] sums = unitHours.computeIfAbsent(uid + " " + key.hour(), k -> new long[] {0, 0, 0});
        sums[0] += firstInHour ? 1 : 0;
        sums[1] += h.heartbeats;
        sums[2] += h.internetUp;
      }
    }
    for (Map.Entry<String, long[]> e : unitHours.entrySet()) {
      String[] parts = e.getKey().split(" ");
      long hour = Long.parseLong(parts[1]);
      PreparedStatement p = sql(DayRows.unitUpsert((int) Math.floorMod(hour, 24L)));
      p.setLong(1, Math.floorDiv(hour, 24L));
      p.setLong(2, Long.parseLong(parts[0]));
      p.setLong(3, e.getValue()[0]);
      p.setLong(4, e.getValue()[1]);
      p.setLong(5, e.getValue()[2]);
      p.executeUpdate();
    }
    if (!group.probes.isEmpty()) {
      PreparedStatement p =
          sql(
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
        Long uid = uid(e.getKey().unitCode());
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
    if (!group.machines.isEmpty()) {
      PreparedStatement p =
          sql(STATE_UPDATE + ", last_heartbeat = COALESCE(?, last_heartbeat) WHERE mid = ?");
      for (Machine m : group.machines.values()) {
        bindState(p, m.liveness());
        p.setBytes(11, group.lastHeartbeats.get(m.id()));
        p.setLong(12, mid(m.id()));
        p.addBatch();
      }
      p.executeBatch();
    }
    if (keepRaw) {
      PreparedStatement p =
          sql(
              "INSERT INTO raw_heartbeat_hours (hour, mid, part, heartbeats, body)"
                  + " VALUES (?, ?, ?, ?, ?)"
                  + " ON CONFLICT (mid, hour, part) DO UPDATE SET"
                  + " heartbeats = raw_heartbeat_hours.heartbeats + excluded.heartbeats,"
                  + " body = "
                  + dialect.concatBytes("raw_heartbeat_hours.body", "excluded.body"));
      boolean any = false;
      for (Map.Entry<MachineHour, HeartbeatStage.Hour> e : group.hours.entrySet()) {
        long mid = mid(e.getKey().machineId());
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
    group.clear();
  }

  @Override
  public void upsertCoverageDays(List<Store.CoverageDay> days) throws SQLException {
    direct();
    if (days.isEmpty()) {
      return;
    }
    String columns = JdbcStore.COVERAGE_DAY_COLUMNS;
    StringBuilder updates = new StringBuilder();
    for (String column : columns.split(",\\s*")) {
      if (!column.equals("day")) {
        updates
            .append(updates.length() == 0 ? "" : ", ")
            .append(column)
            .append(" = excluded.")
            .append(column);
      }
    }
    PreparedStatement p =
        sql(
            "INSERT INTO unit_coverage_days (uid, "
                + columns
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (uid, day) DO UPDATE SET "
                + updates
                + " WHERE unit_coverage_days.status = "
                + Store.CoverageDay.SO_FAR);
    boolean any = false;
    for (Store.CoverageDay d : days) {
      Long uid = uid(d.unit());
      if (uid == null) {
        continue;
      }
      p.setLong(1, uid);
      p.setLong(2, d.day().toEpochDay());
      p.setInt(3, d.status());
      p.setLong(4, d.asOf().toEpochMilli());
      p.setInt(5, d.staff());
      p.setInt(6, d.ownStaff());
      p.setInt(7, d.equippedStaff());
      p.setInt(8, d.workingMachines());
      p.setInt(9, d.internetMachines());
      p.setInt(10, d.compliantMachines());
      setDouble(p, 11, d.equipmentCoverage());
      setDouble(p, 12, d.connectivityCoverage());
      setDouble(p, 13, d.compliance());
      setDouble(p, 14, d.readinessScore());
      p.setDouble(15, d.equipmentTarget());
      p.setDouble(16, d.connectivityTarget());
      p.setInt(17, d.rank());
      p.setInt(18, d.of());
      if (d.protectedMachines() == null) {
        p.setNull(19, Types.INTEGER);
      } else {
        p.setInt(19, d.protectedMachines());
      }
      setDouble(p, 20, d.protectionCoverage());
      setDouble(p, 21, d.protectionTarget());
      p.addBatch();
      any = true;
    }
    if (any) {
      p.executeBatch();
    }
  }

  private static void setDouble(PreparedStatement p, int index, Double value) throws SQLException {
    if (value == null) {
      p.setNull(index, Types.DOUBLE);
    } else {
      p.setDouble(index, value);
    }
  }

  @Override
  public int pruneCoverageDays(java.time.LocalDate before) throws SQLException {
    direct();
    PreparedStatement p = sql("DELETE FROM unit_coverage_days WHERE day < ?");
    p.setLong(1, before.toEpochDay());
    return p.executeUpdate();
  }

  @Override
  public int prune(Instant hourlyBefore, Instant rawBefore) throws SQLException {
    direct();
    int deleted = 0;
    long day = Math.floorDiv(hourlyBefore.getEpochSecond(), 86_400L);
    for (String table : List.of("machine_days", "unit_days", "unit_probe_days")) {
      PreparedStatement p = sql("DELETE FROM " + table + " WHERE day < ?");
      p.setLong(1, day);
      deleted += p.executeUpdate();
    }
    PreparedStatement p = sql("DELETE FROM raw_heartbeat_hours WHERE hour < ?");
    p.setLong(1, Math.floorDiv(rawBefore.getEpochSecond(), HOUR_SECONDS));
    return deleted + p.executeUpdate();
  }
}

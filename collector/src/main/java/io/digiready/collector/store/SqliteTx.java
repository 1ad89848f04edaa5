package io.digiready.collector.store;

import static io.digiready.collector.store.MachineRows.setBool;
import static io.digiready.collector.store.MachineRows.setInstant;
import static io.digiready.collector.store.MachineRows.setLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.fleet.ViewerToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One write transaction on the writer connection, with a savepoint per request. */
final class SqliteTx implements Tx {
  private final Connection c;
  private final Map<String, PreparedStatement> cache;

  SqliteTx(Connection c, Map<String, PreparedStatement> cache) throws SQLException {
    this.c = c;
    this.cache = cache;
    exec("BEGIN IMMEDIATE");
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
  public void savepoint() throws SQLException {
    exec("SAVEPOINT request");
  }

  @Override
  public void releaseSavepoint() throws SQLException {
    exec("RELEASE request");
  }

  @Override
  public void rollbackToSavepoint() throws SQLException {
    exec("ROLLBACK TO request");
    exec("RELEASE request");
  }

  @Override
  public void commit() throws SQLException {
    exec("COMMIT");
  }

  @Override
  public void rollback() {
    // After an I/O error such as a full disk, sqlite-jdbc's cached statements can be left unusable
    // ("statement is not executing"), the cached ROLLBACK among them: roll back with a fresh
    // statement and prepare everything anew next time.
    try (Statement s = c.createStatement()) {
      s.execute("ROLLBACK");
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
    PreparedStatement p =
        sql(
            "INSERT INTO units (code, name, parent, kind, staff, equipment_target,"
                + " connectivity_target, office_hours, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                + " parent = excluded.parent, kind = excluded.kind, staff = excluded.staff,"
                + " equipment_target = excluded.equipment_target,"
                + " connectivity_target = excluded.connectivity_target,"
                + " office_hours = excluded.office_hours, updated_at = excluded.updated_at");
    p.setString(1, u.code());
    p.setString(2, u.name());
    p.setString(3, u.parent());
    p.setString(4, u.kind());
    p.setInt(5, u.staff());
    p.setDouble(6, u.equipmentTarget());
    p.setDouble(7, u.connectivityTarget());
    try {
      p.setString(
          8, u.officeHours() == null ? null : SqliteStore.JSON.writeValueAsString(u.officeHours()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    p.setLong(9, now.toEpochMilli());
    p.setLong(10, now.toEpochMilli());
    p.executeUpdate();
  }

  @Override
  public void insertEnrollmentToken(EnrollmentToken t) throws SQLException {
    PreparedStatement p =
        sql(
            "INSERT INTO enrollment_tokens (id, unit_code, token_hash, created_at)"
                + " VALUES (?, ?, ?, ?)");
    p.setString(1, t.id());
    p.setString(2, t.unitCode());
    p.setString(3, t.tokenHash());
    p.setLong(4, t.createdAt().toEpochMilli());
    p.executeUpdate();
  }

  @Override
  public boolean revokeEnrollmentToken(String id, Instant now) throws SQLException {
    PreparedStatement p =
        sql("UPDATE enrollment_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    p.setLong(1, now.toEpochMilli());
    p.setString(2, id);
    return p.executeUpdate() == 1;
  }

  @Override
  public void insertViewerToken(ViewerToken t) throws SQLException {
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
    PreparedStatement p =
        sql("UPDATE viewer_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    p.setLong(1, now.toEpochMilli());
    p.setString(2, id);
    return p.executeUpdate() == 1;
  }

  @Override
  public Optional<Machine> machine(String id) throws SQLException {
    PreparedStatement p = sql("SELECT " + MachineRows.COLUMNS + " FROM machines WHERE id = ?");
    p.setString(1, id);
    try (ResultSet rs = p.executeQuery()) {
      return rs.next() ? Optional.of(MachineRows.read(rs)) : Optional.empty();
    }
  }

  @Override
  public List<Machine> machinesMatching(String unitCode, String hardwareUuid, String systemSerial)
      throws SQLException {
    PreparedStatement p =
        sql(
            "SELECT "
                + MachineRows.COLUMNS
                + " FROM machines WHERE unit_code = ? AND retired_at IS NULL"
                + " AND ((? IS NOT NULL AND hardware_uuid = ?)"
                + " OR (? IS NOT NULL AND system_serial = ?))"
                + " ORDER BY last_seen_at DESC");
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
    PreparedStatement p =
        sql(
            "INSERT INTO machines (id, unit_code, token_hash, hostname, enrolled_at)"
                + " VALUES (?, ?, ?, ?, ?)");
    p.setString(1, m.id());
    p.setString(2, m.unitCode());
    p.setString(3, m.tokenHash());
    p.setString(4, m.identity().hostname());
    p.setLong(5, m.enrolledAt().toEpochMilli());
    p.executeUpdate();
    updateMachine(m, null);
  }

  @Override
  public void updateMachine(Machine m, String lastHeartbeatJson) throws SQLException {
    PreparedStatement p =
        sql(
            "UPDATE machines SET unit_code = ?, token_hash = ?, hostname = ?, hardware_uuid = ?,"
                + " system_serial = ?, baseboard_serial = ?, macs = ?, os_install_id = ?,"
                + " retired_at = ?, last_seen_at = ?, last_heartbeat_at = ?, last_seq = ?,"
                + " lost_heartbeats = ?, last_internet_up = ?, last_internet_ok_at = ?,"
                + " clock_skew_seconds = ?, memory_used_bytes = ?, disk_free_bytes = ?,"
                + " disk_total_bytes = ?, last_heartbeat = COALESCE(?, last_heartbeat)"
                + " WHERE id = ?");
    var id = m.identity();
    var l = m.liveness();
    p.setString(1, m.unitCode());
    p.setString(2, m.tokenHash());
    p.setString(3, id.hostname());
    p.setString(4, id.hardwareUuid());
    p.setString(5, id.systemSerial());
    p.setString(6, id.baseboardSerial());
    p.setString(7, id.macs());
    p.setString(8, id.osInstallId());
    setInstant(p, 9, m.retiredAt());
    setInstant(p, 10, l.lastSeenAt());
    setInstant(p, 11, l.lastHeartbeatAt());
    p.setLong(12, l.lastSeq());
    p.setLong(13, l.lostHeartbeats());
    setBool(p, 14, l.internetUp());
    setInstant(p, 15, l.lastInternetOkAt());
    setLong(p, 16, l.clockSkewSeconds());
    setLong(p, 17, l.memoryUsedBytes());
    setLong(p, 18, l.systemDiskFreeBytes());
    setLong(p, 19, l.systemDiskTotalBytes());
    p.setString(20, lastHeartbeatJson);
    p.setString(21, m.id());
    if (p.executeUpdate() != 1) {
      throw new IllegalStateException("machine row vanished: " + m.id());
    }
  }

  @Override
  public Optional<String> inventoryJson(String machineId) throws SQLException {
    PreparedStatement p = sql("SELECT inventory FROM machines WHERE id = ?");
    p.setString(1, machineId);
    try (ResultSet rs = p.executeQuery()) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
    }
  }

  @Override
  public void updateInventory(String machineId, Machine.Hardware h, String json)
      throws SQLException {
    PreparedStatement p =
        sql(
            "UPDATE machines SET inventory = ?, inventory_at = ?, memory_bytes = ?,"
                + " logical_cpus = ?, cpu_name = ?, os_family = ?, os_version = ? WHERE id = ?");
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
    p.setString(8, machineId);
    p.executeUpdate();
  }

  @Override
  public void insertEvent(String machineId, String unitCode, Instant at, String kind, String detail)
      throws SQLException {
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
  public void addHeartbeatHour(String machineId, long hour, int heartbeats, int internetUp)
      throws SQLException {
    PreparedStatement first =
        sql(
            "INSERT OR IGNORE INTO heartbeat_hours (machine_id, hour, heartbeats, internet_up)"
                + " VALUES (?, ?, 0, 0)");
    first.setString(1, machineId);
    first.setLong(2, hour);
    boolean newHour = first.executeUpdate() == 1;
    PreparedStatement add =
        sql(
            "UPDATE heartbeat_hours SET heartbeats = heartbeats + ?, internet_up = internet_up + ?"
                + " WHERE machine_id = ? AND hour = ?");
    add.setInt(1, heartbeats);
    add.setInt(2, internetUp);
    add.setString(3, machineId);
    add.setLong(4, hour);
    add.executeUpdate();
    PreparedStatement unit =
        sql(
            "INSERT INTO unit_heartbeat_hours (unit_code, hour, machines, heartbeats, internet_up)"
                + " SELECT unit_code, ?, ?, ?, ? FROM machines WHERE id = ?"
                + " ON CONFLICT (unit_code, hour) DO UPDATE SET"
                + " machines = machines + excluded.machines,"
                + " heartbeats = heartbeats + excluded.heartbeats,"
                + " internet_up = internet_up + excluded.internet_up");
    unit.setLong(1, hour);
    unit.setInt(2, newHour ? 1 : 0);
    unit.setInt(3, heartbeats);
    unit.setInt(4, internetUp);
    unit.setString(5, machineId);
    unit.executeUpdate();
  }

  @Override
  public void addProbeHour(
      String machineId, long hour, String target, String kind, boolean ok, Long latency)
      throws SQLException {
    PreparedStatement p =
        sql(
            "INSERT INTO probe_hours (machine_id, hour, target, kind, successes, failures,"
                + " latency_count, latency_sum, latency_max) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (machine_id, hour, target, kind) DO UPDATE SET"
                + " successes = successes + excluded.successes,"
                + " failures = failures + excluded.failures,"
                + " latency_count = latency_count + excluded.latency_count,"
                + " latency_sum = latency_sum + excluded.latency_sum,"
                + " latency_max = MAX(COALESCE(latency_max, excluded.latency_max),"
                + " COALESCE(excluded.latency_max, latency_max))");
    p.setString(1, machineId);
    p.setLong(2, hour);
    p.setString(3, target);
    p.setString(4, kind);
    p.setInt(5, ok ? 1 : 0);
    p.setInt(6, ok ? 0 : 1);
    p.setInt(7, latency == null ? 0 : 1);
    p.setLong(8, latency == null ? 0 : latency);
    setLong(p, 9, latency);
    p.executeUpdate();
  }

  @Override
  public void insertRawHeartbeat(String machineId, long seq, Instant receivedAt, String body)
      throws SQLException {
    PreparedStatement p =
        sql(
            "INSERT OR IGNORE INTO raw_heartbeats (machine_id, seq, received_at, body)"
                + " VALUES (?, ?, ?, ?)");
    p.setString(1, machineId);
    p.setLong(2, seq);
    p.setLong(3, receivedAt.toEpochMilli());
    p.setString(4, body);
    p.executeUpdate();
  }

  @Override
  public int prune(Instant hourlyBefore, Instant rawBefore) throws SQLException {
    int deleted = 0;
    for (String table : List.of("heartbeat_hours", "unit_heartbeat_hours", "probe_hours")) {
      PreparedStatement p = sql("DELETE FROM " + table + " WHERE hour < ?");
      p.setLong(1, hourlyBefore.toEpochMilli());
      deleted += p.executeUpdate();
    }
    PreparedStatement p = sql("DELETE FROM raw_heartbeats WHERE received_at < ?");
    p.setLong(1, rawBefore.toEpochMilli());
    return deleted + p.executeUpdate();
  }
}

package io.digiready.collector.store;

import static io.digiready.collector.store.MachineRows.setBool;
import static io.digiready.collector.store.MachineRows.setInstant;
import static io.digiready.collector.store.MachineRows.setLong;

import io.digiready.collector.fleet.Machine;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A machine's rows in one transaction: identity and inventory ({@code machines}) and the fields
 * every heartbeat changes ({@code machine_state}, keyed by the integer {@code mid}).
 */
final class MachineWrites implements Tx.Machines {
  static final String STATE_UPDATE =
      "UPDATE machine_state SET last_seen_at = ?, last_heartbeat_at = ?, last_seq = ?,"
          + " lost_heartbeats = ?, last_internet_up = ?, last_internet_ok_at = ?,"
          + " clock_skew_seconds = ?, memory_used_bytes = ?, disk_free_bytes = ?,"
          + " disk_total_bytes = ?";

  private final Statements st;
  private final TxKeys keys;
  private final WriteOrder order;
  private final HeartbeatWrites heartbeats;
  private final SharedDatabase shared;

  /**
   * Rows read and locked for the whole group ({@link #lockAll}); forgotten at the group's first
   * direct write, after which {@link #current} reads the row itself again (still locked).
   */
  private final Map<String, Machine> locked = new HashMap<>();

  MachineWrites(
      Statements st,
      TxKeys keys,
      WriteOrder order,
      HeartbeatWrites heartbeats,
      SharedDatabase shared) {
    this.st = st;
    this.keys = keys;
    this.order = order;
    this.heartbeats = heartbeats;
    this.shared = shared;
  }

  static void bindState(PreparedStatement p, Machine.Liveness l) throws SQLException {
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
  public Optional<Machine> byId(String id) throws SQLException {
    order.beforeRead();
    PreparedStatement p = st.sql(MachineRows.SELECT + " WHERE m.id = ?" + shared.forUpdate());
    p.setString(1, id);
    try (ResultSet rs = p.executeQuery()) {
      return rs.next() ? Optional.of(MachineRows.read(rs)) : Optional.empty();
    }
  }

  @Override
  public List<Machine> matching(String unitCode, String hardwareUuid, String systemSerial)
      throws SQLException {
    order.beforeRead();
    PreparedStatement p =
        st.sql(
            MachineRows.SELECT
                + " WHERE m.unit_code = ? AND m.retired_at IS NULL"
                + " AND ((? IS NOT NULL AND m.hardware_uuid = ?)"
                + " OR (? IS NOT NULL AND m.system_serial = ?))"
                + " ORDER BY s.last_seen_at DESC"
                + shared.forUpdate());
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
  public void insert(Machine m) throws SQLException {
    order.beforeSharedWrite();
    // The whole identity in the insert: an enrollment writes each index once, not twice.
    PreparedStatement p =
        st.sql(
            "INSERT INTO machines (id, unit_code, token_hash, hostname, enrolled_at,"
                + " possible_duplicate_of, hardware_uuid, system_serial, baseboard_serial, macs,"
                + " os_install_id, retired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    var id = m.identity();
    p.setString(1, m.id());
    p.setString(2, m.unitCode());
    p.setString(3, m.tokenHash());
    p.setString(4, id.hostname());
    p.setLong(5, m.enrolledAt().toEpochMilli());
    p.setString(6, m.possibleDuplicateOf());
    bindFingerprint(p, 7, id);
    setInstant(p, 12, m.retiredAt());
    p.executeUpdate();
    PreparedStatement state =
        st.sql("INSERT INTO machine_state (machine_id) VALUES (?) RETURNING mid");
    state.setString(1, m.id());
    try (ResultSet rs = state.executeQuery()) {
      rs.next();
      keys.newMid(m.id(), rs.getLong(1));
    }
    updateState(m);
  }

  @Override
  public void update(Machine m) throws SQLException {
    order.beforeSharedWrite();
    PreparedStatement p =
        st.sql(
            "UPDATE machines SET unit_code = ?, token_hash = ?, hostname = ?, hardware_uuid = ?,"
                + " system_serial = ?, baseboard_serial = ?, macs = ?, os_install_id = ?,"
                + " retired_at = ? WHERE id = ?");
    var id = m.identity();
    p.setString(1, m.unitCode());
    p.setString(2, m.tokenHash());
    p.setString(3, id.hostname());
    bindFingerprint(p, 4, id);
    setInstant(p, 9, m.retiredAt());
    p.setString(10, m.id());
    if (p.executeUpdate() != 1) {
      throw new IllegalStateException("machine row vanished: " + m.id());
    }
    updateState(m);
  }

  /** The five identity columns in their fixed order, from parameter {@code first} on. */
  private static void bindFingerprint(PreparedStatement p, int first, Machine.Identity id)
      throws SQLException {
    p.setString(first, id.hardwareUuid());
    p.setString(first + 1, id.systemSerial());
    p.setString(first + 2, id.baseboardSerial());
    p.setString(first + 3, id.macs());
    p.setString(first + 4, id.osInstallId());
  }

  private void updateState(Machine m) throws SQLException {
    PreparedStatement state = st.sql(STATE_UPDATE + " WHERE mid = ?");
    bindState(state, m.liveness());
    state.setLong(11, keys.mid(m.id()));
    state.executeUpdate();
    heartbeats.touched(m);
  }

  @Override
  public Optional<String> inventoryJson(String machineId) throws SQLException {
    order.beforeRead();
    PreparedStatement p = st.sql("SELECT inventory FROM machines WHERE id = ?");
    p.setString(1, machineId);
    try (ResultSet rs = p.executeQuery()) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
    }
  }

  @Override
  public void updateInventory(String machineId, Machine.Hardware h, String json)
      throws SQLException {
    order.beforeWrite();
    PreparedStatement p =
        st.sql(
            "UPDATE machines SET inventory = ?, inventory_at = ?, memory_bytes = ?,"
                + " logical_cpus = ?, cpu_name = ?, os_family = ?, os_version = ?,"
                + " anti_malware = ?, anti_malware_product = ?, os_updated_at = ?,"
                + " software_missing = ? WHERE id = ?");
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
    p.setString(11, MachineRows.labelsJson(h.softwareMissing()));
    p.setString(12, machineId);
    p.executeUpdate();
  }

  @Override
  public void updateSoftwareMissing(String machineId, List<String> missing) throws SQLException {
    order.beforeWrite();
    PreparedStatement p = st.sql("UPDATE machines SET software_missing = ? WHERE id = ?");
    p.setString(1, MachineRows.labelsJson(missing));
    p.setString(2, machineId);
    p.executeUpdate();
  }

  @Override
  public Optional<Machine> current(String machineId) throws SQLException {
    Machine m = heartbeats.current(machineId);
    // No flush first: staged rows of other machines do not change this one's row.
    if (m != null) {
      return Optional.of(m);
    }
    m = locked.get(machineId);
    return m != null ? Optional.of(m) : shared.lockMachine(st, machineId);
  }

  @Override
  public void lockAll(Collection<String> machineIds) throws SQLException {
    if (machineIds.isEmpty()) {
      return;
    }
    order.beforeRead();
    locked.putAll(shared.lockMachines(st, machineIds));
  }

  /** A direct write may change what a locked row read at the group's start said. */
  void forgetLocked() {
    locked.clear();
  }
}

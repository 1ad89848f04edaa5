package io.digiready.collector.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.digiready.collector.fleet.Machine;
import io.digiready.protocol.Heartbeat;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Maps the machines and machine_state tables to {@link Machine}, and Instant/nullable helpers. */
final class MachineRows {
  /** Identity and hardware from {@code machines m}, the heartbeat's fields from {@code s}. */
  static final String SELECT =
      "SELECT m.id, m.unit_code, m.token_hash, m.enrolled_at, m.retired_at, m.hostname,"
          + " m.hardware_uuid, m.system_serial, m.baseboard_serial, m.macs, m.os_install_id,"
          + " s.last_seen_at, s.last_heartbeat_at, s.last_seq, s.lost_heartbeats,"
          + " s.last_internet_up, s.last_internet_ok_at, s.clock_skew_seconds,"
          + " s.memory_used_bytes, s.disk_free_bytes, s.disk_total_bytes, m.memory_bytes,"
          + " m.logical_cpus, m.cpu_name, m.os_family, m.os_version, m.inventory_at,"
          + " m.possible_duplicate_of,"
          + " m.anti_malware, m.anti_malware_product, m.os_updated_at, m.software_at,"
          + " m.software_missing"
          + " FROM machines m JOIN machine_state s ON s.machine_id = m.id";

  private MachineRows() {}

  static Machine read(ResultSet rs) throws SQLException {
    var identity =
        new Machine.Identity(
            rs.getString("hostname"),
            rs.getString("hardware_uuid"),
            rs.getString("system_serial"),
            rs.getString("baseboard_serial"),
            rs.getString("macs"),
            rs.getString("os_install_id"));
    Long internet = longOrNull(rs, "last_internet_up");
    var liveness =
        new Machine.Liveness(
            instant(rs, "last_seen_at"),
            instant(rs, "last_heartbeat_at"),
            rs.getLong("last_seq"),
            rs.getLong("lost_heartbeats"),
            internet == null ? null : internet != 0,
            instant(rs, "last_internet_ok_at"),
            longOrNull(rs, "clock_skew_seconds"),
            longOrNull(rs, "memory_used_bytes"),
            longOrNull(rs, "disk_free_bytes"),
            longOrNull(rs, "disk_total_bytes"),
            null,
            null);
    Long cpus = longOrNull(rs, "logical_cpus");
    var hardware =
        new Machine.Hardware(
            longOrNull(rs, "memory_bytes"),
            cpus == null ? null : cpus.intValue(),
            rs.getString("cpu_name"),
            rs.getString("os_family"),
            rs.getString("os_version"),
            instant(rs, "inventory_at"),
            antiMalware(rs.getString("anti_malware"), rs.getString("anti_malware_product")),
            instant(rs, "os_updated_at"),
            instant(rs, "software_at"),
            labels(rs.getString("software_missing")));
    return new Machine(
        rs.getString("id"),
        rs.getString("unit_code"),
        rs.getString("token_hash"),
        instant(rs, "enrolled_at"),
        instant(rs, "retired_at"),
        identity,
        liveness,
        hardware,
        rs.getString("possible_duplicate_of"));
  }

  private static final TypeReference<List<String>> LABELS = new TypeReference<>() {};

  /** Missing labels as stored (JSON), null when never worked out; labels shared in memory. */
  static List<String> labels(String json) {
    if (json == null) {
      return null;
    }
    if (json.equals("[]")) {
      // What nearly every machine stores: no parse for each of a million rows at start.
      return List.of();
    }
    try {
      List<String> labels = JdbcStore.JSON.readValue(json, LABELS);
      return labels.isEmpty() ? List.of() : labels.stream().map(String::intern).toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored missing applications unreadable", e);
    }
  }

  static String labelsJson(List<String> labels) {
    try {
      return labels == null ? null : JdbcStore.JSON.writeValueAsString(labels);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored state label and product; null (unknown) for no or an unknown label. */
  static Machine.AntiMalware antiMalware(String label, String product) {
    Machine.AntiMalware.State state = Machine.AntiMalware.State.fromLabel(label);
    // Product names repeat across a whole fleet ("Windows Defender"): one copy in memory.
    return state == null
        ? null
        : new Machine.AntiMalware(state, product == null ? null : product.intern());
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static void setInstant(PreparedStatement p, int i, Instant value) throws SQLException {
    if (value == null) {
      p.setNull(i, Types.INTEGER);
    } else {
      p.setLong(i, value.toEpochMilli());
    }
  }

  static void setLong(PreparedStatement p, int i, Long value) throws SQLException {
    if (value == null) {
      p.setNull(i, Types.INTEGER);
    } else {
      p.setLong(i, value);
    }
  }

  static void setBool(PreparedStatement p, int i, Boolean value) throws SQLException {
    if (value == null) {
      p.setNull(i, Types.INTEGER);
    } else {
      p.setInt(i, value ? 1 : 0);
    }
  }

  static Optional<String> inventoryJson(Reads db, String machineId) {
    return db.queryFirst(
        "SELECT inventory FROM machines WHERE id = ? AND inventory IS NOT NULL",
        p -> p.setString(1, machineId),
        rs -> rs.getString(1));
  }

  /** The newest heartbeat as stored in the machine's state row (probes and live figures). */
  static Optional<Heartbeat> lastHeartbeat(Reads db, StoreKeys keys, String machineId) {
    return db
        .query(
            "SELECT last_heartbeat, last_heartbeat_at, memory_used_bytes, disk_free_bytes,"
                + " disk_total_bytes FROM machine_state WHERE machine_id = ?"
                + " AND last_heartbeat IS NOT NULL",
            p -> p.setString(1, machineId),
            rs -> {
              var decoded = RawHeartbeatCodec.decode(rs.getBytes(1), 0, machineId, keys::target);
              if (decoded.isEmpty()) {
                return null;
              }
              Heartbeat h = decoded.get(decoded.size() - 1).heartbeat();
              // The record keeps sizes in MiB; the state row has them to the byte.
              return new Heartbeat(
                  h.machineId(),
                  h.seq(),
                  h.agentTime(),
                  h.uptimeSeconds(),
                  h.probes(),
                  h.internetUp(),
                  MachineRows.longOrNull(rs, 3),
                  MachineRows.longOrNull(rs, 4),
                  MachineRows.longOrNull(rs, 5),
                  h.agentResidentBytes(),
                  h.agentCpuSeconds(),
                  h.spoolDroppedEntries());
            })
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }
}

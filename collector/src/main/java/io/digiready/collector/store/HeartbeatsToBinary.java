package io.digiready.collector.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.Json;
import io.digiready.protocol.ProbeResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Migration step V005: the JSON copies of heartbeats (the raw table and each machine's last
 * heartbeat) become compact binary records, so that an upgraded collector keeps its raw history.
 * The raw records' time is the old receive time, the best the old rows know.
 */
final class HeartbeatsToBinary {
  private static final ObjectMapper JSON = Json.mapper();

  private HeartbeatsToBinary() {}

  static void run(Connection c) throws SQLException {
    Map<String, Long> mids = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT machine_id, mid FROM machine_state")) {
      while (rs.next()) {
        mids.put(rs.getString(1), rs.getLong(2));
      }
    }
    Map<String, Integer> targets = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT kind, target, target_id FROM probe_targets")) {
      while (rs.next()) {
        targets.put(rs.getString(1) + ' ' + rs.getString(2), rs.getInt(3));
      }
    }
    try (PreparedStatement addTarget =
            c.prepareStatement(
                "INSERT INTO probe_targets (kind, target) VALUES (?, ?) RETURNING target_id");
        PreparedStatement addRaw =
            c.prepareStatement(
                "INSERT INTO raw_heartbeat_hours (hour, mid, heartbeats, body) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (mid, hour) DO UPDATE SET"
                    + " heartbeats = raw_heartbeat_hours.heartbeats + excluded.heartbeats,"
                    + " body = CAST(raw_heartbeat_hours.body || excluded.body AS BLOB)");
        PreparedStatement setLast =
            c.prepareStatement("UPDATE machine_state SET last_heartbeat = ? WHERE mid = ?")) {
      java.util.function.ToIntFunction<ProbeResult> ids =
          p -> {
            String kind = p.kind().name().toLowerCase(Locale.ROOT);
            return targets.computeIfAbsent(
                kind + ' ' + p.target(),
                k -> {
                  try {
                    addTarget.setString(1, kind);
                    addTarget.setString(2, p.target());
                    try (ResultSet rs = addTarget.executeQuery()) {
                      rs.next();
                      return rs.getInt(1);
                    }
                  } catch (SQLException e) {
                    throw new IllegalStateException(e);
                  }
                });
          };
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT machine_id, received_at, body FROM raw_heartbeats"
                      + " ORDER BY machine_id, seq")) {
        while (rs.next()) {
          Long mid = mids.get(rs.getString(1));
          if (mid == null) {
            continue;
          }
          Instant at = Instant.ofEpochMilli(rs.getLong(2));
          long hour = Math.floorDiv(at.getEpochSecond(), 3600L);
          RecordBuffer out = new RecordBuffer();
          RawHeartbeatCodec.append(out, read(rs.getString(3)), at, hour * 3600, ids, false);
          addRaw.setLong(1, hour);
          addRaw.setLong(2, mid);
          addRaw.setInt(3, 1);
          addRaw.setBytes(4, out.toByteArray());
          addRaw.executeUpdate();
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT id, last_heartbeat, last_heartbeat_at FROM machines"
                      + " WHERE last_heartbeat IS NOT NULL AND last_heartbeat_at IS NOT NULL")) {
        while (rs.next()) {
          Long mid = mids.get(rs.getString(1));
          if (mid == null) {
            continue;
          }
          RecordBuffer out = new RecordBuffer();
          RawHeartbeatCodec.append(
              out, read(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)), 0, ids, true);
          setLast.setBytes(1, out.toByteArray());
          setLast.setLong(2, mid);
          setLast.executeUpdate();
        }
      }
    }
  }

  private static Heartbeat read(String json) {
    try {
      return JSON.readValue(json, Heartbeat.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored heartbeat unreadable: " + e.getMessage(), e);
    }
  }
}

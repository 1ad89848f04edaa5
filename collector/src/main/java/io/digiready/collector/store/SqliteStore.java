package io.digiready.collector.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.OfficeHours;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.fleet.ViewerToken;
import io.digiready.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * SQLite in WAL mode: one writer connection (the writer thread's) and one read connection for admin
 * reads, which WAL lets run beside the writer.
 */
public final class SqliteStore implements Store {
  static final ObjectMapper JSON = Json.mapper();

  private final Connection writer;
  private final Connection reader;
  private final Map<String, PreparedStatement> writerStatements = new java.util.HashMap<>();

  public SqliteStore(Path file, String synchronous) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      String url = "jdbc:sqlite:" + file.toAbsolutePath();
      writer = open(url, synchronous);
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
      }
      Migrations.apply(writer);
      reader = open(url, synchronous);
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("cannot open database " + file + ": " + e.getMessage(), e);
    }
  }

  private static Connection open(String url, String synchronous) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous));
    config.setBusyTimeout(5000);
    config.enforceForeignKeys(true);
    // 64 MiB of page cache: heartbeats of thousands of machines touch pages all over the B-trees.
    config.setCacheSize(-65536);
    return DriverManager.getConnection(url, config.toProperties());
  }

  @Override
  public synchronized List<Unit> loadUnits() {
    return query(
        "SELECT code, name, parent, kind, staff, equipment_target, connectivity_target,"
            + " office_hours FROM units",
        p -> {},
        rs ->
            new Unit(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getDouble(6),
                rs.getDouble(7),
                officeHours(rs.getString(8))));
  }

  static OfficeHours officeHours(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, OfficeHours.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored office hours unreadable", e);
    }
  }

  @Override
  public synchronized List<Machine> loadMachines() {
    return query("SELECT " + MachineRows.COLUMNS + " FROM machines", p -> {}, MachineRows::read);
  }

  @Override
  public synchronized List<EnrollmentToken> loadActiveEnrollmentTokens() {
    return query(
        "SELECT id, unit_code, token_hash, created_at FROM enrollment_tokens"
            + " WHERE revoked_at IS NULL",
        p -> {},
        rs ->
            new EnrollmentToken(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4))));
  }

  @Override
  public synchronized List<TokenRow> enrollmentTokens(String unitCode) {
    return query(
        "SELECT id, unit_code, created_at, revoked_at FROM enrollment_tokens"
            + " WHERE unit_code = ? ORDER BY created_at, id",
        p -> p.setString(1, unitCode),
        rs ->
            new TokenRow(
                rs.getString(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                MachineRows.instant(rs, "revoked_at")));
  }

  @Override
  public synchronized List<ViewerToken> loadActiveViewerTokens() {
    return query(
        "SELECT id, name, token_hash, created_at FROM viewer_tokens WHERE revoked_at IS NULL",
        p -> {},
        rs ->
            new ViewerToken(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4))));
  }

  @Override
  public synchronized List<ViewerTokenRow> viewerTokens() {
    return query(
        "SELECT id, name, created_at, revoked_at FROM viewer_tokens ORDER BY created_at, id",
        p -> {},
        rs ->
            new ViewerTokenRow(
                rs.getString(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                MachineRows.instant(rs, "revoked_at")));
  }

  @Override
  public synchronized List<UnitHourBucket> unitHistory(
      Collection<String> unitCodes, Instant from, Instant to) {
    if (unitCodes.isEmpty()) {
      return List.of();
    }
    List<String> codes = List.copyOf(unitCodes);
    String placeholders = String.join(",", Collections.nCopies(codes.size(), "?"));
    return query(
        "SELECT hour, SUM(machines), SUM(heartbeats), SUM(internet_up)"
            + " FROM unit_heartbeat_hours WHERE unit_code IN ("
            + placeholders
            + ") AND hour >= ? AND hour < ? GROUP BY hour ORDER BY hour",
        p -> {
          int i = 1;
          for (String code : codes) {
            p.setString(i++, code);
          }
          p.setLong(i++, from.toEpochMilli());
          p.setLong(i, to.toEpochMilli());
        },
        rs ->
            new UnitHourBucket(
                Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
  }

  @Override
  public synchronized List<EventRow> events(String machineId, int limit) {
    return query(
        "SELECT id, machine_id, unit_code, at, kind, detail FROM events WHERE machine_id = ?"
            + " ORDER BY id DESC LIMIT ?",
        p -> {
          p.setString(1, machineId);
          p.setInt(2, limit);
        },
        rs ->
            new EventRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getString(5),
                rs.getString(6)));
  }

  @Override
  public synchronized List<HourBucket> history(String machineId, Instant from, Instant to) {
    Map<Long, List<ProbeBucket>> probes = new LinkedHashMap<>();
    query(
        "SELECT hour, target, kind, successes, failures, latency_count, latency_sum, latency_max"
            + " FROM probe_hours WHERE machine_id = ? AND hour >= ? AND hour < ?"
            + " ORDER BY hour, target, kind",
        p -> {
          p.setString(1, machineId);
          p.setLong(2, from.toEpochMilli());
          p.setLong(3, to.toEpochMilli());
        },
        rs -> {
          long count = rs.getLong(6);
          probes
              .computeIfAbsent(rs.getLong(1), h -> new ArrayList<>())
              .add(
                  new ProbeBucket(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getLong(4),
                      rs.getLong(5),
                      count == 0 ? null : (double) rs.getLong(7) / count,
                      MachineRows.longOrNull(rs, "latency_max")));
          return null;
        });
    return query(
        "SELECT hour, heartbeats, internet_up FROM heartbeat_hours"
            + " WHERE machine_id = ? AND hour >= ? AND hour < ? ORDER BY hour",
        p -> {
          p.setString(1, machineId);
          p.setLong(2, from.toEpochMilli());
          p.setLong(3, to.toEpochMilli());
        },
        rs ->
            new HourBucket(
                Instant.ofEpochMilli(rs.getLong(1)),
                rs.getLong(2),
                rs.getLong(3),
                probes.getOrDefault(rs.getLong(1), List.of())));
  }

  @Override
  public synchronized Optional<String> inventoryJson(String machineId) {
    return query(
            "SELECT inventory FROM machines WHERE id = ? AND inventory IS NOT NULL",
            p -> p.setString(1, machineId),
            rs -> rs.getString(1))
        .stream()
        .findFirst();
  }

  @Override
  public synchronized Optional<String> lastHeartbeatJson(String machineId) {
    return query(
            "SELECT last_heartbeat FROM machines WHERE id = ? AND last_heartbeat IS NOT NULL",
            p -> p.setString(1, machineId),
            rs -> rs.getString(1))
        .stream()
        .findFirst();
  }

  @Override
  public synchronized boolean readable() {
    try (Statement s = reader.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public Tx begin() {
    try {
      return new SqliteTx(writer, writerStatements);
    } catch (SQLException e) {
      throw new StorageUnavailableException("cannot begin a transaction: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    for (PreparedStatement p : writerStatements.values()) {
      try {
        p.close();
      } catch (SQLException e) {
        // closing at shutdown
      }
    }
    for (Connection c : List.of(reader, writer)) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing at shutdown: nothing left to do with the error
      }
    }
  }

  interface Binder {
    void bind(PreparedStatement p) throws SQLException;
  }

  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    try (PreparedStatement p = reader.prepareStatement(sql)) {
      binder.bind(p);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StorageUnavailableException("read failed: " + e.getMessage(), e);
    }
  }
}

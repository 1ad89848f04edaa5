package io.digiready.collector.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.OfficeHours;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.fleet.ViewerToken;
import io.digiready.collector.store.RawHeartbeatCodec.Target;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.Json;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SQLite in WAL mode: one writer connection (the writer thread's) and one read connection for admin
 * reads, which WAL lets run beside the writer.
 */
/**
 * What the SQLite and PostgreSQL stores share: every read, written once in the SQL both engines
 * understand, and the integer keys of the compact tables.
 */
abstract class JdbcStore implements Store {
  static final ObjectMapper JSON = Json.mapper();

  protected final StoreKeys keys = new StoreKeys();
  protected final Dialect dialect;
  protected final boolean keepRaw;

  protected JdbcStore(Dialect dialect, boolean keepRaw) {
    this.dialect = dialect;
    this.keepRaw = keepRaw;
  }

  static final String UNIT_SELECT =
      "SELECT code, name, parent, kind, staff, equipment_target, connectivity_target,"
          + " office_hours, protection_target FROM units";

  static Unit unit(ResultSet rs) throws SQLException {
    return new Unit(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5),
        rs.getDouble(6),
        rs.getDouble(7),
        officeHours(rs.getString(8)),
        rs.getDouble(9));
  }

  /** Column 8 is {@code revoked_at}. */
  static final String ENROLLMENT_TOKEN_SELECT =
      "SELECT id, unit_code, token_hash, created_at, expires_at, max_uses, uses, revoked_at"
          + " FROM enrollment_tokens";

  static EnrollmentToken enrollmentToken(ResultSet rs) throws SQLException {
    Long maxUses = MachineRows.longOrNull(rs, 6);
    return new EnrollmentToken(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Instant.ofEpochMilli(rs.getLong(4)),
        MachineRows.instant(rs, "expires_at"),
        maxUses == null ? null : maxUses.intValue(),
        rs.getInt(7));
  }

  static final String VIEWER_TOKEN_SELECT =
      "SELECT id, name, token_hash, created_at, revoked_at FROM viewer_tokens";

  static ViewerToken viewerToken(ResultSet rs) throws SQLException {
    return new ViewerToken(
        rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
  }

  @Override
  public Optional<String> machineIdForTokenHash(String hash) {
    return queryFirst(
        "SELECT id FROM machines WHERE token_hash = ? AND retired_at IS NULL",
        p -> p.setString(1, hash),
        rs -> rs.getString(1));
  }

  @Override
  public Optional<EnrollmentToken> activeEnrollmentToken(String hash) {
    return queryFirst(
        ENROLLMENT_TOKEN_SELECT + " WHERE token_hash = ? AND revoked_at IS NULL",
        p -> p.setString(1, hash),
        JdbcStore::enrollmentToken);
  }

  @Override
  public Optional<ViewerToken> activeViewerToken(String hash) {
    return queryFirst(
        VIEWER_TOKEN_SELECT + " WHERE token_hash = ? AND revoked_at IS NULL",
        p -> p.setString(1, hash),
        JdbcStore::viewerToken);
  }

  @Override
  public List<Unit> loadUnits() {
    return query(UNIT_SELECT, p -> {}, JdbcStore::unit);
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
  public List<Machine> loadMachines() {
    return query(MachineRows.SELECT, p -> {}, MachineRows::read);
  }

  @Override
  public List<EnrollmentToken> loadActiveEnrollmentTokens() {
    return query(
        ENROLLMENT_TOKEN_SELECT + " WHERE revoked_at IS NULL", p -> {}, JdbcStore::enrollmentToken);
  }

  @Override
  public List<TokenRow> enrollmentTokens(String unitCode) {
    return query(
        "SELECT id, unit_code, created_at, expires_at, max_uses, uses, revoked_at"
            + " FROM enrollment_tokens WHERE unit_code = ? ORDER BY created_at, id",
        p -> p.setString(1, unitCode),
        rs -> {
          Long maxUses = MachineRows.longOrNull(rs, "max_uses");
          int uses = rs.getInt("uses");
          return new TokenRow(
              rs.getString(1),
              rs.getString(2),
              Instant.ofEpochMilli(rs.getLong(3)),
              MachineRows.instant(rs, "expires_at"),
              maxUses == null ? null : maxUses.intValue(),
              uses,
              maxUses == null ? null : (int) Math.max(0, maxUses - uses),
              MachineRows.instant(rs, "revoked_at"));
        });
  }

  @Override
  public List<ViewerToken> loadActiveViewerTokens() {
    return query(
        VIEWER_TOKEN_SELECT + " WHERE revoked_at IS NULL", p -> {}, JdbcStore::viewerToken);
  }

  @Override
  public List<ViewerTokenRow> viewerTokens() {
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

  protected void loadKeys() {
    query(
        "SELECT uid, unit_code FROM unit_keys",
        p -> {},
        rs -> keys.uids.put(rs.getString(2), rs.getLong(1)));
    query(
        "SELECT mid, machine_id FROM machine_state",
        p -> {},
        rs -> keys.mids.put(rs.getString(2), rs.getLong(1)));
    query(
        "SELECT target_id, kind, target FROM probe_targets",
        p -> {},
        rs -> {
          var kind = ProbeKind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT));
          keys.targetIds.put(StoreKeys.targetKey(kind, rs.getString(3)), rs.getInt(1));
          return keys.targets.put(rs.getInt(1), new Target(kind, rs.getString(3)));
        });
  }

  private List<Long> uids(Collection<String> unitCodes) {
    List<Long> out = new ArrayList<>();
    for (String code : unitCodes) {
      Long uid = key(keys.uids, code, "SELECT uid FROM unit_keys WHERE unit_code = ?");
      if (uid != null) {
        out.add(uid);
      }
    }
    return out;
  }

  /**
   * An integer key this collector knows, or one another collector on the same database made (read
   * once, then kept: keys never change).
   */
  private Long key(Map<String, Long> known, String name, String sql) {
    Long key = known.get(name);
    if (key == null) {
      List<Long> found = query(sql, p -> p.setString(1, name), rs -> rs.getLong(1));
      if (!found.isEmpty()) {
        key = found.get(0);
        known.put(name, key);
      }
    }
    return key;
  }

  private static String placeholders(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  @Override
  public List<UnitHourBucket> unitHistory(Collection<String> unitCodes, Instant from, Instant to) {
    List<Long> uids = uids(unitCodes);
    if (uids.isEmpty()) {
      return List.of();
    }
    long fromHour = Math.floorDiv(from.getEpochSecond(), 3600L);
    long toHour = Math.floorDiv(to.getEpochSecond() + 3599, 3600L);
    long[][] sums = new long[(int) Math.max(0, toHour - fromHour)][3];
    query(
        "SELECT day, "
            + DayRows.HOURS_M
            + ", "
            + DayRows.HOURS_H
            + ", "
            + DayRows.HOURS_I
            + " FROM unit_days WHERE day >= ? AND day <= ? AND uid IN ("
            + placeholders(uids.size())
            + ")",
        p -> {
          p.setLong(1, Math.floorDiv(fromHour, 24L));
          p.setLong(2, Math.floorDiv(toHour, 24L));
          int i = 3;
          for (Long uid : uids) {
            p.setLong(i++, uid);
          }
        },
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

  @Override
  public List<ProbeDay> unitProbeDays(Collection<String> unitCodes, LocalDate from, LocalDate to) {
    List<Long> uids = uids(unitCodes);
    if (uids.isEmpty()) {
      return List.of();
    }
    return query(
        "SELECT day, target_id, SUM(successes), SUM(failures), SUM(latency_count),"
            + " SUM(latency_sum), MAX(latency_max) FROM unit_probe_days"
            + " WHERE day >= ? AND day <= ? AND uid IN ("
            + placeholders(uids.size())
            + ") GROUP BY day, target_id ORDER BY day, target_id",
        p -> {
          p.setLong(1, from.toEpochDay());
          p.setLong(2, to.toEpochDay());
          int i = 3;
          for (Long uid : uids) {
            p.setLong(i++, uid);
          }
        },
        rs -> {
          Target t = keys.target(rs.getInt(2));
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

  static final String COVERAGE_DAY_COLUMNS =
      "day, status, as_of, staff, own_staff, equipped_staff, working_machines, internet_machines,"
          + " compliant_machines, equipment_coverage, connectivity_coverage, compliance,"
          + " readiness_score, equipment_target, connectivity_target, unit_rank, siblings,"
          + " protected_machines, protection_coverage, protection_target";

  @Override
  public List<CoverageDay> coverageDays(
      Collection<String> unitCodes, LocalDate from, LocalDate to) {
    List<Long> uids = uids(unitCodes);
    if (uids.isEmpty() || from.isAfter(to)) {
      return List.of();
    }
    return query(
        "SELECT k.unit_code, c."
            + COVERAGE_DAY_COLUMNS.replace(", ", ", c.")
            + " FROM unit_coverage_days c JOIN unit_keys k ON k.uid = c.uid"
            + " WHERE c.day >= ? AND c.day <= ? AND c.uid IN ("
            + placeholders(uids.size())
            + ") ORDER BY k.unit_code, c.day",
        p -> {
          p.setLong(1, from.toEpochDay());
          p.setLong(2, to.toEpochDay());
          int i = 3;
          for (Long uid : uids) {
            p.setLong(i++, uid);
          }
        },
        rs ->
            new CoverageDay(
                rs.getString(1),
                LocalDate.ofEpochDay(rs.getLong(2)),
                rs.getInt(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getInt(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8),
                rs.getInt(9),
                rs.getInt(10),
                doubleOrNull(rs, 11),
                doubleOrNull(rs, 12),
                doubleOrNull(rs, 13),
                doubleOrNull(rs, 14),
                rs.getDouble(15),
                rs.getDouble(16),
                rs.getInt(17),
                rs.getInt(18),
                MachineRows.longOrNull(rs, 19) == null ? null : rs.getInt(19),
                doubleOrNull(rs, 20),
                doubleOrNull(rs, 21)));
  }

  @Override
  public Map<String, LocalDate> lastClosedCoverageDays() {
    // One index seek per unit (the primary key is uid, day): no scan of ten years of rows.
    Map<String, LocalDate> out = new java.util.HashMap<>();
    query(
        "SELECT k.unit_code, (SELECT MAX(c.day) FROM unit_coverage_days c"
            + " WHERE c.uid = k.uid AND c.status <> 0) FROM unit_keys k",
        p -> {},
        rs -> {
          long day = rs.getLong(2);
          if (!rs.wasNull()) {
            out.put(rs.getString(1), LocalDate.ofEpochDay(day));
          }
          return null;
        });
    return out;
  }

  private static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  @Override
  public List<EventRow> events(String machineId, int limit) {
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
  public List<HourBucket> history(String machineId, Instant from, Instant to) {
    Long mid = key(keys.mids, machineId, "SELECT mid FROM machine_state WHERE machine_id = ?");
    if (mid == null) {
      return List.of();
    }
    long fromHour = Math.floorDiv(from.getEpochSecond(), 3600L);
    long toHour = Math.floorDiv(to.getEpochSecond() + 3599, 3600L);
    Map<Long, long[]> counts = new java.util.TreeMap<>();
    query(
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
    query(
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
              RawHeartbeatCodec.decode(rs.getBytes(2), hour * 3600, machineId, keys::target)) {
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

  @Override
  public Optional<String> inventoryJson(String machineId) {
    return queryFirst(
        "SELECT inventory FROM machines WHERE id = ? AND inventory IS NOT NULL",
        p -> p.setString(1, machineId),
        rs -> rs.getString(1));
  }

  @Override
  public Optional<Heartbeat> lastHeartbeat(String machineId) {
    return query(
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

  @Override
  public Optional<SoftwareList> software(String machineId) {
    Long mid = key(keys.mids, machineId, "SELECT mid FROM machine_state WHERE machine_id = ?");
    try {
      return read(
          c -> {
            Instant at = SoftwareRows.reportedAt(c, machineId);
            if (at == null) {
              return Optional.empty();
            }
            return SoftwareRows.read(c, machineId, mid).map(list -> new SoftwareList(at, list));
          });
    } catch (SQLException e) {
      throw new StorageUnavailableException("read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Installation> installations(String name) {
    return query(
        "SELECT s.machine_id, n.name, r.version, r.vendor, ms.install_day"
            + " FROM software_names n JOIN software_releases r ON r.sid = n.sid"
            + " JOIN machine_software ms ON ms.vid = r.vid"
            + " JOIN machine_state s ON s.mid = ms.mid WHERE n.name_key = ?",
        p -> p.setString(1, SoftwareRows.nameKey(name.strip())),
        rs -> {
          long day = rs.getLong(5);
          boolean noDay = rs.wasNull();
          String version = rs.getString(3);
          String vendor = rs.getString(4);
          return new Installation(
              rs.getString(1),
              rs.getString(2),
              version.isEmpty() ? null : version,
              vendor.isEmpty() ? null : vendor,
              noDay ? null : LocalDate.ofEpochDay(day));
        });
  }

  @Override
  public void installedReleases(Collection<String> machineIds, InstalledRelease each) {
    Map<Long, String> byMid = new java.util.HashMap<>();
    for (String id : machineIds) {
      Long mid = key(keys.mids, id, "SELECT mid FROM machine_state WHERE machine_id = ?");
      if (mid != null) {
        byMid.put(mid, id);
      }
    }
    List<Long> mids = new ArrayList<>(byMid.keySet());
    for (int from = 0; from < mids.size(); from += 500) {
      List<Long> chunk = mids.subList(from, Math.min(mids.size(), from + 500));
      // Two integers a row, read straight from the primary key: no join, no sort.
      scan(
          "SELECT mid, vid FROM machine_software WHERE mid IN (" + placeholders(chunk.size()) + ")",
          p -> {
            int i = 1;
            for (Long mid : chunk) {
              p.setLong(i++, mid);
            }
          },
          rs -> each.accept(byMid.get(rs.getLong(1)), rs.getInt(2)));
    }
  }

  @Override
  public Map<Integer, Integer> releaseApplications(Collection<Integer> vids) {
    List<Integer> list = new ArrayList<>(vids);
    Map<Integer, Integer> out = new java.util.HashMap<>();
    for (int from = 0; from < list.size(); from += 500) {
      List<Integer> chunk = list.subList(from, Math.min(list.size(), from + 500));
      scan(
          "SELECT vid, sid FROM software_releases WHERE vid IN ("
              + placeholders(chunk.size())
              + ")",
          p -> {
            int i = 1;
            for (Integer vid : chunk) {
              p.setInt(i++, vid);
            }
          },
          rs -> out.put(rs.getInt(1), rs.getInt(2)));
    }
    return out;
  }

  @Override
  public java.util.Set<String> softwareReported(Collection<String> machineIds) {
    List<String> ids = new ArrayList<>(machineIds);
    java.util.Set<String> out = new java.util.HashSet<>();
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      out.addAll(
          query(
              "SELECT id FROM machines WHERE software_at IS NOT NULL AND id IN ("
                  + placeholders(chunk.size())
                  + ")",
              p -> {
                int i = 1;
                for (String id : chunk) {
                  p.setString(i++, id);
                }
              },
              rs -> rs.getString(1)));
    }
    return out;
  }

  @Override
  public Map<Integer, String> softwareNames(Collection<Integer> sids) {
    return byId("SELECT sid, name FROM software_names WHERE sid IN (", sids);
  }

  @Override
  public Map<Integer, String> softwareVersions(Collection<Integer> vids) {
    return byId("SELECT vid, version FROM software_releases WHERE vid IN (", vids);
  }

  private Map<Integer, String> byId(String sqlStart, Collection<Integer> ids) {
    List<Integer> list = new ArrayList<>(ids);
    Map<Integer, String> out = new java.util.HashMap<>();
    for (int from = 0; from < list.size(); from += 500) {
      List<Integer> chunk = list.subList(from, Math.min(list.size(), from + 500));
      query(
          sqlStart + placeholders(chunk.size()) + ")",
          p -> {
            int i = 1;
            for (Integer id : chunk) {
              p.setInt(i++, id);
            }
          },
          rs -> out.put(rs.getInt(1), rs.getString(2)));
    }
    return out;
  }

  interface Binder {
    void bind(PreparedStatement p) throws SQLException;
  }

  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Work on a read connection, which the engine's store lends for the call. */
  protected interface Read<T> {
    T on(Connection c) throws SQLException;
  }

  /** Runs a read on a connection for reads (one shared for SQLite, one of a pool otherwise). */
  protected abstract <T> T read(Read<T> work) throws SQLException;

  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Like {@link #query}, for rows that are consumed one by one rather than collected. */
  protected void scan(String sql, Binder binder, RowReader each) {
    try {
      read(
          c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
              binder.bind(p);
              try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                  each.read(rs);
                }
              }
              return null;
            }
          });
    } catch (SQLException e) {
      throw new StorageUnavailableException("read failed: " + e.getMessage(), e);
    }
  }

  /** The first row's value, if the query gives any. */
  protected <T> Optional<T> queryFirst(String sql, Binder binder, RowMapper<T> mapper) {
    return query(sql, binder, mapper).stream().findFirst();
  }

  protected <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    try {
      return read(
          c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
              binder.bind(p);
              List<T> out = new ArrayList<>();
              try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                  out.add(mapper.map(rs));
                }
              }
              return out;
            }
          });
    } catch (SQLException e) {
      throw new StorageUnavailableException("read failed: " + e.getMessage(), e);
    }
  }
}

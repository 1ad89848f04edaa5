package io.digiready.collector.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.fleet.ViewerToken;
import io.digiready.collector.store.RawHeartbeatCodec.Target;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.Json;
import io.digiready.protocol.ProbeKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the SQLite and PostgreSQL stores share: every read, written once in the SQL both engines
 * understand by the rows class of its aggregate, and the integer keys of the compact tables. The
 * engines lend the read connection ({@link #read}) and begin the write transactions.
 */
abstract class JdbcStore implements Store, Reads {
  static final ObjectMapper JSON = Json.mapper();

  protected final StoreKeys keys = new StoreKeys();
  protected final Dialect dialect;
  protected final boolean keepRaw;
  private final ReadKeys readKeys = new ReadKeys(keys, this);

  protected JdbcStore(Dialect dialect, boolean keepRaw) {
    this.dialect = dialect;
    this.keepRaw = keepRaw;
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
        TokenRows.ENROLLMENT_SELECT + " WHERE token_hash = ? AND revoked_at IS NULL",
        p -> p.setString(1, hash),
        TokenRows::enrollmentToken);
  }

  @Override
  public Optional<ViewerToken> activeViewerToken(String hash) {
    return queryFirst(
        TokenRows.VIEWER_SELECT + " WHERE token_hash = ? AND revoked_at IS NULL",
        p -> p.setString(1, hash),
        TokenRows::viewerToken);
  }

  @Override
  public List<Unit> loadUnits() {
    return query(UnitRows.SELECT, p -> {}, UnitRows::read);
  }

  @Override
  public List<Machine> loadMachines() {
    return query(MachineRows.SELECT, p -> {}, MachineRows::read);
  }

  @Override
  public List<EnrollmentToken> loadActiveEnrollmentTokens() {
    return query(
        TokenRows.ENROLLMENT_SELECT + " WHERE revoked_at IS NULL",
        p -> {},
        TokenRows::enrollmentToken);
  }

  @Override
  public List<TokenRow> enrollmentTokens(String unitCode) {
    return TokenRows.enrollmentTokens(this, unitCode);
  }

  @Override
  public List<ViewerToken> loadActiveViewerTokens() {
    return query(
        TokenRows.VIEWER_SELECT + " WHERE revoked_at IS NULL", p -> {}, TokenRows::viewerToken);
  }

  @Override
  public List<ViewerTokenRow> viewerTokens() {
    return TokenRows.viewerTokens(this);
  }

  protected void loadKeys() {
    scan(
        "SELECT uid, unit_code FROM unit_keys",
        p -> {},
        rs -> keys.uids.put(rs.getString(2), rs.getLong(1)));
    scan(
        "SELECT mid, machine_id FROM machine_state",
        p -> {},
        rs -> keys.mids.put(rs.getString(2), rs.getLong(1)));
    scan(
        "SELECT target_id, kind, target FROM probe_targets",
        p -> {},
        rs -> {
          var kind = ProbeKind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT));
          keys.targetIds.put(StoreKeys.targetKey(kind, rs.getString(3)), rs.getInt(1));
          keys.targets.put(rs.getInt(1), new Target(kind, rs.getString(3)));
        });
  }

  @Override
  public List<UnitHourBucket> unitHistory(Collection<String> unitCodes, Instant from, Instant to) {
    return HistoryReads.unitHistory(this, readKeys, unitCodes, from, to);
  }

  @Override
  public List<ProbeDay> unitProbeDays(Collection<String> unitCodes, LocalDate from, LocalDate to) {
    return HistoryReads.unitProbeDays(this, readKeys, unitCodes, from, to);
  }

  @Override
  public List<CoverageDay> coverageDays(
      Collection<String> unitCodes, LocalDate from, LocalDate to) {
    return CoverageDayRows.read(this, readKeys, unitCodes, from, to);
  }

  @Override
  public Map<String, LocalDate> lastClosedCoverageDays() {
    return CoverageDayRows.lastClosed(this);
  }

  @Override
  public List<EventRow> events(String machineId, int limit) {
    return EventRows.latest(this, machineId, limit);
  }

  @Override
  public List<HourBucket> history(String machineId, Instant from, Instant to) {
    return HistoryReads.machineHours(this, readKeys, machineId, from, to);
  }

  @Override
  public Optional<String> inventoryJson(String machineId) {
    return MachineRows.inventoryJson(this, machineId);
  }

  @Override
  public Optional<Heartbeat> lastHeartbeat(String machineId) {
    return MachineRows.lastHeartbeat(this, keys, machineId);
  }

  @Override
  public Optional<SoftwareList> software(String machineId) {
    return SoftwareReads.software(this, readKeys, machineId);
  }

  @Override
  public List<Installation> installations(String name) {
    return SoftwareReads.installations(this, name);
  }

  @Override
  public void installedReleases(Collection<String> machineIds, InstalledRelease each) {
    SoftwareReads.installedReleases(this, readKeys, machineIds, each);
  }

  @Override
  public Map<Integer, Integer> releaseApplications(Collection<Integer> vids) {
    return SoftwareReads.releaseApplications(this, vids);
  }

  @Override
  public Set<String> softwareReported(Collection<String> machineIds) {
    return SoftwareReads.reported(this, machineIds);
  }

  @Override
  public Map<Integer, String> softwareNames(Collection<Integer> sids) {
    return SoftwareReads.names(this, sids);
  }

  @Override
  public Map<Integer, String> softwareVersions(Collection<Integer> vids) {
    return SoftwareReads.versions(this, vids);
  }

  /** Runs a read on a connection for reads (one shared for SQLite, one of a pool otherwise). */
  protected abstract <T> T read(Read<T> work) throws SQLException;

  @Override
  public <T> T withConnection(Read<T> work) {
    try {
      return read(work);
    } catch (SQLException e) {
      throw new StorageUnavailableException("read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void scan(String sql, Binder binder, RowReader each) {
    withConnection(
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
  }

  @Override
  public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    List<T> out = new ArrayList<>();
    scan(sql, binder, rs -> out.add(mapper.map(rs)));
    return out;
  }
}

package io.digiready.collector.store;

import io.digiready.collector.store.RawHeartbeatCodec.Target;
import io.digiready.protocol.ProbeResult;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The integer keys one transaction uses: those the collector knows ({@link StoreKeys}), those made
 * in this transaction (published to {@link StoreKeys} only after the commit, so that a rolled-back
 * key is never used), and those another collector on the same database made (read from the tables).
 */
final class TxKeys {
  private final Statements st;
  private final StoreKeys keys;
  private final Map<String, Long> newMids = new HashMap<>();
  private final Map<String, Long> newUids = new HashMap<>();
  private final Map<StoreKeys.TargetKey, Integer> newTargetIds = new HashMap<>();
  private final Map<Integer, Target> newTargets = new HashMap<>();

  TxKeys(Statements st, StoreKeys keys) {
    this.st = st;
    this.keys = keys;
  }

  /** After the commit: what this transaction made is known to every later one. */
  void publish() {
    keys.mids.putAll(newMids);
    keys.uids.putAll(newUids);
    keys.targetIds.putAll(newTargetIds);
    keys.targets.putAll(newTargets);
  }

  /** A unit's integer key, or null when it has none yet. */
  Long uid(String unitCode) throws SQLException {
    Long uid = keys.uids.get(unitCode);
    if (uid == null) {
      uid = newUids.get(unitCode);
    }
    if (uid == null) {
      PreparedStatement p = st.sql("SELECT uid FROM unit_keys WHERE unit_code = ?");
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

  /** Makes a unit's key if it has none (another collector may have made it already). */
  void ensureUid(String unitCode) throws SQLException {
    if (uid(unitCode) != null) {
      return;
    }
    PreparedStatement key =
        st.sql("INSERT INTO unit_keys (unit_code) VALUES (?) ON CONFLICT (unit_code) DO NOTHING");
    key.setString(1, unitCode);
    key.executeUpdate();
    if (uid(unitCode) == null) {
      throw new IllegalStateException("no unit_keys row for " + unitCode);
    }
  }

  /** A machine's integer key, found the same ways as {@link #uid}. */
  long mid(String machineId) throws SQLException {
    Long mid = keys.mids.get(machineId);
    if (mid == null) {
      mid = newMids.get(machineId);
    }
    if (mid == null) {
      PreparedStatement p = st.sql("SELECT mid FROM machine_state WHERE machine_id = ?");
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

  void newMid(String machineId, long mid) {
    newMids.put(machineId, mid);
  }

  /** The dictionary id of a probe's kind and target, added on first sight (up to a cap). */
  int targetId(ProbeResult p) {
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
      String kind = p.kind().name().toLowerCase(Locale.ROOT);
      // ON CONFLICT: another collector on the same database may have added it meanwhile, and a
      // failed statement would abort a PostgreSQL transaction.
      PreparedStatement insert =
          st.sql(
              "INSERT INTO probe_targets (kind, target) VALUES (?, ?)"
                  + " ON CONFLICT (kind, target) DO NOTHING");
      insert.setString(1, kind);
      insert.setString(2, p.target());
      insert.executeUpdate();
      PreparedStatement read =
          st.sql("SELECT target_id FROM probe_targets WHERE kind = ? AND target = ?");
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
}

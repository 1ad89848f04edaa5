package io.digiready.collector.store;

import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.fleet.ViewerToken;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared database's side of a transaction on PostgreSQL: every table a collector keeps in
 * memory has a {@code changed} counter (db/postgresql/V002), read here past a marker; a machine's
 * state row is locked with {@code FOR UPDATE} so two collectors never both count one heartbeat.
 */
final class SharedPostgres implements SharedDatabase {
  static final SharedPostgres INSTANCE = new SharedPostgres();

  private SharedPostgres() {}

  @Override
  public Optional<Machine> lockMachine(Statements st, String machineId) throws SQLException {
    PreparedStatement p = st.sql(MachineRows.SELECT + " WHERE m.id = ? FOR UPDATE OF s");
    p.setString(1, machineId);
    try (ResultSet rs = p.executeQuery()) {
      return rs.next() ? Optional.of(MachineRows.read(rs)) : Optional.empty();
    }
  }

  @Override
  public Map<String, Machine> lockMachines(Statements st, Collection<String> machineIds)
      throws SQLException {
    // ORDER BY runs below the lock in PostgreSQL's plan: rows are locked in mid order.
    PreparedStatement p =
        st.sql(MachineRows.SELECT + " WHERE m.id = ANY(?) ORDER BY s.mid FOR UPDATE OF s");
    p.setArray(1, st.connection().createArrayOf("text", machineIds.toArray()));
    Map<String, Machine> out = new HashMap<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        Machine m = MachineRows.read(rs);
        out.put(m.id(), m);
      }
    }
    return out;
  }

  @Override
  public void lockEnrollmentTokens(Statements st, Collection<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    PreparedStatement p =
        st.sql("SELECT id FROM enrollment_tokens WHERE id = ANY(?) ORDER BY id FOR UPDATE");
    p.setArray(1, st.connection().createArrayOf("text", ids.toArray()));
    p.executeQuery().close();
  }

  @Override
  public void bumpVersion(Statements st) throws SQLException {
    st.sql("UPDATE shared_version SET version = version + 1").executeUpdate();
  }

  @Override
  public String forUpdate() {
    return " FOR UPDATE";
  }

  @Override
  public void lockTree(Statements st) throws SQLException {
    PreparedStatement p = st.sql("SELECT pg_advisory_xact_lock(?)");
    p.setLong(1, PostgresStore.TREE_LOCK);
    p.execute();
  }

  @Override
  public Tx.Changes changesSince(Statements st, long marker, boolean liveness) throws SQLException {
    long[] high = {marker};
    List<Unit> units = new ArrayList<>();
    PreparedStatement p =
        st.sql(
            UnitRows.SELECT.replace(" FROM units", ", changed FROM units") + " WHERE changed > ?");
    p.setLong(1, marker);
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        units.add(UnitRows.read(rs));
        high[0] = Math.max(high[0], rs.getLong("changed"));
      }
    }
    // Two lookups rather than one OR over the join. machines.changed is indexed; machine_state's
    // is not (V060: heartbeats' updates stay HOT), so its half reads the narrow table through.
    String columns =
        MachineRows.SELECT.replace(" FROM machines", ", m.changed, s.changed FROM machines");
    if (liveness) {
      p = st.sql(columns + " WHERE s.changed > ? UNION " + columns + " WHERE m.changed > ?");
      p.setLong(1, marker);
      p.setLong(2, marker);
    } else {
      // Only what a write of identity, unit or retirement changed (machines.changed).
      p = st.sql(columns + " WHERE m.changed > ?");
      p.setLong(1, marker);
    }
    Map<String, Machine> byId = new LinkedHashMap<>();
    try (ResultSet rs = p.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Machine m = MachineRows.read(rs);
        byId.put(m.id(), m);
        high[0] = Math.max(high[0], Math.max(rs.getLong(n - 1), rs.getLong(n)));
      }
    }
    List<EnrollmentToken> enrollment = new ArrayList<>();
    List<String> revokedEnrollment = new ArrayList<>();
    p =
        st.sql(
            TokenRows.ENROLLMENT_SELECT.replace(" FROM", ", changed FROM") + " WHERE changed > ?");
    p.setLong(1, marker);
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        rs.getLong(8);
        if (rs.wasNull()) {
          enrollment.add(TokenRows.enrollmentToken(rs));
        } else {
          revokedEnrollment.add(rs.getString(1));
        }
        high[0] = Math.max(high[0], rs.getLong(9));
      }
    }
    List<ViewerToken> viewers = new ArrayList<>();
    List<String> revokedViewers = new ArrayList<>();
    p = st.sql(TokenRows.VIEWER_SELECT.replace(" FROM", ", changed FROM") + " WHERE changed > ?");
    p.setLong(1, marker);
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        rs.getLong(5);
        if (rs.wasNull()) {
          viewers.add(TokenRows.viewerToken(rs));
        } else {
          revokedViewers.add(rs.getString(1));
        }
        high[0] = Math.max(high[0], rs.getLong(6));
      }
    }
    return new Tx.Changes(
        units,
        new ArrayList<>(byId.values()),
        enrollment,
        revokedEnrollment,
        viewers,
        revokedViewers,
        high[0]);
  }
}

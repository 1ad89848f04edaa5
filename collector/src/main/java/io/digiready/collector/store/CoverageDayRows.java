package io.digiready.collector.store;

import io.digiready.collector.coverage.UnitFigures;
import io.digiready.collector.store.Store.CoverageDay;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every unit's figures for every day ({@code unit_coverage_days}): written, pruned and read. */
final class CoverageDayRows implements Tx.CoverageDays {
  static final String COLUMNS =
      "day, status, as_of, staff, own_staff, equipped_staff, working_machines, internet_machines,"
          + " compliant_machines, equipment_coverage, connectivity_coverage, compliance,"
          + " readiness_score, equipment_target, connectivity_target, unit_rank, siblings,"
          + " protected_machines, protection_coverage, protection_target,"
          + " software_ready_machines, software_coverage, software_target";

  private final Statements st;
  private final TxKeys keys;
  private final WriteOrder order;

  CoverageDayRows(Statements st, TxKeys keys, WriteOrder order) {
    this.st = st;
    this.keys = keys;
    this.order = order;
  }

  @Override
  public void upsert(List<CoverageDay> days) throws SQLException {
    order.beforeWrite();
    if (days.isEmpty()) {
      return;
    }
    StringBuilder updates = new StringBuilder();
    for (String column : COLUMNS.split(",\\s*")) {
      if (!column.equals("day")) {
        updates
            .append(updates.length() == 0 ? "" : ", ")
            .append(column)
            .append(" = excluded.")
            .append(column);
      }
    }
    PreparedStatement p =
        st.sql(
            "INSERT INTO unit_coverage_days (uid, "
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (uid, day) DO UPDATE SET "
                + updates
                + " WHERE unit_coverage_days.status = "
                + CoverageDay.SO_FAR);
    boolean any = false;
    for (CoverageDay d : days) {
      Long uid = keys.uid(d.unit());
      if (uid == null) {
        continue;
      }
      p.setLong(1, uid);
      p.setLong(2, d.day().toEpochDay());
      p.setInt(3, d.status());
      p.setLong(4, d.asOf().toEpochMilli());
      UnitFigures f = d.figures();
      p.setInt(5, f.staff());
      p.setInt(6, f.ownStaff());
      p.setInt(7, f.equippedStaff());
      p.setInt(8, f.workingMachines());
      p.setInt(9, f.internetMachines());
      p.setInt(10, f.compliantMachines());
      setDouble(p, 11, f.equipmentCoverage());
      setDouble(p, 12, f.connectivityCoverage());
      setDouble(p, 13, f.compliance());
      setDouble(p, 14, f.readinessScore());
      p.setDouble(15, f.equipmentTarget());
      p.setDouble(16, f.connectivityTarget());
      p.setInt(17, f.rank());
      p.setInt(18, f.of());
      setInt(p, 19, f.protectedMachines());
      setDouble(p, 20, f.protectionCoverage());
      setDouble(p, 21, f.protectionTarget());
      setInt(p, 22, f.softwareReadyMachines());
      setDouble(p, 23, f.softwareCoverage());
      setDouble(p, 24, f.softwareTarget());
      p.addBatch();
      any = true;
    }
    if (any) {
      p.executeBatch();
    }
  }

  @Override
  public int prune(LocalDate before) throws SQLException {
    order.beforeWrite();
    PreparedStatement p = st.sql("DELETE FROM unit_coverage_days WHERE day < ?");
    p.setLong(1, before.toEpochDay());
    return p.executeUpdate();
  }

  private static void setInt(PreparedStatement p, int index, Integer value) throws SQLException {
    if (value == null) {
      p.setNull(index, Types.INTEGER);
    } else {
      p.setInt(index, value);
    }
  }

  private static void setDouble(PreparedStatement p, int index, Double value) throws SQLException {
    if (value == null) {
      p.setNull(index, Types.DOUBLE);
    } else {
      p.setDouble(index, value);
    }
  }

  static List<CoverageDay> read(
      Reads db, ReadKeys keys, Collection<String> unitCodes, LocalDate from, LocalDate to) {
    List<Long> uids = keys.uids(unitCodes);
    if (uids.isEmpty() || from.isAfter(to)) {
      return List.of();
    }
    return db.query(
        "SELECT k.unit_code, c."
            + COLUMNS.replace(", ", ", c.")
            + " FROM unit_coverage_days c JOIN unit_keys k ON k.uid = c.uid"
            + " WHERE c.day >= ? AND c.day <= ? AND c.uid IN ("
            + Reads.placeholders(uids.size())
            + ") ORDER BY k.unit_code, c.day",
        p -> Reads.bindDaysAndKeys(p, from.toEpochDay(), to.toEpochDay(), uids),
        rs ->
            new CoverageDay(
                rs.getString(1),
                LocalDate.ofEpochDay(rs.getLong(2)),
                rs.getInt(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                new UnitFigures(
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
                    doubleOrNull(rs, 21),
                    MachineRows.longOrNull(rs, 22) == null ? null : rs.getInt(22),
                    doubleOrNull(rs, 23),
                    doubleOrNull(rs, 24))));
  }

  static Map<String, LocalDate> lastClosed(Reads db) {
    // One index seek per unit (the primary key is uid, day): no scan of ten years of rows.
    Map<String, LocalDate> out = new HashMap<>();
    db.scan(
        "SELECT k.unit_code, (SELECT MAX(c.day) FROM unit_coverage_days c"
            + " WHERE c.uid = k.uid AND c.status <> 0) FROM unit_keys k",
        p -> {},
        rs -> {
          long day = rs.getLong(2);
          if (!rs.wasNull()) {
            out.put(rs.getString(1), LocalDate.ofEpochDay(day));
          }
        });
    return out;
  }

  private static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}

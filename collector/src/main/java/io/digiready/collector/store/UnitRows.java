package io.digiready.collector.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.digiready.collector.fleet.OfficeHours;
import io.digiready.collector.fleet.RequiredApplication;
import io.digiready.collector.fleet.Unit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The units table: a unit's row, its integer key, and how rows read back. */
final class UnitRows implements Tx.Units {
  static final String SELECT =
      "SELECT code, name, parent, kind, staff, equipment_target, connectivity_target,"
          + " office_hours, protection_target, required_applications FROM units";

  private final Statements st;
  private final TxKeys keys;
  private final WriteOrder order;
  private final SharedDatabase shared;

  UnitRows(Statements st, TxKeys keys, WriteOrder order, SharedDatabase shared) {
    this.st = st;
    this.keys = keys;
    this.order = order;
    this.shared = shared;
  }

  static Unit read(ResultSet rs) throws SQLException {
    return new Unit(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5),
        rs.getDouble(6),
        rs.getDouble(7),
        officeHours(rs.getString(8)),
        rs.getDouble(9),
        required(rs.getString(10)));
  }

  static OfficeHours officeHours(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JdbcStore.JSON.readValue(json, OfficeHours.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored office hours unreadable", e);
    }
  }

  private static final TypeReference<List<RequiredApplication>> REQUIRED = new TypeReference<>() {};

  static List<RequiredApplication> required(String json) {
    if (json == null) {
      return null;
    }
    try {
      return List.copyOf(JdbcStore.JSON.readValue(json, REQUIRED));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored required applications unreadable", e);
    }
  }

  @Override
  public void upsert(Unit u, Instant now) throws SQLException {
    order.beforeSharedWrite();
    PreparedStatement p =
        st.sql(
            "INSERT INTO units (code, name, parent, kind, staff, equipment_target,"
                + " connectivity_target, office_hours, created_at, updated_at, protection_target,"
                + " required_applications) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                + " parent = excluded.parent, kind = excluded.kind, staff = excluded.staff,"
                + " equipment_target = excluded.equipment_target,"
                + " connectivity_target = excluded.connectivity_target,"
                + " office_hours = excluded.office_hours, updated_at = excluded.updated_at,"
                + " protection_target = excluded.protection_target,"
                + " required_applications = excluded.required_applications");
    p.setString(1, u.code());
    p.setString(2, u.name());
    p.setString(3, u.parent());
    p.setString(4, u.kind());
    p.setInt(5, u.staff());
    p.setDouble(6, u.equipmentTarget());
    p.setDouble(7, u.connectivityTarget());
    try {
      p.setString(
          8, u.officeHours() == null ? null : JdbcStore.JSON.writeValueAsString(u.officeHours()));
      p.setString(
          12,
          u.requiredApplications() == null
              ? null
              : JdbcStore.JSON.writeValueAsString(u.requiredApplications()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    p.setLong(9, now.toEpochMilli());
    p.setLong(10, now.toEpochMilli());
    p.setDouble(11, u.protectionTarget());
    p.executeUpdate();
    keys.ensureUid(u.code());
  }

  @Override
  public java.util.Map<String, String> lockTree() throws SQLException {
    order.beforeWrite();
    shared.lockTree(st);
    java.util.Map<String, String> parents = new java.util.HashMap<>();
    try (ResultSet rs = st.sql("SELECT code, parent FROM units").executeQuery()) {
      while (rs.next()) {
        parents.put(rs.getString(1), rs.getString(2));
      }
    }
    return parents;
  }
}

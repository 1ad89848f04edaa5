package io.digiready.collector.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** A machine's events: written by the services that change it, read newest first. */
final class EventRows implements Tx.Events {
  private final Statements st;
  private final WriteOrder order;

  EventRows(Statements st, WriteOrder order) {
    this.st = st;
    this.order = order;
  }

  @Override
  public void insert(String machineId, String unitCode, Instant at, String kind, String detail)
      throws SQLException {
    order.beforeWrite();
    PreparedStatement p =
        st.sql(
            "INSERT INTO events (machine_id, unit_code, at, kind, detail) VALUES (?, ?, ?, ?, ?)");
    p.setString(1, machineId);
    p.setString(2, unitCode);
    p.setLong(3, at.toEpochMilli());
    p.setString(4, kind);
    p.setString(5, detail);
    p.executeUpdate();
  }

  static List<Store.EventRow> latest(Reads db, String machineId, int limit) {
    return db.query(
        "SELECT id, machine_id, unit_code, at, kind, detail FROM events WHERE machine_id = ?"
            + " ORDER BY id DESC LIMIT ?",
        p -> {
          p.setString(1, machineId);
          p.setInt(2, limit);
        },
        rs ->
            new Store.EventRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getString(5),
                rs.getString(6)));
  }
}

package io.digiready.collector.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.collector.fleet.Machine;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration step V031 (after V030 made the columns and tables): inventories stored before the
 * collector knew the software, protection and update sections already hold them in their JSON.
 * Their anti-malware state and update date go to the new columns, so that readiness sees them at
 * once rather than at the machine's next change, and a software list moves to the software tables
 * (and out of the JSON).
 */
final class SoftwareFromInventory {
  private static final ObjectMapper JSON = Json.mapper();

  private SoftwareFromInventory() {}

  private record Row(String id, long mid, String json, Instant at) {}

  static void run(Connection c) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT m.id, s.mid, m.inventory, m.inventory_at FROM machines m"
                    + " JOIN machine_state s ON s.machine_id = m.id"
                    + " WHERE m.inventory IS NOT NULL")) {
      while (rs.next()) {
        long at = rs.getLong(4);
        rows.add(
            new Row(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                rs.wasNull() ? Instant.EPOCH : Instant.ofEpochMilli(at)));
      }
    }
    try (PreparedStatement update =
            c.prepareStatement(
                "UPDATE machines SET anti_malware = ?, anti_malware_product = ?,"
                    + " os_updated_at = ? WHERE id = ?");
        PreparedStatement strip =
            c.prepareStatement("UPDATE machines SET inventory = ? WHERE id = ?")) {
      for (Row row : rows) {
        Inventory inv;
        try {
          inv = JSON.readValue(row.json(), Inventory.class);
        } catch (JsonProcessingException e) {
          continue; // unreadable: left as it is, replaced by the machine's next inventory
        }
        Machine.AntiMalware a = Machine.AntiMalware.of(inv.protection());
        Instant updated = inv.updates() == null ? null : inv.updates().lastInstalledAt();
        if (a != null || updated != null) {
          update.setString(1, a == null ? null : a.state().label());
          update.setString(2, a == null ? null : a.product());
          MachineRows.setInstant(update, 3, updated);
          update.setString(4, row.id());
          update.executeUpdate();
        }
        if (inv.software() != null) {
          SoftwareRows.replace(c, row.id(), row.mid(), inv.software(), row.at());
          try {
            strip.setString(1, JSON.writeValueAsString(inv.withSoftware(null)));
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
          strip.setString(2, row.id());
          strip.executeUpdate();
        }
      }
    }
  }
}

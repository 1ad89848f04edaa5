package io.digiready.collector.store;

import io.digiready.protocol.Inventory;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A machine's software list in one transaction (the rows themselves: {@link SoftwareRows}). */
final class SoftwareWrites implements Tx.Software {
  private final Statements st;
  private final TxKeys keys;
  private final WriteOrder order;

  SoftwareWrites(Statements st, TxKeys keys, WriteOrder order) {
    this.st = st;
    this.keys = keys;
    this.order = order;
  }

  @Override
  public Optional<List<Inventory.Software>> list(String machineId) throws SQLException {
    order.beforeRead();
    return SoftwareRows.read(st.connection(), machineId, keys.mid(machineId));
  }

  @Override
  public boolean replace(String machineId, List<Inventory.Software> list, Instant at)
      throws SQLException {
    order.beforeWrite();
    return SoftwareRows.replace(st.connection(), machineId, keys.mid(machineId), list, at);
  }

  @Override
  public int collectUnused() throws SQLException {
    order.beforeWrite();
    // Both through an index: machine_software(vid, mid) and software_releases' (sid, ...) key.
    int releases =
        st.sql(
                "DELETE FROM software_releases WHERE NOT EXISTS"
                    + " (SELECT 1 FROM machine_software ms WHERE ms.vid = software_releases.vid)")
            .executeUpdate();
    int names =
        st.sql(
                "DELETE FROM software_names WHERE NOT EXISTS"
                    + " (SELECT 1 FROM software_releases r WHERE r.sid = software_names.sid)")
            .executeUpdate();
    return releases + names;
  }
}

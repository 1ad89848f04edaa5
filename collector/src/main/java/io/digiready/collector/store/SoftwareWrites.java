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
}

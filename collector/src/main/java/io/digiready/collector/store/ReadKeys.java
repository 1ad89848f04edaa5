package io.digiready.collector.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The integer keys for reads: those this collector knows, or those another collector on the same
 * database made (read once, then kept: keys never change).
 */
final class ReadKeys {
  private final StoreKeys keys;
  private final Reads db;

  ReadKeys(StoreKeys keys, Reads db) {
    this.keys = keys;
    this.db = db;
  }

  StoreKeys keys() {
    return keys;
  }

  Long mid(String machineId) {
    return key(keys.mids, machineId, "SELECT mid FROM machine_state WHERE machine_id = ?");
  }

  /** The keys of the units that have one. */
  List<Long> uids(Collection<String> unitCodes) {
    List<Long> out = new ArrayList<>();
    for (String code : unitCodes) {
      Long uid = key(keys.uids, code, "SELECT uid FROM unit_keys WHERE unit_code = ?");
      if (uid != null) {
        out.add(uid);
      }
    }
    return out;
  }

  private Long key(Map<String, Long> known, String name, String sql) {
    Long key = known.get(name);
    if (key == null) {
      List<Long> found = db.query(sql, p -> p.setString(1, name), rs -> rs.getLong(1));
      if (!found.isEmpty()) {
        key = found.get(0);
        known.put(name, key);
      }
    }
    return key;
  }
}

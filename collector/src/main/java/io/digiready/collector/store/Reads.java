package io.digiready.collector.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Queries on a read connection, which the engine's store lends for each call (one shared for
 * SQLite, one of a pool for PostgreSQL). A failed read is a {@link StorageUnavailableException}.
 */
interface Reads {
  interface Binder {
    void bind(PreparedStatement p) throws SQLException;
  }

  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Work on a read connection. */
  interface Read<T> {
    T on(Connection c) throws SQLException;
  }

  <T> T withConnection(Read<T> work);

  <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper);

  /** Like {@link #query}, for rows that are consumed one by one rather than collected. */
  void scan(String sql, Binder binder, RowReader each);

  /** The first row's value, if the query gives any. */
  default <T> Optional<T> queryFirst(String sql, Binder binder, RowMapper<T> mapper) {
    return query(sql, binder, mapper).stream().findFirst();
  }

  /**
   * Binds a day range to the first two parameters and the keys to the IN list after them, the shape
   * of every read of a subtree's rollups.
   */
  static void bindDaysAndKeys(PreparedStatement p, long fromDay, long toDay, List<Long> keys)
      throws SQLException {
    p.setLong(1, fromDay);
    p.setLong(2, toDay);
    int i = 3;
    for (Long key : keys) {
      p.setLong(i++, key);
    }
  }

  /** {@code ?,?,?} for an IN list of {@code n} values. */
  static String placeholders(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }
}

package io.digiready.collector.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The writer connection with its prepared statements, kept across transactions (the same few
 * statements run thousands of times a second). Every rows class of a transaction writes through it.
 */
final class Statements {
  private final Connection c;
  private final Map<String, PreparedStatement> cache;

  Statements(Connection c, Map<String, PreparedStatement> cache) {
    this.c = c;
    this.cache = cache;
  }

  Connection connection() {
    return c;
  }

  /** The statement for {@code sql}, prepared once, with its parameters cleared. */
  PreparedStatement sql(String sql) throws SQLException {
    PreparedStatement p = cache.get(sql);
    if (p == null) {
      p = c.prepareStatement(sql);
      cache.put(sql, p);
    }
    p.clearParameters();
    return p;
  }

  void exec(String sql) throws SQLException {
    sql(sql).execute();
  }

  /** Runs {@code sql} on a statement of its own, outside the cache. */
  void execFresh(String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Closes and forgets every prepared statement. After an I/O error such as a full disk,
   * sqlite-jdbc's cached statements can be left unusable ("statement is not executing"): the next
   * transaction prepares everything anew.
   */
  void discard() {
    for (PreparedStatement p : cache.values()) {
      try {
        p.close();
      } catch (SQLException e) {
        // discarded either way
      }
    }
    cache.clear();
  }
}

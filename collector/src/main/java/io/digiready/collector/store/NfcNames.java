package io.digiready.collector.store;

import io.digiready.protocol.Text;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Migration step: text stored before names were put in NFC at the edge is put in NFC too, and what
 * becomes equal is merged. An application sent composed by one PC and decomposed by another was two
 * names: it becomes one, with the releases of both (a release both had keeps every machine that had
 * either). Hostnames and unit names are rewritten in NFC. Works on both engines.
 */
final class NfcNames {
  private NfcNames() {}

  static void run(Connection c) throws SQLException {
    mergeApplications(c);
    rewrite(c, "machines", "id", "hostname");
    rewrite(c, "units", "code", "name");
  }

  private static void mergeApplications(Connection c) throws SQLException {
    Map<String, List<Long>> byName = new LinkedHashMap<>();
    Map<Long, String> stored = new LinkedHashMap<>();
    try (PreparedStatement p =
            c.prepareStatement("SELECT sid, name FROM software_names ORDER BY sid");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        stored.put(rs.getLong(1), rs.getString(2));
        byName
            .computeIfAbsent(Text.nfc(rs.getString(2)), k -> new ArrayList<>())
            .add(rs.getLong(1));
      }
    }
    for (Map.Entry<String, List<Long>> e : byName.entrySet()) {
      List<Long> sids = e.getValue();
      long keep = sids.get(0);
      if (sids.size() == 1 && stored.get(keep).equals(e.getKey())) {
        continue;
      }
      for (long other : sids.subList(1, sids.size())) {
        moveReleases(c, other, keep);
        update(c, "DELETE FROM software_names WHERE sid = ?", other);
      }
      try (PreparedStatement p =
          c.prepareStatement("UPDATE software_names SET name = ?, name_key = ? WHERE sid = ?")) {
        p.setString(1, e.getKey());
        p.setString(2, e.getKey().toLowerCase(Locale.ROOT));
        p.setLong(3, keep);
        p.executeUpdate();
      }
    }
  }

  /**
   * The releases of name {@code from} become releases of {@code to}, merged where both have one.
   */
  private static void moveReleases(Connection c, long from, long to) throws SQLException {
    List<Object[]> releases = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement("SELECT vid, version, vendor FROM software_releases WHERE sid = ?")) {
      p.setLong(1, from);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          releases.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
        }
      }
    }
    for (Object[] r : releases) {
      long vid = (Long) r[0];
      Long same = null;
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT vid FROM software_releases WHERE sid = ? AND version = ? AND vendor = ?")) {
        p.setLong(1, to);
        p.setString(2, (String) r[1]);
        p.setString(3, (String) r[2]);
        try (ResultSet rs = p.executeQuery()) {
          same = rs.next() ? rs.getLong(1) : null;
        }
      }
      if (same == null) {
        try (PreparedStatement p =
            c.prepareStatement("UPDATE software_releases SET sid = ? WHERE vid = ?")) {
          p.setLong(1, to);
          p.setLong(2, vid);
          p.executeUpdate();
        }
        continue;
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO machine_software (mid, vid, install_day)"
                  + " SELECT mid, ?, install_day FROM machine_software WHERE vid = ?"
                  + " ON CONFLICT (mid, vid) DO NOTHING")) {
        p.setLong(1, same);
        p.setLong(2, vid);
        p.executeUpdate();
      }
      update(c, "DELETE FROM machine_software WHERE vid = ?", vid);
      update(c, "DELETE FROM software_releases WHERE vid = ?", vid);
    }
  }

  private static void rewrite(Connection c, String table, String key, String column)
      throws SQLException {
    Map<String, String> changed = new LinkedHashMap<>();
    try (PreparedStatement p =
            c.prepareStatement("SELECT " + key + ", " + column + " FROM " + table);
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        String text = rs.getString(2);
        String nfc = Text.nfc(text);
        if (text != null && !nfc.equals(text)) {
          changed.put(rs.getString(1), nfc);
        }
      }
    }
    try (PreparedStatement p =
        c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE " + key + " = ?")) {
      for (Map.Entry<String, String> e : changed.entrySet()) {
        p.setString(1, e.getValue());
        p.setString(2, e.getKey());
        p.executeUpdate();
      }
    }
  }

  private static void update(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, id);
      p.executeUpdate();
    }
  }
}

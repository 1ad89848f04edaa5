package io.digiready.collector.store;

import io.digiready.protocol.Inventory;
import io.digiready.protocol.Text;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A machine's software list in the normalized tables: application names ({@code software_names}),
 * releases (name, version, vendor: {@code software_releases}) and one narrow row per machine and
 * release ({@code machine_software}). Storing a list writes only what changed, so an agent that
 * re-sends the same 300 applications costs a read, not 300 deletes and inserts.
 *
 * <p>Texts are cut to {@link #MAX_NAME} / {@link #MAX_VERSION} characters: the protocol allows
 * 1,024, but a unique index entry must stay far below PostgreSQL's limit of about 2,700 bytes even
 * in three-byte UTF-8, and no real application name needs more. Statements with a list of values
 * are prepared per call (their text varies), never kept in the writer's statement cache.
 */
final class SoftwareRows {
  static final int MAX_NAME = 256;
  static final int MAX_VERSION = 128;

  /** Values per IN list: far below SQLite's and PostgreSQL's limits on bound parameters. */
  private static final int CHUNK = 300;

  private SoftwareRows() {}

  /** One normalized entry: '' for a missing version or vendor, as the unique key stores it. */
  record Entry(String name, String version, String vendor, Long installDay) {
    String key() {
      return name + '\u0000' + version + '\u0000' + vendor;
    }

    Inventory.Software software() {
      return new Inventory.Software(
          name,
          version.isEmpty() ? null : version,
          vendor.isEmpty() ? null : vendor,
          installDay == null ? null : LocalDate.ofEpochDay(installDay));
    }
  }

  /** The list as stored: blank names dropped, texts cut, repeated entries kept once. */
  static List<Entry> normalize(List<Inventory.Software> list) {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (Inventory.Software s : list) {
      if (s == null || s.name() == null || s.name().isBlank()) {
        continue;
      }
      Entry e =
          new Entry(
              clip(Text.nfc(s.name().strip()), MAX_NAME),
              clip(s.version() == null ? "" : Text.nfc(s.version().strip()), MAX_VERSION),
              clip(s.vendor() == null ? "" : Text.nfc(s.vendor().strip()), MAX_NAME),
              s.installDate() == null ? null : s.installDate().toEpochDay());
      out.putIfAbsent(e.key(), e);
    }
    return List.copyOf(out.values());
  }

  static String clip(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    // Never cut a surrogate pair in two.
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  /** The lower-case form lookups by name use. */
  static String nameKey(String name) {
    return Text.nfc(name).toLowerCase(Locale.ROOT);
  }

  /** The machine's list, or empty when it never sent one. */
  static Optional<List<Inventory.Software>> read(Connection c, String machineId, Long mid)
      throws SQLException {
    Instant at = reportedAt(c, machineId);
    if (at == null) {
      return Optional.empty();
    }
    List<Inventory.Software> out = new ArrayList<>();
    if (mid == null) {
      return Optional.of(out);
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT n.name, r.version, r.vendor, ms.install_day FROM machine_software ms"
                + " JOIN software_releases r ON r.vid = ms.vid"
                + " JOIN software_names n ON n.sid = r.sid"
                + " WHERE ms.mid = ? ORDER BY n.name_key, n.name, r.version, r.vendor")) {
      p.setLong(1, mid);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          long day = rs.getLong(4);
          Long installDay = rs.wasNull() ? null : day;
          out.add(
              new Entry(rs.getString(1), rs.getString(2), rs.getString(3), installDay).software());
        }
      }
    }
    return Optional.of(out);
  }

  /** When the machine's list was last stored; null when never. */
  static Instant reportedAt(Connection c, String machineId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT software_at FROM machines WHERE id = ?")) {
      p.setString(1, machineId);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long at = rs.getLong(1);
        return rs.wasNull() ? null : Instant.ofEpochMilli(at);
      }
    }
  }

  /**
   * Makes the machine's stored list equal to {@code list}, writing only the differences; returns
   * whether anything changed (always true for a machine's first list).
   */
  static boolean replace(
      Connection c, String machineId, long mid, List<Inventory.Software> list, Instant at)
      throws SQLException {
    List<Entry> entries = normalize(list);
    Map<String, Integer> sids = sids(c, entries);
    Map<String, Integer> vids = vids(c, entries, sids);
    Map<Integer, Long> wanted = new LinkedHashMap<>();
    for (Entry e : entries) {
      // Two entries can differ only in text that clipping made equal: the first one stays.
      wanted.putIfAbsent(vids.get(e.key()), e.installDay());
    }
    Map<Integer, Long> stored = new HashMap<>();
    try (PreparedStatement p =
        c.prepareStatement("SELECT vid, install_day FROM machine_software WHERE mid = ?")) {
      p.setLong(1, mid);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          int vid = rs.getInt(1);
          long day = rs.getLong(2);
          stored.put(vid, rs.wasNull() ? null : day);
        }
      }
    }
    boolean first = reportedAt(c, machineId) == null;
    List<Integer> gone = new ArrayList<>();
    for (Integer vid : stored.keySet()) {
      if (!wanted.containsKey(vid)) {
        gone.add(vid);
      }
    }
    if (!gone.isEmpty()) {
      try (PreparedStatement p =
          c.prepareStatement("DELETE FROM machine_software WHERE mid = ? AND vid = ?")) {
        for (Integer vid : gone) {
          p.setLong(1, mid);
          p.setInt(2, vid);
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    boolean changed = first || !gone.isEmpty();
    try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO machine_software (mid, vid, install_day) VALUES (?, ?, ?)");
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE machine_software SET install_day = ? WHERE mid = ? AND vid = ?")) {
      boolean inserts = false;
      boolean updates = false;
      for (Map.Entry<Integer, Long> w : wanted.entrySet()) {
        if (!stored.containsKey(w.getKey())) {
          insert.setLong(1, mid);
          insert.setInt(2, w.getKey());
          setDay(insert, 3, w.getValue());
          insert.addBatch();
          inserts = true;
        } else if (!java.util.Objects.equals(stored.get(w.getKey()), w.getValue())) {
          setDay(update, 1, w.getValue());
          update.setLong(2, mid);
          update.setInt(3, w.getKey());
          update.addBatch();
          updates = true;
        }
      }
      if (inserts) {
        insert.executeBatch();
      }
      if (updates) {
        update.executeBatch();
      }
      changed |= inserts || updates;
    }
    if (changed) {
      try (PreparedStatement p =
          c.prepareStatement("UPDATE machines SET software_at = ? WHERE id = ?")) {
        p.setLong(1, at.toEpochMilli());
        p.setString(2, machineId);
        p.executeUpdate();
      }
    }
    return changed;
  }

  private static void setDay(PreparedStatement p, int i, Long day) throws SQLException {
    if (day == null) {
      p.setNull(i, Types.INTEGER);
    } else {
      p.setLong(i, day);
    }
  }

  /**
   * The id of every name of the list, adding the new ones. ON CONFLICT: another collector on the
   * same database may add the same name meanwhile, and a failed statement would abort a PostgreSQL
   * transaction.
   */
  private static Map<String, Integer> sids(Connection c, List<Entry> entries) throws SQLException {
    List<String> names = entries.stream().map(Entry::name).distinct().toList();
    Map<String, Integer> out = new HashMap<>();
    selectSids(c, names, out);
    List<String> missing = names.stream().filter(n -> !out.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO software_names (name, name_key) VALUES (?, ?)"
                  + " ON CONFLICT (name) DO NOTHING")) {
        for (String name : missing) {
          p.setString(1, name);
          p.setString(2, nameKey(name));
          p.addBatch();
        }
        p.executeBatch();
      }
      selectSids(c, missing, out);
    }
    return out;
  }

  private static void selectSids(Connection c, List<String> names, Map<String, Integer> out)
      throws SQLException {
    for (int from = 0; from < names.size(); from += CHUNK) {
      List<String> chunk = names.subList(from, Math.min(names.size(), from + CHUNK));
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT sid, name FROM software_names WHERE name IN ("
                  + placeholders(chunk.size(), "?")
                  + ")")) {
        int i = 1;
        for (String name : chunk) {
          p.setString(i++, name);
        }
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(2), rs.getInt(1));
          }
        }
      }
    }
  }

  /** The id of every release of the list (by entry key), adding the new ones. */
  private static Map<String, Integer> vids(
      Connection c, List<Entry> entries, Map<String, Integer> sids) throws SQLException {
    Map<String, Integer> out = new HashMap<>();
    selectVids(c, entries, sids, out);
    List<Entry> missing = entries.stream().filter(e -> !out.containsKey(e.key())).toList();
    if (!missing.isEmpty()) {
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO software_releases (sid, version, vendor) VALUES (?, ?, ?)"
                  + " ON CONFLICT (sid, version, vendor) DO NOTHING")) {
        for (Entry e : missing) {
          p.setInt(1, sids.get(e.name()));
          p.setString(2, e.version());
          p.setString(3, e.vendor());
          p.addBatch();
        }
        p.executeBatch();
      }
      selectVids(c, missing, sids, out);
    }
    return out;
  }

  private static void selectVids(
      Connection c, List<Entry> entries, Map<String, Integer> sids, Map<String, Integer> out)
      throws SQLException {
    Map<Integer, String> nameOf = new HashMap<>();
    sids.forEach((name, sid) -> nameOf.put(sid, name));
    for (int from = 0; from < entries.size(); from += CHUNK) {
      List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
      // A join with the list rather than "(sid, version, vendor) IN (VALUES ...)", which SQLite
      // answers by scanning every release; both engines name the list's columns column1, 2, 3.
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT r.vid, r.sid, r.version, r.vendor FROM (VALUES "
                  + placeholders(chunk.size(), "(?, ?, ?)")
                  + ") AS v JOIN software_releases r ON r.sid = v.column1"
                  + " AND r.version = v.column2 AND r.vendor = v.column3")) {
        int i = 1;
        for (Entry e : chunk) {
          p.setInt(i++, sids.get(e.name()));
          p.setString(i++, e.version());
          p.setString(i++, e.vendor());
        }
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            String name = nameOf.get(rs.getInt(2));
            out.put(new Entry(name, rs.getString(3), rs.getString(4), null).key(), rs.getInt(1));
          }
        }
      }
    }
  }

  static String placeholders(int n, String one) {
    return String.join(", ", Collections.nCopies(n, one));
  }
}

package io.digiready.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NFC migration on a database written before it, on both engines: an application stored once
 * composed and once decomposed becomes one, with every machine of both; hostnames and unit names
 * are rewritten in NFC. The literals of this file are NFC; the decomposed ones are made here.
 */
class NfcNamesTest {
  static final String NFC = "Phần mềm kế toán MISA";
  static final String NFD = Normalizer.normalize(NFC, Normalizer.Form.NFD);

  @TempDir Path dir;

  @Test
  void sqlite_merges_what_nfc_makes_equal() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("old.db"))) {
      check(c, Dialect.SQLITE);
    }
  }

  /** The same on a database of the other engine; PostgreSQL's run: {@link NfcNamesPostgresIT}. */
  static void check(Connection c, Dialect d) throws SQLException {
    assertThat(NFD).isNotEqualTo(NFC);
    // The step after the conversion's (later migrations come after it).
    int last =
        Migrations.steps(d).stream().map(Migrations.Step::name).toList().indexOf("V050__nfc_names")
            + 1;
    assertThat(Migrations.steps(d).get(last - 1).name()).isEqualTo("V050__nfc_names");
    Migrations.apply(c, d, last - 1);
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO units (code, name, kind, staff, equipment_target, connectivity_target,"
              + " created_at, updated_at) VALUES ('u', '"
              + Normalizer.normalize("Xã Phú Lộc", Normalizer.Form.NFD)
              + "', 'commune', 1, 1, 0.98, 0, 0)");
      s.execute(
          "INSERT INTO machines (id, unit_code, token_hash, hostname, enrolled_at)"
              + " VALUES ('m-1', 'u', 'h1', '"
              + Normalizer.normalize("MÁY-KẾ-TOÁN", Normalizer.Form.NFD)
              + "', 0)");
      s.execute(
          "INSERT INTO software_names (sid, name, name_key) VALUES (1, '"
              + NFC
              + "', 'x'), (2, '"
              + NFD
              + "', 'y'), (3, 'Zalo', 'zalo')");
      // Release 27.1 on both names (machine 10 has the composed one, 11 the decomposed one,
      // machine 12 both), 26.0 only on the decomposed name.
      s.execute(
          "INSERT INTO software_releases (vid, sid, version, vendor) VALUES"
              + " (1, 1, '27.1', 'MISA'), (2, 2, '27.1', 'MISA'), (3, 2, '26.0', 'MISA'),"
              + " (4, 3, '24.11', 'VNG')");
      s.execute(
          "INSERT INTO machine_software (mid, vid, install_day) VALUES"
              + " (10, 1, NULL), (11, 2, NULL), (12, 1, NULL), (12, 2, NULL), (13, 3, NULL),"
              + " (10, 4, NULL)");
    }
    Migrations.apply(c, d);
    assertThat(rows(c, "SELECT sid, name, name_key FROM software_names ORDER BY sid"))
        .containsExactly("1|" + NFC + "|phần mềm kế toán misa", "3|Zalo|zalo");
    assertThat(rows(c, "SELECT vid, sid, version FROM software_releases ORDER BY vid"))
        .containsExactly("1|1|27.1", "3|1|26.0", "4|3|24.11");
    assertThat(rows(c, "SELECT mid, vid FROM machine_software ORDER BY mid, vid"))
        .containsExactly("10|1", "10|4", "11|1", "12|1", "13|3");
    assertThat(rows(c, "SELECT hostname FROM machines")).containsExactly("MÁY-KẾ-TOÁN");
    assertThat(rows(c, "SELECT name FROM units")).containsExactly("Xã Phú Lộc");
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }
}

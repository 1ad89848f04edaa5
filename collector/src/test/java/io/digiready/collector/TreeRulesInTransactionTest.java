package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unit tree's rules are checked again inside the write's transaction, against the tree the
 * database holds: a parent written there by someone else (another collector, whose change this one
 * has not followed yet) is what counts, and the write that would break the tree is refused with a
 * 409 naming the field. A tree already broken in the database (a cycle an older version let in)
 * leaves every unit listed and every answer a 2xx or a 4xx.
 */
@Contract
class TreeRulesInTransactionTest {
  @TempDir Path dir;
  TestCollector c;

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
  }

  @AfterEach
  void stop() {
    c.close();
  }

  /** Writes a parent in the database behind the collector's back, as another collector would. */
  void parentInDatabase(String code, String parent) throws Exception {
    try (Connection db = c.database();
        PreparedStatement p = db.prepareStatement("UPDATE units SET parent = ? WHERE code = ?")) {
      p.setString(1, parent);
      p.setString(2, code);
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
  }

  Map<String, String> parentsInDatabase() throws Exception {
    Map<String, String> parents = new HashMap<>();
    try (Connection db = c.database();
        PreparedStatement p = db.prepareStatement("SELECT code, parent FROM units");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        parents.put(rs.getString(1), rs.getString(2));
      }
    }
    return parents;
  }

  @Test
  void a_move_that_makes_a_cycle_with_a_parent_written_elsewhere_is_a_409_naming_parent()
      throws Exception {
    c.createUnit("p", "P", null, "district", 1);
    c.createUnit("q", "Q", null, "district", 1);
    parentInDatabase("q", "p");
    Http.Answer move = c.admin("PUT", "/api/v1/units/p", Fixtures.unit("p", "P", "q", "x", 1));
    // On PostgreSQL this collector may have followed the change already: then its own check says
    // 400 before the transaction does; either way the cycle is refused.
    assertThat(move.status()).as(move.body()).isIn(TestCollector.POSTGRESQL ? 400 : 409, 409);
    assertThat(move.json().get("detail").asText()).startsWith("parent: would make a cycle");
    if (move.status() == 409) {
      assertThat(move.json().get("error").asText()).isEqualTo("conflict");
      assertThat(move.json().get("field").asText()).isEqualTo("parent");
    }
    assertThat(parentsInDatabase()).containsEntry("p", null).containsEntry("q", "p");
  }

  @Test
  void a_move_that_puts_units_below_it_past_12_levels_in_the_database_is_refused()
      throws Exception {
    // A chain of 6 under r, and t a root with 6 below it: together 13 levels.
    c.createUnit("r0", "R0", null, "x", 1);
    for (int i = 1; i < 6; i++) {
      c.createUnit("r" + i, "R" + i, "r" + (i - 1), "x", 1);
    }
    c.createUnit("t0", "T0", null, "x", 1);
    for (int i = 1; i < 6; i++) {
      c.createUnit("t" + i, "T" + i, "t" + (i - 1), "x", 1);
    }
    c.createUnit("t6", "T6", null, "x", 1);
    parentInDatabase("t6", "t5");
    Http.Answer move = c.admin("PUT", "/api/v1/units/t0", Fixtures.unit("t0", "T0", "r5", "x", 1));
    assertThat(move.status()).as(move.body()).isIn(TestCollector.POSTGRESQL ? 400 : 409, 409);
    assertThat(move.json().get("detail").asText()).contains("levels deep (at most 12)");
    assertThat(parentsInDatabase()).containsEntry("t0", null);
  }

  @Test
  void a_cycle_already_in_the_database_leaves_every_unit_listed_and_no_500() throws Exception {
    c.createUnit("root", "Root", null, "province", 5);
    c.createUnit("c1", "C1", null, "district", 3);
    c.createUnit("c2", "C2", "c1", "commune", 2);
    parentInDatabase("c1", "c2");
    c.close();
    c = new TestCollector(dir);
    assertThat(c.units())
        .extracting(u -> u.get("code").asText())
        .containsExactlyInAnyOrder("root", "c1", "c2");
    for (String path :
        new String[] {
          "/api/v1/units/c1", "/api/v1/units/c2", "/api/v1/units.csv", "/api/v1/units/root"
        }) {
      Http.Answer a = c.admin("GET", path, null);
      assertThat(a.status()).as(path + " " + a.body()).isEqualTo(200);
    }
    // The administrator can mend it: c1 back to a root.
    Http.Answer mend =
        c.admin("PUT", "/api/v1/units/c1", Fixtures.unit("c1", "C1", null, "district", 3));
    assertThat(mend.status()).as(mend.body()).isEqualTo(200);
    assertThat(c.unitView("c1").get("staff").asInt()).isEqualTo(5);
  }
}

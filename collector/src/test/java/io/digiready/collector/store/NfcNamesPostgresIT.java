package io.digiready.collector.store;

import io.digiready.collector.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** {@link NfcNamesTest} on a real PostgreSQL the test starts (mvn verify). */
class NfcNamesPostgresIT {
  @Test
  void postgresql_merges_what_nfc_makes_equal() throws Exception {
    TestPostgres pg = TestPostgres.shared();
    try (Connection c = DriverManager.getConnection(pg.newDatabase(), TestPostgres.USER, "")) {
      NfcNamesTest.check(c, Dialect.POSTGRESQL);
    }
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import io.digiready.collector.csv.CsvReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CSV the collector hands out goes through the one writer and its formula guard: no cell of
 * {@code units.csv}, {@code coverage.csv} or {@code machines.csv} starts with a character that
 * makes a spreadsheet run it ({@code = + - @}, tab, carriage return), unless it is a plain number.
 */
class CsvExportsGuardTest {
  static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  static final List<String> HOSTILE =
      List.of(
          "=HYPERLINK(\"http://example.invalid\",\"x\")",
          "+1+1",
          "-2+3+cmd|' /C calc'!A0",
          "@SUM(A1)",
          "\t=1+1",
          "\r=1+1",
          "\t-3",
          "-1d",
          "-0x1p3");

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

  @Test
  void no_cell_of_any_export_can_run_as_a_formula() {
    c.createUnit("d", "@SUM(1+1)*cmd|' /C calc'!A0", null, "district", 3);
    List<String> units = new ArrayList<>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      String code = "d.u" + i;
      // Unit names may not hold control characters; machines' hostnames may.
      String name = HOSTILE.get(i).replace('\t', ' ').replace('\r', ' ');
      if (!name.startsWith(" ")) {
        c.createUnit(code, name, "d", "commune", 2);
        units.add(code);
      }
    }
    String token = c.enrollmentToken("d");
    for (int i = 0; i < HOSTILE.size(); i++) {
      String hostile = HOSTILE.get(i);
      Agent a = c.enroll(token, hostile, "uuid-" + i, "sn-" + i, "os-" + i);
      assertThat(
              c.inventory(
                      a,
                      Fixtures.inventory(
                          hostile, c.clock.instant(), 8 * Fixtures.GIB, 4, hostile, hostile))
                  .status())
          .isEqualTo(200);
      assertThat(c.beat(a, 1, true).status()).isEqualTo(200);
    }
    assertThat(units).isNotEmpty();

    int hostileCells = 0;
    for (String path :
        List.of(
            "/api/v1/units.csv",
            "/api/v1/reports/coverage.csv",
            "/api/v1/reports/coverage.csv?unit=d",
            "/api/v1/reports/machines.csv",
            "/api/v1/reports/machines.csv?unit=d")) {
      Http.Answer a = c.admin("GET", path, null);
      assertThat(a.status()).as(path + " " + a.body()).isEqualTo(200);
      for (CsvReader.Record r : CsvReader.read(a.raw().body())) {
        for (String cell : r.fields()) {
          if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            assertThat(cell).as(path + " line " + r.line()).matches(PLAIN_NUMBER);
          }
          if (cell.startsWith("'")) {
            hostileCells++;
          }
        }
      }
    }
    // The names, hostnames, OS and CPU columns of the hostile rows were there, guarded.
    assertThat(hostileCells).isGreaterThan(3 * HOSTILE.size());
  }
}

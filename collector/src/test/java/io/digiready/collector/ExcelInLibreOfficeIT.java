package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Excel exports opened by a real spreadsheet program: LibreOffice (Debian's
 * libreoffice-calc-nogui, installed by .ci/run) converts each file to CSV headless, which writes
 * the cells as the program shows them: percentages with their format, times in the unit's zone.
 */
class ExcelInLibreOfficeIT {
  @TempDir Path dir;
  TestCollector c;
  FixtureTree tree;

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir.resolve("collector"));
    tree = new FixtureTree(c);
  }

  @AfterEach
  void stop() {
    c.close();
  }

  /** The file as LibreOffice shows it, one CSV line a row. */
  private List<String> openedInLibreOffice(String path, String name) throws Exception {
    Http.Answer a = c.admin("GET", path, null);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    Path xlsx = dir.resolve(name + ".xlsx");
    Files.write(xlsx, a.raw().body());
    Path out = Files.createDirectories(dir.resolve("out"));
    Process p =
        new ProcessBuilder(
                "soffice",
                // A profile of its own: the test must not depend on, or write to, root's.
                "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless",
                "--convert-to",
                // CSV in UTF-8 (76), comma-separated (44), quoted with " (34).
                "csv:Text - txt - csv (StarCalc):44,34,76",
                "--outdir",
                out.toString(),
                xlsx.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("soffice.log").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("soffice finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("soffice.log"))).isZero();
    String text = Files.readString(out.resolve(name + ".csv"), StandardCharsets.UTF_8);
    return List.of(text.split("\r?\n"));
  }

  @Test
  void libreoffice_reads_the_coverage_file_with_percentages_and_vietnamese_headings()
      throws Exception {
    List<String> lines =
        openedInLibreOffice(
            "/api/v1/reports/coverage.csv?unit=krong-nang&lang=vi&format=xlsx", "coverage");
    assertThat(lines.get(0)).startsWith("Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại đơn vị,");
    String district = lines.get(1);
    // Staff 14, of whom 8 + 4 are equipped (FixtureTree): 85.7 % with one decimal.
    assertThat(district).startsWith("krong-nang,Huyện Krông Năng,,cấp huyện,14,");
    assertThat(district.split(",")[6]).isEqualTo("85.7%");
  }

  @Test
  void libreoffice_reads_the_machines_file_with_times_in_the_units_zone() throws Exception {
    List<String> lines =
        openedInLibreOffice(
            "/api/v1/reports/machines.csv?unit=krong-nang.phu-loc&format=xlsx", "machines");
    assertThat(lines.get(0)).contains(",lastSeen (Asia/Ho_Chi_Minh; UTC+07:00),");
    String pl1 =
        lines.stream().filter(l -> l.split(",")[1].equals("PL-1")).findFirst().orElseThrow();
    // The last OS update at 2026-11-22T03:00:00Z is 10:00 in Hanoi.
    assertThat(pl1).endsWith(",2026-11-22 10:00:00");
    assertThat(pl1.split(",")[4]).matches("2026-12-0\\d \\d\\d:\\d\\d:\\d\\d");
    assertThat(pl1.split(",")[8]).isEqualTo("8.0");
  }
}

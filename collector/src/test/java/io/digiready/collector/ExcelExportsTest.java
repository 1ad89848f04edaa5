package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every export as an Excel file ({@code ?format=xlsx}), read back with fastexcel's reader: the same
 * rows as the CSV, numbers as numbers, ratios with a percent format, times as Excel dates in the
 * unit's zone, Vietnamese headings.
 */
@Contract
class ExcelExportsTest {
  @TempDir Path dir;
  TestCollector c;
  FixtureTree tree;

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
    tree = new FixtureTree(c);
  }

  @AfterEach
  void stop() {
    c.close();
  }

  private Http.Answer get(String path) {
    Http.Answer a = c.admin("GET", path, null);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a;
  }

  private static List<Row> rows(Http.Answer a) throws Exception {
    try (ReadableWorkbook wb =
        new ReadableWorkbook(
            new ByteArrayInputStream(a.raw().body()), new ReadingOptions(true, false))) {
      return wb.getFirstSheet().read();
    }
  }

  private static List<String> csv(Http.Answer a) {
    byte[] b = a.raw().body();
    String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    return List.of(text.substring(0, text.length() - 2).split("\r\n", -1));
  }

  @Test
  void the_coverage_export_as_excel_has_typed_cells_and_the_csv_figures() throws Exception {
    Http.Answer x = get("/api/v1/reports/coverage.csv?unit=krong-nang&lang=vi&format=xlsx");
    assertThat(x.header("Content-Type"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(x.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"digiready-coverage-krong-nang-2026-12-03.xlsx\"");
    List<Row> rows = rows(x);
    List<String> csv = csv(get("/api/v1/reports/coverage.csv?unit=krong-nang&lang=vi"));
    assertThat(rows).hasSize(csv.size());
    assertThat(rows.get(0).getCell(0).asString()).isEqualTo("Mã đơn vị");
    assertThat(rows.get(0).getCell(6).asString()).isEqualTo("Tỷ lệ trang bị máy tính");
    for (int r = 1; r < rows.size(); r++) {
      String[] cells = csv.get(r).split(",", -1);
      Row row = rows.get(r);
      assertThat(row.getCell(0).asString()).isEqualTo(cells[0]);
      // Staff and working machines: whole numbers, equal to the CSV's.
      for (int col : new int[] {4, 5, 7, 9}) {
        Cell cell = row.getCell(col);
        assertThat(cell.getType()).as("row %d column %d", r, col).isEqualTo(CellType.NUMBER);
        assertThat(cell.asNumber()).isEqualByComparingTo(new BigDecimal(cells[col]));
      }
      // Equipment coverage: the ratio as a number, shown as a percentage.
      Cell ratio = row.getCell(6);
      assertThat(ratio.getType()).isEqualTo(CellType.NUMBER);
      assertThat(ratio.getDataFormatString()).isEqualTo("0.0%");
      assertThat(ratio.asNumber().doubleValue())
          .isCloseTo(Double.parseDouble(cells[6]), org.assertj.core.data.Offset.offset(1e-4));
    }
    Row district = rows.get(1);
    assertThat(district.getCell(0).asString()).isEqualTo("krong-nang");
    // 8 + 4 equipped staff of 14 (FixtureTree): the cell holds the whole ratio, not four decimals.
    assertThat(district.getCell(6).asNumber().doubleValue())
        .isCloseTo(12.0 / 14, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void the_machines_export_as_excel_has_times_in_the_units_zone_as_excel_dates() throws Exception {
    List<Row> rows = rows(get("/api/v1/reports/machines.csv?unit=krong-nang.phu-loc&format=xlsx"));
    assertThat(rows.get(0).getCell(4).asString())
        .isEqualTo("lastSeen (Asia/Ho_Chi_Minh; UTC+07:00)");
    Row pl1 =
        rows.stream().filter(r -> "PL-1".equals(r.getCell(1).asString())).findFirst().orElseThrow();
    Instant seen =
        Instant.parse(
            c.admin("GET", "/api/v1/machines/" + tree.agents.get("PL-1").machineId(), null)
                .json()
                .get("lastSeenAt")
                .asText());
    Cell lastSeen = pl1.getCell(4);
    assertThat(lastSeen.getType()).isEqualTo(CellType.NUMBER);
    assertThat(lastSeen.getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
    LocalDateTime local = LocalDateTime.ofInstant(seen, ZoneId.of("Asia/Ho_Chi_Minh"));
    // Excel keeps times to the millisecond; the export shows them to the second.
    assertThat(lastSeen.asDate().withNano(0)).isEqualTo(local.withNano(0));
    assertThat(pl1.getCell(14).asDate()).isEqualTo(LocalDateTime.of(2026, 11, 22, 10, 0));
    assertThat(pl1.getCell(7).getType()).isEqualTo(CellType.NUMBER);
    assertThat(pl1.getCell(8).asNumber()).isEqualByComparingTo("8.0");
    assertThat(pl1.getCell(8).getDataFormatString()).isEqualTo("0.0");
  }

  @Test
  void the_units_export_and_the_vietnamese_machines_export_exist_as_excel_files() throws Exception {
    List<Row> units = rows(get("/api/v1/units.csv?format=xlsx"));
    assertThat(units.get(0).getCell(0).asString()).isEqualTo("code");
    assertThat(units).hasSize(csv(get("/api/v1/units.csv")).size());
    List<Row> vi = rows(get("/api/v1/reports/machines.csv?unit=krong-nang&lang=vi&format=xlsx"));
    assertThat(vi.get(0).getCell(3).asString()).isEqualTo("Trạng thái");
    assertThat(vi.get(1).getCell(4).getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm:ss");
  }

  @Test
  void an_unknown_format_is_a_400_naming_the_parameter() {
    Http.Answer bad = c.admin("GET", "/api/v1/reports/coverage.csv?format=pdf", null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("detail").asText()).startsWith("format: must be csv or xlsx");
  }
}

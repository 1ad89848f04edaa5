package io.digiready.collector.sheet;

import io.digiready.collector.csv.CsvWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sheet as CSV, for scripts and for pasting: figures with a dot (ratios to four decimals), times
 * to the second in the sheet's zone without the zone in each cell (the heading says it once).
 * Spreadsheets with a decimal comma read the dot badly: the Excel form is the one for people.
 */
final class SheetCsv {
  private static final DateTimeFormatter ISO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DAY_FIRST_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
  private static final DateTimeFormatter DAY_FIRST_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private SheetCsv() {}

  static byte[] write(Sheet sheet) {
    CsvWriter csv = new CsvWriter();
    csv.row(sheet.columns().stream().map(sheet::heading).toList());
    for (List<Object> row : sheet.rows()) {
      List<String> cells = new ArrayList<>(row.size());
      for (int i = 0; i < row.size(); i++) {
        cells.add(cell(sheet, sheet.columns().get(i).kind(), row.get(i)));
      }
      csv.row(cells);
    }
    return csv.bytes();
  }

  private static String cell(Sheet sheet, Sheet.Kind kind, Object v) {
    if (v == null) {
      return "";
    }
    boolean dayFirst = sheet.style().dayFirst();
    return switch (kind) {
      case TEXT -> (String) v;
      case COUNT -> v.toString();
      case RATIO -> String.format(Locale.ROOT, "%.4f", ((Number) v).doubleValue());
      case DECIMAL -> String.format(Locale.ROOT, "%.1f", ((Number) v).doubleValue());
      case TIME ->
          (dayFirst ? DAY_FIRST_TIME : ISO_TIME).format(((Instant) v).atZone(sheet.style().zone()));
      case DATE -> dayFirst ? DAY_FIRST_DATE.format((LocalDate) v) : v.toString();
    };
  }
}

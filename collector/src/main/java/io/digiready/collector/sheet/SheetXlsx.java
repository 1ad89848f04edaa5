package io.digiready.collector.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A sheet as an Excel workbook (fastexcel: a streaming writer of 150 KB with its zip helper,
 * against about 20 MB for Apache POI with its XML beans): numbers as numbers, ratios as numbers
 * with a percent format, times and dates as Excel dates in the sheet's zone, the headings bold in a
 * frozen first row, each column as wide as its longest cell. Excel shows the figures with the
 * reader's own decimal mark, which is what a CSV cannot do.
 */
final class SheetXlsx {
  /** Excel's column width is in characters; past this a cell wraps in a reader's eye anyway. */
  private static final int MAX_WIDTH = 60;

  private SheetXlsx() {}

  static byte[] write(Sheet sheet) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(out, "digiready", "1.0");
      Worksheet ws = wb.newWorksheet(sheet.name());
      List<Sheet.Column> columns = sheet.columns();
      List<List<Object>> rows = sheet.rows();
      boolean dayFirst = sheet.style().dayFirst();
      for (int c = 0; c < columns.size(); c++) {
        Sheet.Column column = columns.get(c);
        String heading = sheet.heading(column);
        ws.value(0, c, heading);
        int width = heading.length();
        for (int r = 0; r < rows.size(); r++) {
          Object v = rows.get(r).get(c);
          if (v != null) {
            width = Math.max(width, put(ws, r + 1, c, column.kind(), v, sheet));
          }
        }
        if (!rows.isEmpty()) {
          String format = format(column.kind(), dayFirst);
          if (format != null) {
            ws.range(1, c, rows.size(), c).style().format(format).set();
          }
        }
        ws.width(c, Math.min(MAX_WIDTH, width + 2));
      }
      ws.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("DDEBF7").wrapText(true).set();
      ws.freezePane(0, 1);
      wb.finish();
    } catch (IOException e) {
      // Written to memory: no I/O can fail but the library's own.
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes one cell; answers the width it needs in characters. */
  private static int put(Worksheet ws, int r, int c, Sheet.Kind kind, Object v, Sheet sheet) {
    switch (kind) {
      case TEXT -> {
        ws.value(r, c, (String) v);
        return ((String) v).length();
      }
      case COUNT, RATIO, DECIMAL -> {
        ws.value(r, c, (Number) v);
        return 10;
      }
      case TIME -> {
        ws.value(r, c, ((Instant) v).atZone(sheet.style().zone()).toLocalDateTime());
        return 19;
      }
      case DATE -> {
        ws.value(r, c, (LocalDate) v);
        return 10;
      }
    }
    throw new IllegalStateException("unknown kind " + kind);
  }

  private static String format(Sheet.Kind kind, boolean dayFirst) {
    return switch (kind) {
      case TEXT -> null;
      case COUNT -> "0";
      case RATIO -> "0.0%";
      case DECIMAL -> "0.0";
      case TIME -> dayFirst ? "dd/mm/yyyy hh:mm:ss" : "yyyy-mm-dd hh:mm:ss";
      case DATE -> dayFirst ? "dd/mm/yyyy" : "yyyy-mm-dd";
    };
  }
}

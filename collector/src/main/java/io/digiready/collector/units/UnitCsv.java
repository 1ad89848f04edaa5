package io.digiready.collector.units;

import io.digiready.collector.csv.CsvReader;
import io.digiready.collector.fleet.RequiredApplication;
import io.digiready.collector.problem.Problem;
import io.digiready.protocol.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the unit import CSV: header {@code code,name,parent,kind,staff[,equipmentTarget,
 * connectivityTarget[,protectionTarget[,requiredApplications]]]}, RFC 4180 quoting (a name may hold
 * commas and quotes), UTF-8 with or without a BOM. Errors name the line: {@code line 4: staff: must
 * be a whole number}. A {@code requiredApplications} cell lists {@code label=match} pairs joined by
 * {@code ;} ("Ký số=token manager; Đọc PDF=pdf"); empty takes the parent's list, {@code -} requires
 * nothing.
 */
public final class UnitCsv {
  static final int MAX_ROWS = 100_000;
  private static final List<String> REQUIRED = List.of("code", "name", "parent", "kind", "staff");
  private static final List<String> OPTIONAL =
      List.of("equipmentTarget", "connectivityTarget", "protectionTarget", "requiredApplications");

  private UnitCsv() {}

  /** {@code requiredColumn}: the file has the requiredApplications column. */
  public record Row(int line, UnitBody body, boolean requiredColumn) {}

  public static List<Row> parse(byte[] csv) {
    List<CsvReader.Record> records = CsvReader.read(csv);
    if (records.isEmpty()) {
      throw Problem.invalid("line 1: header is required: " + String.join(",", REQUIRED));
    }
    List<String> header = records.get(0).fields().stream().map(String::strip).toList();
    int columns = header.size();
    if (columns < 5
        || columns > 9
        || !header.subList(0, 5).equals(REQUIRED)
        || !OPTIONAL.subList(0, columns - 5).equals(header.subList(5, columns))) {
      throw Problem.invalid(
          "line 1: header must be code,name,parent,kind,staff"
              + "[,equipmentTarget,connectivityTarget[,protectionTarget[,requiredApplications]]]");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      CsvReader.Record record = records.get(i);
      List<String> r = record.fields();
      int line = record.line();
      if (record.blank()) {
        continue;
      }
      if (rows.size() >= MAX_ROWS) {
        throw Problem.invalid("line " + line + ": at most " + MAX_ROWS + " units");
      }
      if (r.size() != columns) {
        throw Problem.invalid(
            "line " + line + ": expected " + columns + " fields. Found: " + r.size());
      }
      rows.add(
          new Row(
              line,
              new UnitBody(
                  r.get(0).strip(),
                  // Names typed in Excel on one PC and another may be composed differently.
                  Text.nfc(r.get(1)),
                  r.get(2).strip(),
                  r.get(3).strip(),
                  whole(line, "staff", r.get(4)),
                  columns > 5 ? decimal(line, "equipmentTarget", r.get(5)) : null,
                  columns > 6 ? decimal(line, "connectivityTarget", r.get(6)) : null,
                  null,
                  columns > 7 ? decimal(line, "protectionTarget", r.get(7)) : null,
                  columns > 8 ? required(line, r.get(8)) : null),
              columns > 8));
    }
    return rows;
  }

  /** "Ký số=token manager; Đọc PDF=pdf"; the rules check each part afterwards. */
  private static List<RequiredApplication> required(int line, String text) {
    String cell = Text.nfc(text.strip());
    if (cell.isEmpty()) {
      return null;
    }
    if (cell.equals("-")) {
      return List.of();
    }
    List<RequiredApplication> out = new ArrayList<>();
    for (String part : cell.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw Problem.invalid(
            "line "
                + line
                + ": requiredApplications: each entry is label=match, joined by ';'. Found: "
                + Problem.shorten(part.strip()));
      }
      out.add(
          new RequiredApplication(part.substring(0, eq).strip(), part.substring(eq + 1).strip()));
    }
    return out;
  }

  private static Integer whole(int line, String field, String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw Problem.invalid(
          "line "
              + line
              + ": "
              + field
              + ": must be a whole number. Found: "
              + Problem.shorten(text));
    }
  }

  private static Double decimal(int line, String field, String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw Problem.invalid(
          "line " + line + ": " + field + ": must be a number. Found: " + Problem.shorten(text));
    }
  }
}

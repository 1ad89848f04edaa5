package io.digiready.collector.units;

import io.digiready.collector.web.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the unit import CSV: header {@code code,name,parent,kind,staff[,equipmentTarget,
 * connectivityTarget]}, RFC 4180 quoting (a name may hold commas and quotes), UTF-8 with or without
 * a BOM. Errors name the line: {@code line 4: staff: must be a whole number}.
 */
public final class UnitCsv {
  static final int MAX_ROWS = 100_000;
  private static final List<String> REQUIRED = List.of("code", "name", "parent", "kind", "staff");
  private static final List<String> OPTIONAL = List.of("equipmentTarget", "connectivityTarget");

  private UnitCsv() {}

  public record Row(int line, UnitBody body) {}

  public static List<Row> parse(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    split(text, records, lines);
    if (records.isEmpty()) {
      throw ApiException.badRequest("line 1: header is required: " + String.join(",", REQUIRED));
    }
    List<String> header = records.get(0).stream().map(String::strip).toList();
    int columns = header.size();
    if (columns < 5
        || columns > 7
        || !header.subList(0, 5).equals(REQUIRED)
        || !OPTIONAL.subList(0, columns - 5).equals(header.subList(5, columns))) {
      throw ApiException.badRequest(
          "line 1: header must be code,name,parent,kind,staff[,equipmentTarget,connectivityTarget]");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      int line = lines.get(i);
      if (r.size() == 1 && r.get(0).isBlank()) {
        continue;
      }
      if (rows.size() >= MAX_ROWS) {
        throw ApiException.badRequest("line " + line + ": at most " + MAX_ROWS + " units");
      }
      if (r.size() != columns) {
        throw ApiException.badRequest(
            "line " + line + ": expected " + columns + " fields. Found: " + r.size());
      }
      rows.add(
          new Row(
              line,
              new UnitBody(
                  r.get(0).strip(),
                  r.get(1),
                  r.get(2).strip(),
                  r.get(3).strip(),
                  whole(line, "staff", r.get(4)),
                  columns > 5 ? decimal(line, "equipmentTarget", r.get(5)) : null,
                  columns > 6 ? decimal(line, "connectivityTarget", r.get(6)) : null,
                  null)));
    }
    return rows;
  }

  private static Integer whole(int line, String field, String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "line "
              + line
              + ": "
              + field
              + ": must be a whole number. Found: "
              + UnitRules.shorten(text));
    }
  }

  private static Double decimal(int line, String field, String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "line " + line + ": " + field + ": must be a number. Found: " + UnitRules.shorten(text));
    }
  }

  /** Splits into records of fields, remembering the line each record starts on. */
  private static void split(String text, List<List<String>> records, List<Integer> lines) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int start = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
        any = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        records.add(fields);
        lines.add(start);
        fields = new ArrayList<>();
        field.setLength(0);
        any = false;
        line++;
        start = line;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw ApiException.badRequest("line " + start + ": unterminated quoted field");
    }
    if (any || field.length() > 0) {
      fields.add(field.toString());
      records.add(fields);
      lines.add(start);
    }
  }
}

package io.digiready.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One administrative unit as the simulator needs it: its place in the tree, its headcount and the
 * matches of its required applications ({@code null}: its parent's; empty: nothing required).
 */
public record UnitRow(
    String code, String name, String parent, String kind, int staff, List<String> required) {

  public UnitRow(String code, String name, String parent, String kind, int staff) {
    this(code, name, parent, kind, staff, null);
  }

  /** Reads the unit CSV the collector imports ({@code code,name,parent,kind,staff[,...]}). */
  public static List<UnitRow> parseCsv(String csv) {
    List<UnitRow> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new StringReader(csv))) {
      String header = in.readLine();
      if (header == null || !header.startsWith("code,name,parent,kind,staff")) {
        throw new IllegalArgumentException("unit CSV must start with code,name,parent,kind,staff");
      }
      int requiredColumn = fields(header).indexOf("requiredApplications");
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        List<String> f = fields(line);
        rows.add(
            new UnitRow(
                f.get(0),
                f.get(1),
                f.get(2).isEmpty() ? null : f.get(2),
                f.get(3),
                Integer.parseInt(f.get(4)),
                requiredColumn < 0 ? null : matches(f.get(requiredColumn))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The matches of a "label=match; label=match" cell; null when empty, none for "-". */
  static List<String> matches(String cell) {
    String c = cell.strip();
    if (c.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (!c.equals("-")) {
      for (String part : c.split(";")) {
        if (!part.isBlank()) {
          out.add(part.substring(part.indexOf('=') + 1).strip());
        }
      }
    }
    return out;
  }

  /** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}

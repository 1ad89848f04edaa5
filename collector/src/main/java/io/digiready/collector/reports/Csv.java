package io.digiready.collector.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV for spreadsheets: CRLF line ends, fields quoted when they hold a comma, quote or
 * line break, and a UTF-8 byte-order mark so that Excel reads Vietnamese names as UTF-8 instead of
 * the local code page.
 */
final class Csv {
  private static final String BOM = "\uFEFF";
  private final StringBuilder out = new StringBuilder(BOM);

  Csv row(List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append("\r\n");
    return this;
  }

  byte[] bytes() {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String field(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    // A text cell starting with = + - @ would run as a formula when the file is opened in a
    // spreadsheet (hostnames and names come from machines and users); a leading apostrophe keeps
    // it text.
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static boolean isNumber(String v) {
    try {
      Double.parseDouble(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

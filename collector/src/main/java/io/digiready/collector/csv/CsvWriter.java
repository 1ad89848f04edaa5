package io.digiready.collector.csv;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every CSV the collector hands out, for spreadsheets: a UTF-8 byte-order mark (so that Excel reads
 * Vietnamese names as UTF-8 instead of the local code page), CRLF line ends, RFC 4180 quoting, and
 * a guard against formula injection.
 */
public final class CsvWriter {
  private static final String BOM = "\uFEFF";

  /**
   * The characters that make a spreadsheet treat a cell as a formula (OWASP's list: = + - @, tab
   * and carriage return, which some spreadsheets skip before reading an =).
   */
  private static final String FORMULA_START = "=+-@\t\r";

  private final StringBuilder out = new StringBuilder(BOM);

  public CsvWriter row(List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append("\r\n");
    return this;
  }

  public byte[] bytes() {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One cell: null is empty, text that would run as a formula gets a leading apostrophe. */
  public static String field(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    // Hostnames and names come from machines and users: a cell such as "=HYPERLINK(...)" must stay
    // text when an administrator opens the file. A plain number such as -3 is left alone.
    if (!v.isEmpty() && FORMULA_START.indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
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

  /**
   * A number as the collector writes one ({@code -3}, {@code 0.9800}, {@code 1e-5}): the only text
   * starting with {@code -} or {@code +} left as it is. Stricter than {@link Double#parseDouble},
   * which also takes {@code "\t-3"}, {@code "-1d"} and {@code "-0x1p3"}.
   */
  private static boolean isNumber(String v) {
    return PLAIN_NUMBER.matcher(v).matches();
  }

  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
}

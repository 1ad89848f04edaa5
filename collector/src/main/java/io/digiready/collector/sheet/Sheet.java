package io.digiready.collector.sheet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table as an export hands it out, with a type per column, so that one table becomes a CSV for
 * scripts and an Excel file with numbers, percentages and dates as Excel's own types. Times are
 * kept as instants and shown in one time zone, the one of the unit the export is about; the zone is
 * stated once, in the heading of each time column.
 */
public final class Sheet {
  /** What a column holds, and so how each format writes it. */
  public enum Kind {
    /** Any text; null is an empty cell. */
    TEXT,
    /** A whole number. */
    COUNT,
    /** A share from 0 to 1, shown as a percentage in Excel. */
    RATIO,
    /** A figure with one decimal (GiB). */
    DECIMAL,
    /** An {@link Instant}, shown to the second in the sheet's zone. */
    TIME,
    /** A {@link LocalDate}. */
    DATE
  }

  public record Column(String heading, Kind kind) {
    public Column {
      Objects.requireNonNull(heading);
      Objects.requireNonNull(kind);
    }
  }

  /**
   * How dates read in the sheet's language: {@code dayFirst} writes 31/03/2026 (Vietnamese), else
   * 2026-03-31.
   */
  public record Style(ZoneId zone, boolean dayFirst) {}

  private final String name;
  private final Style style;
  private final List<Column> columns;
  private final List<List<Object>> rows = new ArrayList<>();

  /** {@code name} is the worksheet's tab (at most 31 characters in Excel). */
  public Sheet(String name, Style style, List<Column> columns) {
    this.name = name.length() > 31 ? name.substring(0, 31) : name;
    this.style = style;
    this.columns = List.copyOf(columns);
  }

  /** One row, a value per column in the column's type (or null for an empty cell). */
  public Sheet row(List<?> values) {
    if (values.size() != columns.size()) {
      throw new IllegalArgumentException(
          "a row of " + values.size() + " cells for " + columns.size() + " columns");
    }
    for (int i = 0; i < values.size(); i++) {
      check(columns.get(i), values.get(i));
    }
    rows.add(new ArrayList<>(values));
    return this;
  }

  private static void check(Column c, Object v) {
    if (v == null) {
      return;
    }
    boolean fits =
        switch (c.kind()) {
          case TEXT -> v instanceof String;
          case COUNT -> v instanceof Integer || v instanceof Long;
          case RATIO, DECIMAL -> v instanceof Number;
          case TIME -> v instanceof Instant;
          case DATE -> v instanceof LocalDate;
        };
    if (!fits) {
      throw new IllegalArgumentException(
          c.heading() + ": a " + c.kind() + " column holds no " + v.getClass().getSimpleName());
    }
  }

  public String name() {
    return name;
  }

  public Style style() {
    return style;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<List<Object>> rows() {
    return rows;
  }

  /**
   * The heading as shown: a time column names the zone its times are in, e.g. "Hoạt động lần cuối
   * (Asia/Ho_Chi_Minh; UTC+07:00)".
   */
  public String heading(Column c) {
    if (c.kind() != Kind.TIME) {
      return c.heading();
    }
    String offset = style.zone().getRules().getOffset(Instant.now()).getId();
    // A semicolon, not a comma: the heading stays one unquoted CSV cell.
    return c.heading()
        + " ("
        + style.zone().getId()
        + "; UTC"
        + (offset.equals("Z") ? "" : offset)
        + ")";
  }
}

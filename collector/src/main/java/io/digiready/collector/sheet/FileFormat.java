package io.digiready.collector.sheet;

import java.util.Locale;

/** The two forms of every export: {@code ?format=csv} (the default) or {@code ?format=xlsx}. */
public enum FileFormat {
  CSV("csv", "text/csv; charset=utf-8"),
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final String extension;
  private final String contentType;

  FileFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** {@code csv} or {@code xlsx} (any case); anything else is an error. */
  public static FileFormat fromCode(String text) {
    for (FileFormat f : values()) {
      if (f.extension.equals(text == null ? null : text.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format " + text);
  }

  /** The sheet in this format. */
  public byte[] write(Sheet sheet) {
    return this == CSV ? SheetCsv.write(sheet) : SheetXlsx.write(sheet);
  }
}

package io.digiready.collector.reports;

import java.util.Locale;

/** The languages of the exports and period reports: {@code ?lang=vi|en}. */
public enum Language {
  VI("vi"),
  EN("en");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** {@code vi} or {@code en} (any case); anything else is an error. */
  public static Language fromCode(String text) {
    for (Language l : values()) {
      if (l.code.equals(text == null ? null : text.toLowerCase(Locale.ROOT))) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown language " + text);
  }
}

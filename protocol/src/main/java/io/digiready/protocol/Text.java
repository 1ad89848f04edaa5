package io.digiready.protocol;

/**
 * Checks on free text that agent reports and the collector's own fields share. JSON can carry a
 * lone UTF-16 surrogate as an escape ({@code "\ud800"}); it decodes into a Java string that is not
 * text in any encoding, breaks every UTF-8 writer downstream (exports, metrics, the database) and
 * is refused where it enters.
 */
public final class Text {
  private Text() {}

  /** True when every surrogate in {@code s} is half of a high-low pair. */
  public static boolean wellFormed(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The expectation that names the problem, for messages {@code field: expectation}. */
  public static final String NOT_WELL_FORMED =
      "must be valid Unicode text (a lone surrogate such as \\ud800 is not)";
}

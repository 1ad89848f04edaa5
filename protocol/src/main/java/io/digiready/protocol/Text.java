package io.digiready.protocol;

import java.text.Normalizer;

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

  /**
   * The text in Unicode NFC (composed: "ầ" as one character, as most keyboards type it); null stays
   * null, and text that is not well formed is left for the validator to refuse.
   */
  public static String nfc(String s) {
    if (s == null) {
      return null;
    }
    // Every character that NFC may change is at U+0300 or above: most text needs no work.
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      plain = s.charAt(i) < 0x300;
    }
    if (plain || !wellFormed(s) || Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
      return s;
    }
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}

package io.digiready.collector.software;

import io.digiready.collector.problem.Problem;
import java.text.Normalizer;
import java.util.Locale;

/**
 * "Contains this text, ignoring case" over application names, the way a technician types a filter:
 * "unikey" finds "UniKey 4.3 RC5", "bộ gõ" finds "Bộ gõ tiếng Việt" and "BỘ GÕ" too. Both sides are
 * put in NFC first, so that a name sent decomposed (e + combining circumflex, as some installers
 * write it) matches the precomposed letter a keyboard types. Lower-casing uses the Vietnamese
 * locale; Java's rules for it are the root rules, which map every Vietnamese capital (Đ, Ặ, Ữ) to
 * its small letter.
 */
record NameFilter(String text, String folded) {
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  /** The filter for what was typed; blank means no filter ({@code text} null). */
  static NameFilter of(String typed) {
    if (typed == null || typed.isBlank()) {
      return new NameFilter(null, null);
    }
    String text = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
    if (text.length() > SoftwareService.MAX_QUERY) {
      throw Problem.invalid("q", "at most " + SoftwareService.MAX_QUERY + " characters");
    }
    return new NameFilter(text, fold(text));
  }

  boolean matches(String name) {
    return folded == null || (name != null && fold(name).contains(folded));
  }

  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(VIETNAMESE);
  }
}

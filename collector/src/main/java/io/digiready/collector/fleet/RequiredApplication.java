package io.digiready.collector.fleet;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An application the work of a unit needs on every working computer: {@code label} is how people
 * call it ("Ký số"), {@code match} a piece of the installed application's name that finds it ("ca
 * token manager"), compared without case and accents ({@link #fold}), so "Bộ gõ" finds "BO GO" and
 * "unikey" finds "UniKey 4.3 RC5".
 */
public record RequiredApplication(String label, String match) {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /**
   * The text with accents and case taken away: decomposed, marks dropped, đ as d (Vietnamese đ is a
   * letter of its own, not d with a mark), lower case.
   */
  public static String fold(String text) {
    String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return bare.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
  }

  /**
   * The labels of the required applications that none of the installed {@code names} matches, in
   * the list's order; empty when the machine has them all (or nothing is required).
   */
  public static List<String> missing(List<RequiredApplication> required, Collection<String> names) {
    if (required.isEmpty()) {
      return List.of();
    }
    List<String> folded = new ArrayList<>(names.size());
    for (String name : names) {
      folded.add(fold(name));
    }
    List<String> out = new ArrayList<>();
    for (RequiredApplication r : required) {
      String m = fold(r.match());
      if (folded.stream().noneMatch(n -> n.contains(m))) {
        // Labels repeat over the whole fleet: one copy in memory.
        out.add(r.label().intern());
      }
    }
    return out.isEmpty() ? List.of() : List.copyOf(out);
  }
}

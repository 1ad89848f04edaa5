package io.digiready.protocol;

import java.util.Locale;
import java.util.Set;

/**
 * The one place where vendor placeholder values become {@code null}.
 *
 * <p>Firmware often ships with template strings instead of real serials and UUIDs. OSHI's own
 * documentation warns that a UUID such as {@code 03000200-0400-0500-0006-000700080009} is shared by
 * many boards. Treating such values as identities would merge unrelated PCs, so they are "unknown",
 * and unknown is {@code null} on the wire.
 */
public final class Placeholders {

  private static final Set<String> KNOWN =
      Set.of(
          "",
          "unknown",
          "null",
          "none",
          "n/a",
          "na",
          "not specified",
          "not applicable",
          "not available",
          "default string",
          "default",
          "to be filled by o.e.m.",
          "to be filled by oem",
          "o.e.m.",
          "oem",
          "system serial number",
          "system product name",
          "system manufacturer",
          "system version",
          "base board serial number",
          "baseboard serial number",
          "chassis serial number",
          "serial number",
          "invalid",
          "123456789",
          "0123456789",
          "1234567890",
          "03000200-0400-0500-0006-000700080009");

  private Placeholders() {}

  /**
   * Returns the trimmed value, or {@code null} when it is missing or a known placeholder: a listed
   * template string, or a value made of one repeated filler character (all zeros, all {@code F},
   * {@code X}, {@code *} or {@code .}, ignoring separators), such as an all-zero UUID or MAC.
   */
  public static String clean(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    if (KNOWN.contains(trimmed.toLowerCase(Locale.ROOT)) || isFiller(trimmed)) {
      return null;
    }
    return trimmed;
  }

  /**
   * {@link #clean}, then cut to {@link Limits#MAX_STRING_LENGTH}: what an agent puts in a text
   * field, since a longer value would make the whole report invalid.
   */
  public static String cleanAndCut(String value) {
    String clean = clean(value);
    return clean == null || clean.length() <= Limits.MAX_STRING_LENGTH
        ? clean
        : clean.substring(0, Limits.MAX_STRING_LENGTH);
  }

  /** True when {@link #clean} would drop the value. */
  public static boolean isPlaceholder(String value) {
    return clean(value) == null;
  }

  private static boolean isFiller(String value) {
    String digits = value.replaceAll("[-:\\s{}]", "").toLowerCase(Locale.ROOT);
    if (digits.isEmpty()) {
      return true;
    }
    char first = digits.charAt(0);
    if ("0fx*.".indexOf(first) < 0) {
      return false;
    }
    return digits.chars().allMatch(c -> c == first);
  }
}

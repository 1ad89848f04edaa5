package io.digiready.collector.units;

import io.digiready.collector.fleet.RequiredApplication;
import io.digiready.collector.problem.Problem;
import io.digiready.protocol.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a unit's {@code requiredApplications}: a short list (every working machine is matched
 * against it when its software list arrives), each label and match a short single line; the message
 * names the entry ({@code requiredApplications[2].match: is required}).
 */
final class RequiredApplicationsRule {
  static final int MAX_ENTRIES = 32;
  static final int MAX_LENGTH = 128;
  static final String FIELD = "requiredApplications";

  private RequiredApplicationsRule() {}

  /** The list in NFC, or null (the parent's list) when none was given. */
  static List<RequiredApplication> check(String prefix, List<RequiredApplication> list) {
    if (list == null) {
      return null;
    }
    if (list.size() > MAX_ENTRIES) {
      throw bad(prefix, FIELD, "at most " + MAX_ENTRIES + " entries. Found: " + list.size());
    }
    List<RequiredApplication> out = new ArrayList<>(list.size());
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = FIELD + "[" + i + "]";
      RequiredApplication r = list.get(i);
      if (r == null) {
        throw bad(prefix, at, "must be an object with label and match");
      }
      String label = text(prefix, at + ".label", r.label());
      String match = text(prefix, at + ".match", r.match());
      if (RequiredApplication.fold(match).isBlank()) {
        throw bad(prefix, at + ".match", "must hold a letter or digit. Found: " + match);
      }
      if (!labels.add(label)) {
        throw bad(prefix, at + ".label", "repeats an earlier label. Found: " + label);
      }
      out.add(new RequiredApplication(label, match));
    }
    return List.copyOf(out);
  }

  private static String text(String prefix, String field, String value) {
    if (value == null || value.isBlank()) {
      throw bad(prefix, field, "is required");
    }
    if (!Text.wellFormed(value)) {
      throw bad(prefix, field, Text.NOT_WELL_FORMED);
    }
    String nfc = Text.nfc(value.strip());
    if (nfc.length() > MAX_LENGTH || nfc.chars().anyMatch(Character::isISOControl)) {
      throw bad(
          prefix,
          field,
          "must be at most "
              + MAX_LENGTH
              + " characters without control. Found: "
              + Problem.shorten(nfc));
    }
    return nfc;
  }

  private static Problem bad(String prefix, String field, String expectation) {
    return prefix.isEmpty()
        ? Problem.invalid(field, expectation)
        : Problem.invalid(prefix + field + ": " + expectation);
  }
}

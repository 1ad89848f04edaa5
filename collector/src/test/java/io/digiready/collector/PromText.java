package io.digiready.collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Prometheus text format samples, enough for assertions. */
final class PromText {
  record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  final List<Sample> samples = new ArrayList<>();

  PromText(String text) {
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String name = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
      Map<String, String> labels = new TreeMap<>();
      if (brace >= 0) {
        Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
        while (m.find()) {
          labels.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
      }
      samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
    }
  }

  /** The one sample of {@code name} whose labels include all given pairs; null if none. */
  Double value(String name, String... labels) {
    List<Sample> found = find(name, labels);
    if (found.size() > 1) {
      throw new AssertionError("more than one sample of " + name + " " + List.of(labels));
    }
    return found.isEmpty() ? null : found.get(0).value();
  }

  List<Sample> find(String name, String... labels) {
    List<Sample> out = new ArrayList<>();
    for (Sample s : samples) {
      if (!s.name().equals(name)) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < labels.length; i += 2) {
        all &= labels[i + 1].equals(s.labels().get(labels[i]));
      }
      if (all) {
        out.add(s);
      }
    }
    return out;
  }
}

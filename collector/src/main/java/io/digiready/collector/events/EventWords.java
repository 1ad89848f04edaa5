package io.digiready.collector.events;

import io.digiready.collector.reports.Language;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What events say, in each language: one template per phrase, with {@code {name}} for a value and
 * {@code {name?none|one|many}} where English needs a plural ({@code #} stands for the count).
 * Values are formatted per language: counts with the language's grouping, sizes in GiB with its
 * decimal mark, times in the reader's zone. Text a machine or a person gave (hostnames,
 * applications, products) is shown as given.
 */
public final class EventWords {
  private static final double GIB = 1024.0 * 1024 * 1024;
  private static final Pattern SLOT = Pattern.compile("\\{(\\w+)(\\?([^}]*))?}");

  private final Language language;
  private final Map<String, String> templates;
  private final Locale locale;
  private final DateTimeFormatter time;

  private EventWords(Language language) {
    this.language = language;
    this.templates = language == Language.VI ? EventTemplates.VI : EventTemplates.EN;
    this.locale = language == Language.VI ? Locale.forLanguageTag("vi-VN") : Locale.ENGLISH;
    this.time =
        DateTimeFormatter.ofPattern(
            language == Language.VI ? "dd/MM/yyyy HH:mm:ss" : "yyyy-MM-dd HH:mm:ss");
  }

  private static final EventWords VI = new EventWords(Language.VI);
  private static final EventWords EN = new EventWords(Language.EN);

  public static EventWords of(Language language) {
    return language == Language.VI ? VI : EN;
  }

  public Language language() {
    return language;
  }

  /** The phrase in this language; times in {@code zone}. */
  public String say(Phrase phrase, ZoneId zone) {
    String template = templates.get(phrase.key());
    if (template == null) {
      throw new IllegalArgumentException("no words for phrase " + phrase.key());
    }
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!phrase.values().containsKey(name)) {
        throw new IllegalArgumentException(phrase.key() + ": no value for {" + name + "}");
      }
      Object value = phrase.values().get(name);
      String said = m.group(3) != null ? plural((Long) value, m.group(3)) : value(value, zone);
      m.appendReplacement(out, Matcher.quoteReplacement(said));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String value(Object v, ZoneId zone) {
    if (v == null) {
      return say(Phrase.of("unknown"), zone);
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Long n) {
      return count(n);
    }
    if (v instanceof Phrase.Bytes b) {
      BigDecimal gib =
          BigDecimal.valueOf(b.value() / GIB)
              .setScale(1, RoundingMode.HALF_UP)
              .stripTrailingZeros();
      return new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(locale)).format(gib)
          + " GiB";
    }
    if (v instanceof Instant t) {
      String offset = zone.getRules().getOffset(t).getId();
      return time.format(t.atZone(zone)) + " (UTC" + (offset.equals("Z") ? "" : offset) + ")";
    }
    if (v instanceof Phrase p) {
      return say(p, zone);
    }
    if (v instanceof Phrase.Joined j) {
      List<String> items = j.items().stream().map(i -> value(i, zone)).toList();
      return String.join(j.separator(), items);
    }
    throw new IllegalArgumentException("a phrase holds no " + v.getClass().getSimpleName());
  }

  private String count(long n) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale)).format(n);
  }

  /** {@code none|one|many} by the count, {@code #} replaced by it. */
  private String plural(Long n, String forms) {
    String[] f = forms.split("\\|", -1);
    String form = n == 0 ? f[0] : n == 1 ? f[1] : f[2];
    return form.replace("#", count(n));
  }
}

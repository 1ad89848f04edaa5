package io.digiready.collector.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.digiready.collector.config.CollectorConfig.ReadinessPolicy;
import io.digiready.collector.fleet.Machine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The readiness policy applied to one machine: every rule with pass, fail or unknown and the value
 * measured, so a failing machine says which rule and by how much. Unknown counts as not meeting the
 * policy, because an official figure must not assume what it did not see: a PC whose agent cannot
 * say whether anti-malware runs (an older agent, Linux without a known scanner) is not counted as
 * protected, and shows the rule as {@code unknown} rather than {@code fail}. The two rules a
 * collector may switch off ({@code requireAntiMalware}, {@code osUpdatedWithinDays}) are then left
 * out of the checks altogether.
 *
 * <p>Deciding a rule ({@link #status}) builds no text, so that coverage over a whole fleet stays
 * cheap; the measured and expected values as text ({@link #evaluate}) are made only for the pages
 * and exports that show them.
 *
 * <p>The rules themselves, each with its words in both languages, are {@link ReadinessRule}'s.
 */
public final class Readiness {
  private Readiness() {}

  /** A rule's name in each language, by language code as the API writes it: {"en":…,"vi":…}. */
  public record Names(String en, String vi) {
    /** The name in the language of {@code code} ({@code en} or {@code vi}). */
    public String in(String code) {
      return code.equals("vi") ? vi : en;
    }
  }

  public enum Status {
    PASS,
    FAIL,
    UNKNOWN;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One measured or required quantity of a check, typed so that each language writes it its own
   * way: a number with its unit ({@code bytes}, {@code count}, {@code ratio}, {@code seconds},
   * {@code days}), or text given by the machine or the policy ({@code name}: an OS or a product;
   * {@code names}: the unsupported systems; {@code state}: {@code protected}, {@code out_of_date},
   * {@code disabled} or {@code none}). A bound says which side of it is required ({@code min},
   * {@code max}, {@code not}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Amount(String unit, Double value, String text, List<String> texts, String bound) {
    static Amount number(String unit, double value) {
      return new Amount(unit, value, null, null, null);
    }

    static Amount bound(String bound, String unit, double value) {
      return new Amount(unit, value, null, null, bound);
    }

    static Amount text(String unit, String text) {
      return new Amount(unit, null, text, null, null);
    }
  }

  /**
   * A rule's outcome: {@code value} and {@code expected} are the English texts ("2 GiB", ">= 4
   * GiB"), {@code measured} and {@code required} the same as typed quantities for other languages
   * (null when the value is unknown).
   */
  public record Check(
      String rule,
      String status,
      String value,
      String expected,
      List<Amount> measured,
      List<Amount> required) {
    public boolean passed() {
      return status.equals("pass");
    }
  }

  /** A rule by its label with its name in each language, as the status page names it. */
  public record RuleNames(String rule, Names names) {}

  /**
   * Every rule of the policy with its names ({@code GET /api/v1/readiness-rules}): a page names a
   * rule the collector added after the page was written.
   */
  public static List<RuleNames> rules() {
    List<RuleNames> rules = new ArrayList<>();
    for (ReadinessRule rule : ReadinessRule.values()) {
      rules.add(new RuleNames(rule.label(), rule.names()));
    }
    return List.copyOf(rules);
  }

  public record Result(boolean compliant, List<Check> checks) {
    public List<Check> failing() {
      return checks.stream().filter(c -> !c.passed()).toList();
    }
  }

  /** Whether the collector applies the rule (two of them can be switched off). */
  public static boolean enabled(ReadinessRule rule, ReadinessPolicy p) {
    return rule.enabled(p);
  }

  /**
   * One rule's outcome for the machine at {@code now}; builds no text. Also answers for a rule that
   * is switched off.
   */
  public static Status status(ReadinessRule rule, Machine m, ReadinessPolicy p, Instant now) {
    return rule.status(m, p, now);
  }

  /** Whether the machine meets every rule the collector applies; builds no text. */
  public static boolean compliant(Machine m, ReadinessPolicy p, Instant now) {
    for (ReadinessRule rule : ReadinessRule.values()) {
      if (enabled(rule, p) && status(rule, m, p, now) != Status.PASS) {
        return false;
      }
    }
    return true;
  }

  /** Whole days from {@code then} to {@code now}; 0 for a time ahead of the collector's clock. */
  static long daysSince(Instant then, Instant now) {
    return Math.max(0, Duration.between(then, now).toDays());
  }

  /** Every rule the collector applies with its outcome and the measured and expected values. */
  public static Result evaluate(Machine m, ReadinessPolicy p, Instant now) {
    List<Check> checks = new ArrayList<>();
    boolean compliant = true;
    for (ReadinessRule rule : ReadinessRule.values()) {
      if (!enabled(rule, p)) {
        continue;
      }
      Status status = status(rule, m, p, now);
      compliant &= status == Status.PASS;
      boolean known = status != Status.UNKNOWN;
      List<Amount> measured = known ? rule.measured(m, now) : null;
      List<Amount> required = rule.required(p);
      checks.add(
          new Check(
              rule.label(),
              status.label(),
              known ? rule.english(measured) : null,
              rule.englishRequired(required),
              measured,
              required));
    }
    return new Result(compliant, List.copyOf(checks));
  }

  /** How a language writes the numbers of a rule's words: 3,8 and 1.234 in Vietnamese. */
  public interface Numbers {
    String decimal(double value);

    String count(long n);
  }

  static boolean unsupported(String os, List<String> unsupported) {
    String lower = os.toLowerCase(Locale.ROOT);
    for (String prefix : unsupported) {
      String p = prefix.toLowerCase(Locale.ROOT);
      // "Windows 8" matches "Windows 8" and "Windows 8.1 Pro" but not "Windows 80".
      if (lower.equals(p)
          || (lower.startsWith(p) && !Character.isDigit(lower.charAt(p.length())))) {
        return true;
      }
    }
    return false;
  }
}

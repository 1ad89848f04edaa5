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
 */
public final class Readiness {
  private static final double GIB = 1024.0 * 1024 * 1024;

  /**
   * Firmware and integrated graphics reserve part of the installed memory, so a 4 GiB PC reports
   * about 3.8 GiB to the OS; this much below the threshold still passes.
   */
  private static final double MEMORY_TOLERANCE_GIB = 0.25;

  private Readiness() {}

  /** The policy's rules, by the name pages, exports and metric labels use. */
  public enum Rule {
    MEMORY("memory"),
    LOGICAL_CPUS("logicalCpus"),
    OS("os"),
    SYSTEM_DISK_FREE("systemDiskFree"),
    CLOCK("clock"),
    ANTI_MALWARE("antiMalware"),
    OS_UPDATES("osUpdates");

    private final String label;

    Rule(String label) {
      this.label = label;
    }

    public String label() {
      return label;
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

  public record Result(boolean compliant, List<Check> checks) {
    public List<Check> failing() {
      return checks.stream().filter(c -> !c.passed()).toList();
    }
  }

  /** Whether the collector applies the rule (two of them can be switched off). */
  public static boolean enabled(Rule rule, ReadinessPolicy p) {
    return switch (rule) {
      case ANTI_MALWARE -> p.requireAntiMalware();
      case OS_UPDATES -> p.osUpdatedWithinDays() > 0;
      default -> true;
    };
  }

  /** Whether the machine meets every rule the collector applies; builds no text. */
  public static boolean compliant(Machine m, ReadinessPolicy p, Instant now) {
    for (Rule rule : Rule.values()) {
      if (enabled(rule, p) && status(rule, m, p, now) != Status.PASS) {
        return false;
      }
    }
    return true;
  }

  /**
   * One rule's outcome for the machine at {@code now} (the age of the newest OS update depends on
   * it); builds no text. Also answers for a rule that is switched off: whether a machine is
   * protected is counted for every unit whether or not the policy requires it.
   */
  public static Status status(Rule rule, Machine m, ReadinessPolicy p, Instant now) {
    var hw = m.hardware();
    var live = m.liveness();
    return switch (rule) {
      case MEMORY ->
          hw.memoryBytes() == null
              ? Status.UNKNOWN
              : of(hw.memoryBytes() / GIB >= p.minMemoryGib() - MEMORY_TOLERANCE_GIB);
      case LOGICAL_CPUS ->
          hw.logicalCpus() == null ? Status.UNKNOWN : of(hw.logicalCpus() >= p.minLogicalCpus());
      case OS ->
          hw.osFamily() == null ? Status.UNKNOWN : of(!unsupported(hw.os(), p.unsupportedOs()));
      case SYSTEM_DISK_FREE -> {
        if (live.systemDiskFreeBytes() == null
            || live.systemDiskTotalBytes() == null
            || live.systemDiskTotalBytes() == 0) {
          yield Status.UNKNOWN;
        }
        double free = live.systemDiskFreeBytes();
        double ratio = free / live.systemDiskTotalBytes();
        yield of(ratio >= p.minSystemDiskFreeRatio() && free / GIB >= p.minSystemDiskFreeGib());
      }
      case CLOCK ->
          live.clockSkewSeconds() == null
              ? Status.UNKNOWN
              : of(Math.abs(live.clockSkewSeconds()) <= p.maxClockSkewSeconds());
      case ANTI_MALWARE ->
          hw.antiMalware() == null
              ? Status.UNKNOWN
              : of(hw.antiMalware().state() == Machine.AntiMalware.State.PROTECTED);
      case OS_UPDATES ->
          hw.osUpdatedAt() == null
              ? Status.UNKNOWN
              : of(daysSince(hw.osUpdatedAt(), now) <= p.osUpdatedWithinDays());
    };
  }

  /** Whole days from {@code then} to {@code now}; 0 for a time ahead of the collector's clock. */
  static long daysSince(Instant then, Instant now) {
    return Math.max(0, Duration.between(then, now).toDays());
  }

  /** Every rule the collector applies with its outcome and the measured and expected values. */
  public static Result evaluate(Machine m, ReadinessPolicy p, Instant now) {
    List<Check> checks = new ArrayList<>();
    boolean compliant = true;
    for (Rule rule : Rule.values()) {
      if (!enabled(rule, p)) {
        continue;
      }
      Status status = status(rule, m, p, now);
      compliant &= status == Status.PASS;
      boolean known = status != Status.UNKNOWN;
      List<Amount> measured = known ? amounts(rule, m, now) : null;
      List<Amount> required = required(rule, p);
      checks.add(
          new Check(
              rule.label(),
              status.label(),
              known ? english(rule, measured) : null,
              englishRequired(rule, required),
              measured,
              required));
    }
    return new Result(compliant, List.copyOf(checks));
  }

  private static List<Amount> amounts(Rule rule, Machine m, Instant now) {
    var hw = m.hardware();
    var live = m.liveness();
    return switch (rule) {
      case MEMORY -> List.of(Amount.number("bytes", hw.memoryBytes()));
      case LOGICAL_CPUS -> List.of(Amount.number("count", hw.logicalCpus()));
      case OS -> List.of(Amount.text("name", hw.os()));
      case SYSTEM_DISK_FREE -> {
        double free = live.systemDiskFreeBytes();
        yield List.of(
            Amount.number("ratio", free / live.systemDiskTotalBytes()),
            Amount.number("bytes", free));
      }
      case CLOCK -> List.of(Amount.number("seconds", live.clockSkewSeconds()));
      case ANTI_MALWARE -> {
        Machine.AntiMalware a = hw.antiMalware();
        Amount state = Amount.text("state", a.state().label());
        yield a.product() == null || a.state() == Machine.AntiMalware.State.NONE
            ? List.of(state)
            : List.of(state, Amount.text("name", a.product()));
      }
      case OS_UPDATES -> List.of(Amount.number("days", daysSince(hw.osUpdatedAt(), now)));
    };
  }

  private static List<Amount> required(Rule rule, ReadinessPolicy p) {
    return switch (rule) {
      case MEMORY -> List.of(Amount.bound("min", "bytes", p.minMemoryGib() * GIB));
      case LOGICAL_CPUS -> List.of(Amount.bound("min", "count", p.minLogicalCpus()));
      case OS -> List.of(new Amount("names", null, null, List.copyOf(p.unsupportedOs()), "not"));
      case SYSTEM_DISK_FREE ->
          List.of(
              Amount.bound("min", "ratio", p.minSystemDiskFreeRatio()),
              Amount.bound("min", "bytes", p.minSystemDiskFreeGib() * GIB));
      case CLOCK -> List.of(Amount.bound("max", "seconds", p.maxClockSkewSeconds()));
      case ANTI_MALWARE -> List.of(Amount.text("state", "protected"));
      case OS_UPDATES -> List.of(Amount.bound("max", "days", p.osUpdatedWithinDays()));
    };
  }

  /**
   * The measured quantities in English, as the API's {@code value} has always said them: "3.8 GiB",
   * "2 %, 5.1 GiB free", "17 s off", "Windows Defender: switched off", "12 days ago".
   */
  private static String english(Rule rule, List<Amount> a) {
    return switch (rule) {
      case MEMORY -> fmt(a.get(0).value() / GIB) + " GiB";
      case LOGICAL_CPUS, CLOCK, OS_UPDATES -> {
        String n = String.valueOf(Math.round(a.get(0).value()));
        yield rule == Rule.CLOCK ? n + " s off" : rule == Rule.OS_UPDATES ? n + " days ago" : n;
      }
      case OS -> a.get(0).text();
      case SYSTEM_DISK_FREE ->
          fmt(a.get(0).value() * 100) + " %, " + fmt(a.get(1).value() / GIB) + " GiB free";
      case ANTI_MALWARE -> {
        String product = a.size() > 1 ? a.get(1).text() + ": " : "";
        yield switch (a.get(0).text()) {
          case "protected" -> product + "enabled, up to date";
          case "out_of_date" -> product + "out of date";
          case "disabled" -> product + "switched off";
          default -> "no product";
        };
      }
    };
  }

  /** The requirement in English, as the API's {@code expected} has always said it. */
  private static String englishRequired(Rule rule, List<Amount> a) {
    return switch (rule) {
      case MEMORY -> ">= " + fmt(a.get(0).value() / GIB) + " GiB";
      case LOGICAL_CPUS -> ">= " + Math.round(a.get(0).value());
      case OS -> "not " + String.join(", ", a.get(0).texts());
      case SYSTEM_DISK_FREE ->
          ">= "
              + fmt(a.get(0).value() * 100)
              + " % and >= "
              + fmt(a.get(1).value() / GIB)
              + " GiB free";
      case CLOCK -> "within " + Math.round(a.get(0).value()) + " s";
      case ANTI_MALWARE -> "enabled, up to date";
      case OS_UPDATES -> "within " + Math.round(a.get(0).value()) + " days";
    };
  }

  private static Status of(boolean ok) {
    return ok ? Status.PASS : Status.FAIL;
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

  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value).replaceAll("\\.0$", "");
  }
}

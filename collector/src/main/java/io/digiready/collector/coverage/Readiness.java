package io.digiready.collector.coverage;

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

  public record Check(String rule, String status, String value, String expected) {
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
      checks.add(
          new Check(
              rule.label(),
              status.label(),
              status == Status.UNKNOWN ? null : measured(rule, m, now),
              expected(rule, p)));
    }
    return new Result(compliant, List.copyOf(checks));
  }

  private static String measured(Rule rule, Machine m, Instant now) {
    var hw = m.hardware();
    var live = m.liveness();
    return switch (rule) {
      case MEMORY -> fmt(hw.memoryBytes() / GIB) + " GiB";
      case LOGICAL_CPUS -> String.valueOf(hw.logicalCpus());
      case OS -> hw.os();
      case SYSTEM_DISK_FREE -> {
        double free = live.systemDiskFreeBytes();
        yield fmt(free / live.systemDiskTotalBytes() * 100)
            + " %, "
            + fmt(free / GIB)
            + " GiB free";
      }
      case CLOCK -> live.clockSkewSeconds() + " s off";
      case ANTI_MALWARE -> antiMalware(hw.antiMalware());
      case OS_UPDATES -> daysSince(hw.osUpdatedAt(), now) + " days ago";
    };
  }

  /** "Kaspersky ...: enabled, up to date", "Windows Defender: switched off", "no product". */
  private static String antiMalware(Machine.AntiMalware a) {
    String product = a.product() == null ? "" : a.product() + ": ";
    return switch (a.state()) {
      case PROTECTED -> product + "enabled, up to date";
      case OUT_OF_DATE -> product + "out of date";
      case DISABLED -> product + "switched off";
      case NONE -> "no product";
    };
  }

  private static String expected(Rule rule, ReadinessPolicy p) {
    return switch (rule) {
      case MEMORY -> ">= " + fmt(p.minMemoryGib()) + " GiB";
      case LOGICAL_CPUS -> ">= " + p.minLogicalCpus();
      case OS -> "not " + String.join(", ", p.unsupportedOs());
      case SYSTEM_DISK_FREE ->
          ">= "
              + fmt(p.minSystemDiskFreeRatio() * 100)
              + " % and >= "
              + fmt(p.minSystemDiskFreeGib())
              + " GiB free";
      case CLOCK -> "within " + p.maxClockSkewSeconds() + " s";
      case ANTI_MALWARE -> "enabled, up to date";
      case OS_UPDATES -> "within " + p.osUpdatedWithinDays() + " days";
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

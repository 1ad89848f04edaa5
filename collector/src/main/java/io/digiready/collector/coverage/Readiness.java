package io.digiready.collector.coverage;

import io.digiready.collector.config.CollectorConfig.ReadinessPolicy;
import io.digiready.collector.fleet.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The readiness policy applied to one machine: every rule with pass, fail or unknown and the value
 * measured, so a failing machine says which rule and by how much. Unknown counts as not meeting the
 * policy, because an official figure must not assume what it did not see.
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
    CLOCK("clock");

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

  /** Whether the machine meets every rule; builds no text. */
  public static boolean compliant(Machine m, ReadinessPolicy p) {
    for (Rule rule : Rule.values()) {
      if (status(rule, m, p) != Status.PASS) {
        return false;
      }
    }
    return true;
  }

  /** One rule's outcome for the machine; builds no text. */
  public static Status status(Rule rule, Machine m, ReadinessPolicy p) {
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
    };
  }

  /** Every rule with its outcome and the measured and expected values as text. */
  public static Result evaluate(Machine m, ReadinessPolicy p) {
    List<Check> checks = new ArrayList<>();
    boolean compliant = true;
    for (Rule rule : Rule.values()) {
      Status status = status(rule, m, p);
      compliant &= status == Status.PASS;
      checks.add(
          new Check(
              rule.label(),
              status.label(),
              status == Status.UNKNOWN ? null : measured(rule, m),
              expected(rule, p)));
    }
    return new Result(compliant, List.copyOf(checks));
  }

  private static String measured(Rule rule, Machine m) {
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

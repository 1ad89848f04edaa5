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
 */
public final class Readiness {
  private static final double GIB = 1024.0 * 1024 * 1024;

  /**
   * Firmware and integrated graphics reserve part of the installed memory, so a 4 GiB PC reports
   * about 3.8 GiB to the OS; this much below the threshold still passes.
   */
  private static final double MEMORY_TOLERANCE_GIB = 0.25;

  private Readiness() {}

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

  public static Result evaluate(Machine m, ReadinessPolicy p) {
    List<Check> checks = new ArrayList<>();
    var hw = m.hardware();
    var live = m.liveness();
    checks.add(
        hw.memoryBytes() == null
            ? unknown("memory", ">= " + fmt(p.minMemoryGib()) + " GiB")
            : check(
                "memory",
                hw.memoryBytes() / GIB >= p.minMemoryGib() - MEMORY_TOLERANCE_GIB,
                fmt(hw.memoryBytes() / GIB) + " GiB",
                ">= " + fmt(p.minMemoryGib()) + " GiB"));
    checks.add(
        hw.logicalCpus() == null
            ? unknown("logicalCpus", ">= " + p.minLogicalCpus())
            : check(
                "logicalCpus",
                hw.logicalCpus() >= p.minLogicalCpus(),
                String.valueOf(hw.logicalCpus()),
                ">= " + p.minLogicalCpus()));
    checks.add(
        hw.osFamily() == null
            ? unknown("os", "not " + String.join(", ", p.unsupportedOs()))
            : check(
                "os",
                !unsupported(hw.os(), p.unsupportedOs()),
                hw.os(),
                "not " + String.join(", ", p.unsupportedOs())));
    String diskExpected =
        ">= "
            + fmt(p.minSystemDiskFreeRatio() * 100)
            + " % and >= "
            + fmt(p.minSystemDiskFreeGib())
            + " GiB free";
    if (live.systemDiskFreeBytes() == null
        || live.systemDiskTotalBytes() == null
        || live.systemDiskTotalBytes() == 0) {
      checks.add(unknown("systemDiskFree", diskExpected));
    } else {
      double free = live.systemDiskFreeBytes();
      double ratio = free / live.systemDiskTotalBytes();
      checks.add(
          check(
              "systemDiskFree",
              ratio >= p.minSystemDiskFreeRatio() && free / GIB >= p.minSystemDiskFreeGib(),
              fmt(ratio * 100) + " %, " + fmt(free / GIB) + " GiB free",
              diskExpected));
    }
    checks.add(
        live.clockSkewSeconds() == null
            ? unknown("clock", "within " + p.maxClockSkewSeconds() + " s")
            : check(
                "clock",
                Math.abs(live.clockSkewSeconds()) <= p.maxClockSkewSeconds(),
                live.clockSkewSeconds() + " s off",
                "within " + p.maxClockSkewSeconds() + " s"));
    return new Result(checks.stream().allMatch(Check::passed), List.copyOf(checks));
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

  private static Check check(String rule, boolean ok, String value, String expected) {
    return new Check(rule, ok ? "pass" : "fail", value, expected);
  }

  private static Check unknown(String rule, String expected) {
    return new Check(rule, "unknown", null, expected);
  }

  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value).replaceAll("\\.0$", "");
  }
}

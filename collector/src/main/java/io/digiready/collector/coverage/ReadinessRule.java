package io.digiready.collector.coverage;

import io.digiready.collector.config.CollectorConfig.ReadinessPolicy;
import io.digiready.collector.coverage.Readiness.Amount;
import io.digiready.collector.coverage.Readiness.Status;
import io.digiready.collector.fleet.Machine;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The rules of the readiness policy, each declared here and only here: its label (pages, exports,
 * metric labels), its name in English and Vietnamese, whether the collector applies it, how it is
 * decided, its measured and required quantities, and how each language says them. Every switch
 * below is exhaustive, so the compiler names what a new rule still lacks; its threshold is a key of
 * the collector's config, and the status page says the typed quantities of any rule without a
 * change. {@link Readiness} applies them.
 */
public enum ReadinessRule {
  MEMORY("memory", "Memory", "Bộ nhớ (RAM)"),
  LOGICAL_CPUS("logicalCpus", "Logical CPUs", "Số luồng xử lý"),
  OS("os", "Operating system", "Hệ điều hành"),
  SYSTEM_DISK_FREE("systemDiskFree", "System disk free space", "Dung lượng trống ổ hệ thống"),
  CLOCK("clock", "Clock", "Đồng hồ"),
  ANTI_MALWARE("antiMalware", "Anti-malware", "Phần mềm phòng chống mã độc"),
  OS_UPDATES("osUpdates", "Operating system updates", "Cập nhật hệ điều hành");

  private final String label;
  private final Readiness.Names names;

  ReadinessRule(String label, String english, String vietnamese) {
    this.label = label;
    this.names = new Readiness.Names(english, vietnamese);
  }

  public String label() {
    return label;
  }

  public Readiness.Names names() {
    return names;
  }

  /** The rule of a label; null for none. */
  public static ReadinessRule of(String label) {
    for (ReadinessRule r : values()) {
      if (r.label.equals(label)) {
        return r;
      }
    }
    return null;
  }

  private static final double GIB = 1024.0 * 1024 * 1024;

  /**
   * Firmware and integrated graphics reserve part of the installed memory, so a 4 GiB PC reports
   * about 3.8 GiB to the OS; this much below the threshold still passes.
   */
  private static final double MEMORY_TOLERANCE_GIB = 0.25;

  /** Whether the collector applies the rule (two of them can be switched off). */
  public boolean enabled(ReadinessPolicy p) {
    return switch (this) {
      case ANTI_MALWARE -> p.requireAntiMalware();
      case OS_UPDATES -> p.osUpdatedWithinDays() > 0;
      default -> true;
    };
  }

  /**
   * One rule's outcome for the machine at {@code now} (the age of the newest OS update depends on
   * it); builds no text. Also answers for a rule that is switched off: whether a machine is
   * protected is counted for every unit whether or not the policy requires it.
   */
  public Status status(Machine m, ReadinessPolicy p, Instant now) {
    var hw = m.hardware();
    var live = m.liveness();
    return switch (this) {
      case MEMORY ->
          hw.memoryBytes() == null
              ? Status.UNKNOWN
              : of(hw.memoryBytes() / GIB >= p.minMemoryGib() - MEMORY_TOLERANCE_GIB);
      case LOGICAL_CPUS ->
          hw.logicalCpus() == null ? Status.UNKNOWN : of(hw.logicalCpus() >= p.minLogicalCpus());
      case OS ->
          hw.osFamily() == null
              ? Status.UNKNOWN
              : of(!Readiness.unsupported(hw.os(), p.unsupportedOs()));
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
              : of(Readiness.daysSince(hw.osUpdatedAt(), now) <= p.osUpdatedWithinDays());
    };
  }

  /** What was measured on the machine, when its status is known. */
  List<Amount> measured(Machine m, Instant now) {
    var hw = m.hardware();
    var live = m.liveness();
    return switch (this) {
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
      case OS_UPDATES -> List.of(Amount.number("days", Readiness.daysSince(hw.osUpdatedAt(), now)));
    };
  }

  /** What the policy requires. */
  List<Amount> required(ReadinessPolicy p) {
    return switch (this) {
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
  String english(List<Amount> a) {
    return switch (this) {
      case MEMORY -> fmt(a.get(0).value() / GIB) + " GiB";
      case LOGICAL_CPUS, CLOCK, OS_UPDATES -> {
        String n = String.valueOf(Math.round(a.get(0).value()));
        yield this == CLOCK ? n + " s off" : this == OS_UPDATES ? n + " days ago" : n;
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
  String englishRequired(List<Amount> a) {
    return switch (this) {
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

  /** A check's quantities (measured or required) in Vietnamese, with its numbers. */
  public String vietnamese(List<Amount> a, Readiness.Numbers n) {
    Amount first = a.get(0);
    boolean required = first.bound() != null;
    String atLeast = required && first.bound().equals("min") ? ">= " : "";
    return switch (this) {
      case MEMORY -> atLeast + n.decimal(first.value() / GIB) + " GiB";
      case LOGICAL_CPUS -> atLeast + n.count(Math.round(first.value()));
      case OS -> required ? "không phải " + String.join(", ", first.texts()) : first.text();
      case SYSTEM_DISK_FREE ->
          atLeast
              + n.decimal(first.value() * 100)
              + " %"
              + (required ? " và >= " : ", ")
              + n.decimal(a.get(1).value() / GIB)
              + " GiB trống";
      case CLOCK ->
          (required ? "lệch không quá " : "lệch ") + n.count(Math.round(first.value())) + " giây";
      case OS_UPDATES ->
          required
              ? "trong vòng " + n.count(Math.round(first.value())) + " ngày"
              : n.count(Math.round(first.value())) + " ngày trước";
      case ANTI_MALWARE -> {
        String product = a.size() > 1 ? a.get(1).text() + ": " : "";
        yield switch (first.text()) {
          case "protected" -> product + "đang bật, đã cập nhật";
          case "out_of_date" -> product + "chưa cập nhật mẫu nhận diện";
          case "disabled" -> product + "đang tắt";
          default -> "không có phần mềm";
        };
      }
    };
  }

  private static Status of(boolean ok) {
    return ok ? Status.PASS : Status.FAIL;
  }

  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value).replaceAll("\\.0$", "");
  }
}

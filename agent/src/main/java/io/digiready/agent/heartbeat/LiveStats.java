package io.digiready.agent.heartbeat;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The few live figures of a heartbeat; cheap enough to read every second. On Linux they come from
 * four small proc files, the ones OSHI reads for them, so that the running agent never loads OSHI
 * and JNA (some 200 classes and a native library); elsewhere from OSHI.
 */
public final class LiveStats {
  private static final Path MEMINFO = Path.of("/proc/meminfo");
  private static final Path UPTIME = Path.of("/proc/uptime");

  private final Supplier<SystemInfo> systemInfo;
  private final Path systemRoot;
  private final boolean proc;
  private GlobalMemory memory;
  private OperatingSystem os;

  public record Figures(
      long uptimeSeconds,
      Long memoryUsedBytes,
      Long diskFreeBytes,
      Long diskTotalBytes,
      Long residentBytes,
      Double cpuSeconds) {}

  /** {@code systemInfo} is only asked for where there is no {@code /proc}. */
  public LiveStats(Supplier<SystemInfo> systemInfo) {
    this.systemInfo = systemInfo;
    this.systemRoot = systemRoot();
    this.proc = Files.isReadable(MEMINFO) && Files.isReadable(UPTIME);
  }

  public LiveStats(SystemInfo si) {
    this(() -> si);
  }

  static Path systemRoot() {
    String drive = System.getenv("SystemDrive");
    return drive != null ? Path.of(drive + "\\") : Path.of("/");
  }

  public Figures read() {
    long[] mem = proc ? memInfo() : null;
    long uptime = proc ? uptime() : -1;
    if (mem == null || uptime < 0) {
      oshi();
      mem = new long[] {memory.getTotal(), memory.getAvailable()};
      uptime = os.getSystemUptime();
    }
    Long used = null;
    if (mem[0] > 0) {
      used = Math.max(0, mem[0] - mem[1]);
    }
    Long free = null;
    Long size = null;
    try {
      FileStore store = Files.getFileStore(systemRoot);
      size = store.getTotalSpace();
      free = Math.min(size, store.getUsableSpace());
    } catch (IOException e) {
      // reported as unknown
    }
    long[] own = procSelf();
    Long rss = own == null ? null : own[0];
    Double cpu = own == null ? null : own[1] / 100.0;
    if (own == null) {
      oshi();
      OSProcess self = os.getCurrentProcess();
      if (self != null) {
        rss = self.getResidentSetSize() > 0 ? self.getResidentSetSize() : null;
        cpu = (self.getUserTime() + self.getKernelTime()) / 1000.0;
      }
    }
    return new Figures(Math.max(0, uptime), used, free, size, rss, cpu);
  }

  private void oshi() {
    if (os == null) {
      SystemInfo si = systemInfo.get();
      memory = si.getHardware().getMemory();
      os = si.getOperatingSystem();
    }
  }

  /** Total and available bytes, or null when unreadable. */
  private static long[] memInfo() {
    try {
      return parseMemInfo(Files.readAllLines(MEMINFO));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * {@code MemTotal} and {@code MemAvailable}; before Linux 3.14, which has no {@code
   * MemAvailable}, free plus page cache plus reclaimable slab, as OSHI estimates it.
   */
  static long[] parseMemInfo(List<String> lines) {
    long total = 0;
    long available = -1;
    long estimate = 0;
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon);
      switch (key) {
        case "MemTotal" -> total = kib(line, colon);
        case "MemAvailable" -> available = kib(line, colon);
        case "MemFree", "Active(file)", "Inactive(file)", "SReclaimable" ->
            estimate += kib(line, colon);
        default -> {}
      }
    }
    return new long[] {total, available >= 0 ? available : estimate};
  }

  private static long kib(String line, int colon) {
    String[] w = line.substring(colon + 1).strip().split("\\s+");
    long value = Long.parseLong(w[0]);
    return w.length > 1 && w[1].equalsIgnoreCase("kB") ? value * 1024 : value;
  }

  /** Whole seconds since boot, -1 when unreadable. */
  private static long uptime() {
    try {
      String text = Files.readString(UPTIME).strip();
      int space = text.indexOf(' ');
      return (long) Double.parseDouble(space < 0 ? text : text.substring(0, space));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Resident bytes and CPU ticks (1/100 s, Linux's USER_HZ) of this process from two small proc
   * files: OSHI's full process snapshot reads many more and costs more CPU than the rest of a
   * heartbeat. Null when not on Linux.
   */
  static long[] procSelf() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
      long rssKb = 0;
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      return new long[] {rssKb * 1024, ticks};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}

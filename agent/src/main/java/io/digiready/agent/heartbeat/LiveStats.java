package io.digiready.agent.heartbeat;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import oshi.SystemInfo;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** The few live figures of a heartbeat; cheap enough to read every second. */
public final class LiveStats {
  private final GlobalMemory memory;
  private final OperatingSystem os;
  private final Path systemRoot;

  public record Figures(
      long uptimeSeconds,
      Long memoryUsedBytes,
      Long diskFreeBytes,
      Long diskTotalBytes,
      Long residentBytes,
      Double cpuSeconds) {}

  public LiveStats(SystemInfo si) {
    this.memory = si.getHardware().getMemory();
    this.os = si.getOperatingSystem();
    this.systemRoot = systemRoot();
  }

  static Path systemRoot() {
    String drive = System.getenv("SystemDrive");
    return drive != null ? Path.of(drive + "\\") : Path.of("/");
  }

  public Figures read() {
    Long used = null;
    long total = memory.getTotal();
    if (total > 0) {
      used = Math.max(0, total - memory.getAvailable());
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
      OSProcess self = os.getCurrentProcess();
      if (self != null) {
        rss = self.getResidentSetSize() > 0 ? self.getResidentSetSize() : null;
        cpu = (self.getUserTime() + self.getKernelTime()) / 1000.0;
      }
    }
    return new Figures(Math.max(0, os.getSystemUptime()), used, free, size, rss, cpu);
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

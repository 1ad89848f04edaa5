package io.digiready.agent.inventory;

import io.digiready.agent.protection.ProtectionReading;
import io.digiready.agent.protection.UpdatesReading;
import io.digiready.agent.software.AppReading;
import java.util.List;

/**
 * What the machine said, as raw as OSHI and the OS return it: vendor placeholders, "unknown", -1
 * and 0 are kept here and only become {@code null} in {@link InventoryMapper}. A section that could
 * not be read at all is {@code null}.
 */
public record Readings(
    String hostname,
    SystemReading system,
    BoardReading baseboard,
    FirmwareReading firmware,
    CpuReading processor,
    MemoryReading memory,
    List<DiskReading> disks,
    List<FsReading> fileSystems,
    List<NicReading> networkInterfaces,
    OsReading os,
    String osInstallId,
    List<AppReading> applications,
    ProtectionReading protection,
    UpdatesReading updates) {

  /** The hardware and OS sections only. */
  public Readings(
      String hostname,
      SystemReading system,
      BoardReading baseboard,
      FirmwareReading firmware,
      CpuReading processor,
      MemoryReading memory,
      List<DiskReading> disks,
      List<FsReading> fileSystems,
      List<NicReading> networkInterfaces,
      OsReading os,
      String osInstallId) {
    this(
        hostname,
        system,
        baseboard,
        firmware,
        processor,
        memory,
        disks,
        fileSystems,
        networkInterfaces,
        os,
        osInstallId,
        null,
        null,
        null);
  }

  public record SystemReading(String manufacturer, String model, String serial, String uuid) {}

  public record BoardReading(String manufacturer, String model, String serial) {}

  public record FirmwareReading(String manufacturer, String version, String releaseDate) {}

  public record CpuReading(
      String name, String vendor, int physicalCores, int logicalCores, long maxFreqHz) {}

  public record MemoryReading(long totalBytes, List<ModuleReading> modules) {}

  public record ModuleReading(long capacity, String type, long clockHz, String manufacturer) {}

  public record DiskReading(String model, String serial, long sizeBytes) {}

  public record FsReading(String mount, String type, long totalBytes, long usableBytes) {}

  public record NicReading(
      String name,
      String displayName,
      String mac,
      List<String> ipv4,
      List<String> ipv6,
      long speed,
      boolean up,
      boolean virtual) {}

  public record OsReading(
      String family,
      String manufacturer,
      String version,
      String build,
      int bitness,
      long bootTimeEpochSeconds) {}
}

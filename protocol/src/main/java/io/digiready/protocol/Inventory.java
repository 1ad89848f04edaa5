package io.digiready.protocol;

import java.time.Instant;
import java.util.List;

/**
 * A full hardware and operating-system snapshot of one workstation.
 *
 * <p>Every field that the agent could not read is {@code null}: never the string "unknown" and
 * never a vendor placeholder (see {@link Placeholders}). Lists are empty, not null, when nothing
 * was found.
 */
public record Inventory(
    Integer schemaVersion,
    String agentVersion,
    Instant collectedAt,
    String hostname,
    SystemInfo system,
    Baseboard baseboard,
    Firmware firmware,
    Processor processor,
    Memory memory,
    List<Disk> disks,
    List<FileSystem> fileSystems,
    List<NetworkInterface> networkInterfaces,
    OperatingSystem os) {

  /** The version of this shape; raised when a field changes meaning. */
  public static final int SCHEMA_VERSION = 1;

  public record SystemInfo(
      String manufacturer, String model, String serialNumber, String hardwareUuid) {}

  public record Baseboard(String manufacturer, String model, String serialNumber) {}

  /** {@code releaseDate} is kept as the firmware reports it (usually ISO {@code yyyy-MM-dd}). */
  public record Firmware(String manufacturer, String version, String releaseDate) {}

  public record Processor(
      String name,
      String vendor,
      Integer physicalCores,
      Integer logicalCores,
      Long maxFrequencyHz) {}

  public record Memory(Long totalBytes, List<MemoryModule> modules) {}

  public record MemoryModule(Long sizeBytes, String type, Long speedHz, String manufacturer) {}

  public record Disk(String model, String serialNumber, Long sizeBytes) {}

  public record FileSystem(String mount, String type, Long totalBytes, Long usableBytes) {}

  public record NetworkInterface(
      String name,
      String displayName,
      String mac,
      List<String> ipv4,
      List<String> ipv6,
      Long speedBitsPerSecond,
      Boolean up,
      Boolean virtual) {}

  /**
   * {@code family} is e.g. "Windows" or "Ubuntu"; {@code version} e.g. "10" or "24.04"; {@code
   * bitness} 32 or 64.
   */
  public record OperatingSystem(
      String family,
      String manufacturer,
      String version,
      String build,
      Integer bitness,
      Instant bootTime) {}
}

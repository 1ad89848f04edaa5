package io.digiready.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A full hardware and operating-system snapshot of one workstation.
 *
 * <p>Every field that the agent could not read is {@code null}: never the string "unknown" and
 * never a vendor placeholder (see {@link Placeholders}). Lists are empty, not null, when nothing
 * was found.
 *
 * <p>The last three sections are optional and absent from older agents' inventories (and are not
 * written when null): {@code software} is sent only when the list changed since the agent last sent
 * it (at its start, and on change), so an inventory without it means "unchanged", not "none";
 * {@code protection} and {@code updates} come with every inventory of an agent that reads them.
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
    OperatingSystem os,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Software> software,
    @JsonInclude(JsonInclude.Include.NON_NULL) Protection protection,
    @JsonInclude(JsonInclude.Include.NON_NULL) Updates updates) {

  /** The version of this shape; raised when a field changes meaning. */
  public static final int SCHEMA_VERSION = 1;

  /** An inventory without the software, protection and update sections (older agents). */
  public Inventory(
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
    this(
        schemaVersion,
        agentVersion,
        collectedAt,
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
        null,
        null,
        null);
  }

  /** This inventory with another software list (null: not included). */
  public Inventory withSoftware(List<Software> list) {
    return new Inventory(
        schemaVersion,
        agentVersion,
        collectedAt,
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
        list,
        protection,
        updates);
  }

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

  /**
   * One installed application (Windows: the Uninstall registry keys; Linux: dpkg or rpm). {@code
   * installDate} is the local date of installation, when the OS records one.
   */
  public record Software(String name, String version, String vendor, LocalDate installDate) {}

  /**
   * Protection against malware. {@code antiMalware} lists the products the OS reports, with whether
   * each is enabled and its definitions are up to date; an empty list means the OS answered and
   * knows no product; null means it could not be determined (no Security Center, no Defender, no
   * known scanner). {@code source} says where the answer came from: {@code securityCenter} (Windows
   * Security Center), {@code defender} (Microsoft Defender on Windows Server), {@code clamav}
   * (Linux), or null.
   */
  public record Protection(List<AntiMalware> antiMalware, String source) {}

  /** One anti-malware product; null when the OS does not say. */
  public record AntiMalware(String name, Boolean enabled, Boolean upToDate) {}

  /**
   * Operating-system updates: when the newest one was installed (Windows: hotfixes; Linux: the
   * package manager's log), and whether the OS says a reboot is pending to finish one (null when it
   * does not say).
   */
  public record Updates(Instant lastInstalledAt, Boolean rebootPending) {}
}

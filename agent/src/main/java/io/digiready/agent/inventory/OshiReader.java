package io.digiready.agent.inventory;

import io.digiready.agent.inventory.Readings.*;
import io.digiready.agent.protection.LinuxSecurity;
import io.digiready.agent.protection.ProtectionReading;
import io.digiready.agent.protection.UpdatesReading;
import io.digiready.agent.protection.WindowsSecurity;
import io.digiready.agent.software.AppReading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.PlatformEnum;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * The one class that reads the machine for the inventory: OSHI for hardware, OS and installed
 * applications, and the OS's own answers on protection and updates ({@link WindowsSecurity}, {@link
 * LinuxSecurity}). Each section, and each WMI query, is read with its own timeout (Windows WMI can
 * freeze for many seconds), and a failed or slow one becomes {@code null} while the others are
 * still reported.
 */
public final class OshiReader {
  private static final Logger log = LoggerFactory.getLogger(OshiReader.class);
  private static final AtomicBoolean serialNoteLogged = new AtomicBoolean();

  private final SystemInfo si;
  private final Sections sections;

  public OshiReader(SystemInfo si, Duration sectionTimeout) {
    this.si = si;
    this.sections = new Sections(sectionTimeout);
  }

  /** The whole inventory: hardware, OS, software, protection and updates. */
  public Readings read() {
    try {
      HardwareAbstractionLayer hal = si.getHardware();
      OperatingSystem os = si.getOperatingSystem();
      Readings readings =
          new Readings(
              sections.read("hostname", () -> os.getNetworkParams().getHostName()),
              sections.read("system", () -> system(hal)),
              sections.read("baseboard", () -> board(hal)),
              sections.read("firmware", () -> firmware(hal)),
              sections.read("processor", () -> cpu(hal)),
              sections.read("memory", () -> memory(hal)),
              listOrEmpty(sections.read("disks", () -> disks(hal))),
              listOrEmpty(sections.read("fileSystems", () -> fileSystems(os))),
              listOrEmpty(sections.read("networkInterfaces", () -> nics(hal))),
              sections.read("os", () -> os(os)),
              sections.read("osInstallId", OshiReader::osInstallId),
              sections.read("software", () -> applications(os)),
              protection(),
              updates());
      noteMissingSerials(readings);
      return readings;
    } finally {
      sections.close();
    }
  }

  /**
   * Only what enrollment sends: the host name and the fingerprint's sources (system, board, network
   * interfaces, OS install id); the other sections are left empty, since reading software and
   * protection costs seconds on some PCs.
   */
  public Readings readIdentity() {
    try {
      HardwareAbstractionLayer hal = si.getHardware();
      OperatingSystem os = si.getOperatingSystem();
      Readings readings =
          new Readings(
              sections.read("hostname", () -> os.getNetworkParams().getHostName()),
              sections.read("system", () -> system(hal)),
              sections.read("baseboard", () -> board(hal)),
              null,
              null,
              null,
              List.of(),
              List.of(),
              listOrEmpty(sections.read("networkInterfaces", () -> nics(hal))),
              null,
              sections.read("osInstallId", OshiReader::osInstallId));
      noteMissingSerials(readings);
      return readings;
    } finally {
      sections.close();
    }
  }

  private static List<AppReading> applications(OperatingSystem os) {
    List<AppReading> apps = new ArrayList<>();
    for (var app : os.getInstalledApplications()) {
      apps.add(
          new AppReading(app.getName(), app.getVersion(), app.getVendor(), app.getTimestamp()));
    }
    return apps;
  }

  /**
   * Windows: Security Center, and Defender only when Security Center did not answer (Windows
   * Server); Linux: a known scanner's services and signatures; elsewhere nothing.
   */
  private ProtectionReading protection() {
    int wmiMillis = wmiTimeoutMillis();
    switch (SystemInfo.getCurrentPlatform()) {
      case WINDOWS -> {
        var products =
            sections.read(
                "protection.securityCenter",
                () -> WindowsSecurity.securityCenterProducts(wmiMillis));
        var defender =
            products != null
                ? null
                : sections.read(
                    "protection.defender", () -> WindowsSecurity.defenderStatus(wmiMillis));
        return new ProtectionReading(products, defender, null, null);
      }
      case LINUX -> {
        var units = sections.read("protection.scanner", LinuxSecurity::scannerUnits);
        Long database = units == null ? null : LinuxSecurity.scannerDatabaseEpochSeconds();
        return new ProtectionReading(null, null, units, database);
      }
      default -> {
        return new ProtectionReading(null, null, null, null);
      }
    }
  }

  private UpdatesReading updates() {
    int wmiMillis = wmiTimeoutMillis();
    switch (SystemInfo.getCurrentPlatform()) {
      case WINDOWS -> {
        return new UpdatesReading(
            sections.read("updates.hotfixes", () -> WindowsSecurity.hotfixInstalledOn(wmiMillis)),
            null,
            null,
            sections.read("updates.rebootPending", WindowsSecurity::rebootPending));
      }
      case LINUX -> {
        return new UpdatesReading(
            null,
            LinuxSecurity.packageLog(),
            LinuxSecurity.aptHistory(),
            LinuxSecurity.rebootRequired());
      }
      default -> {
        return null;
      }
    }
  }

  /** A WMI query gives up a little before its section does, so that it ends on its own. */
  private int wmiTimeoutMillis() {
    return (int) Math.max(1000, sections.timeout().toMillis() - 1000);
  }

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * Says once why a Linux machine reports no serial number, from what its DMI table shows (no
   * table, no permission, or a blank serial), not from the user name: the service runs as its own
   * user with the capability that reads the table.
   */
  private static void noteMissingSerials(Readings r) {
    boolean linux = SystemInfo.getCurrentPlatform() == PlatformEnum.LINUX;
    boolean missing = r.system() == null || InventoryMapper.text(r.system().serial()) == null;
    if (linux && missing && serialNoteLogged.compareAndSet(false, true)) {
      DmiAccess access = DmiAccess.of(DmiAccess.LINUX_DMI);
      log.info(
          "event=serials_unreadable cause={} reason=\"{}; reporting them as null\"",
          access.name().toLowerCase(Locale.ROOT),
          access.reason(DmiAccess.LINUX_DMI));
    }
  }

  private static SystemReading system(HardwareAbstractionLayer hal) {
    var cs = hal.getComputerSystem();
    return new SystemReading(
        cs.getManufacturer(), cs.getModel(), cs.getSerialNumber(), cs.getHardwareUUID());
  }

  private static BoardReading board(HardwareAbstractionLayer hal) {
    var b = hal.getComputerSystem().getBaseboard();
    return new BoardReading(b.getManufacturer(), b.getModel(), b.getSerialNumber());
  }

  private static FirmwareReading firmware(HardwareAbstractionLayer hal) {
    var f = hal.getComputerSystem().getFirmware();
    return new FirmwareReading(f.getManufacturer(), f.getVersion(), f.getReleaseDate());
  }

  private static CpuReading cpu(HardwareAbstractionLayer hal) {
    var p = hal.getProcessor();
    var id = p.getProcessorIdentifier();
    return new CpuReading(
        id.getName(),
        id.getVendor(),
        p.getPhysicalProcessorCount(),
        p.getLogicalProcessorCount(),
        p.getMaxFreq());
  }

  private static MemoryReading memory(HardwareAbstractionLayer hal) {
    var m = hal.getMemory();
    List<ModuleReading> modules = new ArrayList<>();
    for (var pm : m.getPhysicalMemory()) {
      modules.add(
          new ModuleReading(
              pm.getCapacity(), pm.getMemoryType(), pm.getClockSpeed(), pm.getManufacturer()));
    }
    return new MemoryReading(m.getTotal(), modules);
  }

  private static List<DiskReading> disks(HardwareAbstractionLayer hal) {
    List<DiskReading> disks = new ArrayList<>();
    for (var d : hal.getDiskStores()) {
      disks.add(new DiskReading(d.getModel(), d.getSerial(), d.getSize()));
    }
    return disks;
  }

  private static List<FsReading> fileSystems(OperatingSystem os) {
    List<FsReading> list = new ArrayList<>();
    for (var fs : os.getFileSystem().getFileStores(true)) {
      list.add(new FsReading(fs.getMount(), fs.getType(), fs.getTotalSpace(), fs.getUsableSpace()));
    }
    return list;
  }

  private static List<NicReading> nics(HardwareAbstractionLayer hal) {
    List<NicReading> list = new ArrayList<>();
    for (var n : hal.getNetworkIFs(false)) {
      boolean virtual = n.isKnownVmMacAddr();
      try {
        virtual |= n.queryNetworkInterface().isVirtual();
      } catch (RuntimeException e) {
        // keep the MAC-based guess
      }
      list.add(
          new NicReading(
              n.getName(),
              n.getDisplayName(),
              n.getMacaddr(),
              Arrays.asList(n.getIPv4addr()),
              Arrays.asList(n.getIPv6addr()),
              n.getSpeed(),
              n.getIfOperStatus() == oshi.hardware.NetworkIF.IfOperStatus.UP,
              virtual));
    }
    if (SystemInfo.getCurrentPlatform() == PlatformEnum.LINUX) {
      addSysfsOnly(list, Path.of("/sys/class/net"));
    }
    return list;
  }

  /**
   * Java (and so OSHI) lists only interfaces that carry an address; a NIC without a cable or a
   * lease still identifies the machine, so the rest come from {@code /sys/class/net}.
   */
  static void addSysfsOnly(List<NicReading> list, Path sysClassNet) {
    java.util.Set<String> known = new java.util.HashSet<>();
    list.forEach(n -> known.add(n.name()));
    try (var dirs = Files.list(sysClassNet)) {
      for (Path dir : dirs.sorted().toList()) {
        String name = dir.getFileName().toString();
        if (known.contains(name) || "772".equals(readSmall(dir.resolve("type")))) {
          continue; // 772: loopback
        }
        String mac = readSmall(dir.resolve("address"));
        String speed = readSmall(dir.resolve("speed"));
        long mbps = speed != null && speed.matches("\\d+") ? Long.parseLong(speed) : 0;
        list.add(
            new NicReading(
                name,
                name,
                mac,
                List.of(),
                List.of(),
                mbps * 1_000_000,
                "up".equals(readSmall(dir.resolve("operstate"))),
                !Files.exists(dir.resolve("device"))));
      }
    } catch (IOException e) {
      // not Linux sysfs: keep what OSHI found
    }
  }

  private static String readSmall(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return null;
    }
  }

  private static OsReading os(OperatingSystem os) {
    var v = os.getVersionInfo();
    return new OsReading(
        os.getFamily(),
        os.getManufacturer(),
        v.getVersion(),
        v.getBuildNumber(),
        os.getBitness(),
        os.getSystemBootTime());
  }

  /** {@code /etc/machine-id} on Linux, {@code MachineGuid} on Windows; null elsewhere. */
  static String osInstallId() {
    PlatformEnum platform = SystemInfo.getCurrentPlatform();
    if (platform == PlatformEnum.WINDOWS) {
      return com.sun.jna.platform.win32.Advapi32Util.registryGetStringValue(
          com.sun.jna.platform.win32.WinReg.HKEY_LOCAL_MACHINE,
          "SOFTWARE\\Microsoft\\Cryptography",
          "MachineGuid");
    }
    for (String file : List.of("/etc/machine-id", "/var/lib/dbus/machine-id")) {
      try {
        String id = Files.readString(Path.of(file), StandardCharsets.US_ASCII).strip();
        if (!id.isEmpty()) {
          return id;
        }
      } catch (IOException e) {
        // try the next location
      }
    }
    return null;
  }
}

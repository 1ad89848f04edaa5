package io.digiready.agent.inventory;

import io.digiready.agent.protection.ProtectionMapper;
import io.digiready.agent.software.SoftwareMapper;
import io.digiready.protocol.Fingerprint;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.Limits;
import io.digiready.protocol.Placeholders;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns raw {@link Readings} into protocol records. Pure: no OSHI and no I/O here, so every rule
 * (placeholders to null, -1 and 0 to null, list and string bounds) is tested with fixtures.
 */
public final class InventoryMapper {

  private InventoryMapper() {}

  public static Inventory toInventory(Readings r, String agentVersion, Instant collectedAt) {
    return toInventory(r, agentVersion, collectedAt, ZoneId.systemDefault());
  }

  /** {@code zone} reads local dates and log times (install dates, update logs). */
  public static Inventory toInventory(
      Readings r, String agentVersion, Instant collectedAt, ZoneId zone) {
    return new Inventory(
        Inventory.SCHEMA_VERSION,
        text(agentVersion),
        collectedAt,
        hostname(r.hostname()),
        r.system() == null
            ? null
            : new Inventory.SystemInfo(
                text(r.system().manufacturer()),
                text(r.system().model()),
                text(r.system().serial()),
                text(r.system().uuid())),
        r.baseboard() == null
            ? null
            : new Inventory.Baseboard(
                text(r.baseboard().manufacturer()),
                text(r.baseboard().model()),
                text(r.baseboard().serial())),
        r.firmware() == null
            ? null
            : new Inventory.Firmware(
                text(r.firmware().manufacturer()),
                text(r.firmware().version()),
                text(r.firmware().releaseDate())),
        processor(r.processor()),
        memory(r.memory()),
        bounded(r.disks(), Limits.MAX_DISKS, InventoryMapper::disk),
        bounded(r.fileSystems(), Limits.MAX_FILE_SYSTEMS, InventoryMapper::fileSystem),
        bounded(r.networkInterfaces(), Limits.MAX_NETWORK_INTERFACES, InventoryMapper::nic),
        os(r.os()),
        SoftwareMapper.toSoftware(r.applications(), zone),
        ProtectionMapper.protection(r.protection(), collectedAt),
        ProtectionMapper.updates(r.updates(), zone));
  }

  public static Fingerprint toFingerprint(Readings r) {
    TreeSet<String> macs = new TreeSet<>();
    if (r.networkInterfaces() != null) {
      for (Readings.NicReading nic : r.networkInterfaces()) {
        String mac = Macs.normalize(nic.mac());
        if (mac != null) {
          macs.add(mac);
        }
      }
    }
    return new Fingerprint(
        r.system() == null ? null : text(r.system().uuid()),
        r.system() == null ? null : text(r.system().serial()),
        r.baseboard() == null ? null : text(r.baseboard().serial()),
        new ArrayList<>(macs).subList(0, Math.min(macs.size(), Limits.MAX_MACS)),
        text(r.osInstallId()));
  }

  /** The host name, or "unknown-host" when the OS gave none: the protocol requires one. */
  public static String hostname(String raw) {
    String name = text(raw);
    return name == null ? "unknown-host" : name;
  }

  private static Inventory.Processor processor(Readings.CpuReading cpu) {
    if (cpu == null) {
      return null;
    }
    Integer physical = positive(cpu.physicalCores());
    Integer logical = positive(cpu.logicalCores());
    if (physical != null && logical != null && logical < physical) {
      physical = null; // a contradiction the validator would reject; keep the count the OS uses
    }
    return new Inventory.Processor(
        text(cpu.name()), text(cpu.vendor()), physical, logical, positive(cpu.maxFreqHz()));
  }

  private static Inventory.Memory memory(Readings.MemoryReading m) {
    if (m == null) {
      return null;
    }
    return new Inventory.Memory(
        positive(m.totalBytes()),
        bounded(
            m.modules(),
            Limits.MAX_MEMORY_MODULES,
            mod ->
                new Inventory.MemoryModule(
                    nonNegative(mod.capacity()),
                    text(mod.type()),
                    positive(mod.clockHz()),
                    text(mod.manufacturer()))));
  }

  private static Inventory.Disk disk(Readings.DiskReading d) {
    return new Inventory.Disk(text(d.model()), text(d.serial()), nonNegative(d.sizeBytes()));
  }

  private static Inventory.FileSystem fileSystem(Readings.FsReading fs) {
    String mount = text(fs.mount());
    if (mount == null) {
      return null;
    }
    return new Inventory.FileSystem(
        mount, text(fs.type()), nonNegative(fs.totalBytes()), nonNegative(fs.usableBytes()));
  }

  private static Inventory.NetworkInterface nic(Readings.NicReading n) {
    String name = text(n.name());
    if (name == null) {
      return null;
    }
    return new Inventory.NetworkInterface(
        name,
        text(n.displayName()),
        Macs.normalize(n.mac()),
        addresses(n.ipv4()),
        addresses(n.ipv6()),
        positive(n.speed()),
        n.up(),
        n.virtual());
  }

  private static Inventory.OperatingSystem os(Readings.OsReading os) {
    if (os == null) {
      return null;
    }
    Integer bitness = os.bitness() == 32 || os.bitness() == 64 ? os.bitness() : null;
    Instant boot =
        os.bootTimeEpochSeconds() > Limits.EARLIEST_TIME.getEpochSecond()
            ? Instant.ofEpochSecond(os.bootTimeEpochSeconds())
            : null;
    return new Inventory.OperatingSystem(
        text(os.family()),
        text(os.manufacturer()),
        text(os.version()),
        text(os.build()),
        bitness,
        boot);
  }

  private static List<String> addresses(List<String> raw) {
    return bounded(raw, Limits.MAX_ADDRESSES_PER_INTERFACE, InventoryMapper::text);
  }

  /** Maps each element, drops nulls, keeps at most {@code max}: the collector rejects more. */
  private static <R, T> List<T> bounded(List<R> raw, int max, Function<R, T> map) {
    List<T> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    for (R item : raw) {
      if (out.size() == max) {
        break;
      }
      T mapped = item == null ? null : map.apply(item);
      if (mapped != null) {
        out.add(mapped);
      }
    }
    return out;
  }

  /** Placeholder or blank to null; longer than the protocol allows is cut, not rejected. */
  static String text(String raw) {
    return Placeholders.cleanAndCut(raw);
  }

  private static Integer positive(int value) {
    return value > 0 ? value : null;
  }

  private static Long positive(long value) {
    return value > 0 ? value : null;
  }

  private static Long nonNegative(long value) {
    return value >= 0 ? value : null;
  }
}

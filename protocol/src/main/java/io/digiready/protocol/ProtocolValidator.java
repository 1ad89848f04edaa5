package io.digiready.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Checks reports against the protocol's rules after parsing: required fields, ranges, lengths and
 * list sizes ({@link Limits}). The JSON Schema files under {@code schema/} state the same rules for
 * other tools; a test keeps the two in step.
 *
 * <p>Each method throws {@link ValidationException} naming the first offending field, so one bad
 * heartbeat rejects its whole batch with its index.
 */
public final class ProtocolValidator {

  private ProtocolValidator() {}

  public static void heartbeatBatch(HeartbeatBatch batch, Instant now) {
    required("body", batch);
    list("heartbeats", batch.heartbeats(), Limits.MAX_HEARTBEATS_PER_BATCH);
    if (batch.heartbeats().isEmpty()) {
      throw new ValidationException("heartbeats", "must hold at least one heartbeat");
    }
    for (int i = 0; i < batch.heartbeats().size(); i++) {
      heartbeat("heartbeats[" + i + "]", batch.heartbeats().get(i), now);
    }
  }

  public static void heartbeat(String path, Heartbeat h, Instant now) {
    required(path, h);
    text(path + ".machineId", h.machineId(), true);
    atLeast(path + ".seq", required(path + ".seq", h.seq()), 1);
    time(path + ".agentTime", required(path + ".agentTime", h.agentTime()), now);
    atLeastOrNull(path + ".uptimeSeconds", h.uptimeSeconds(), 0);
    list(path + ".probes", h.probes(), Limits.MAX_PROBES);
    for (int i = 0; i < h.probes().size(); i++) {
      probeResult(path + ".probes[" + i + "]", h.probes().get(i));
    }
    required(path + ".internetUp", h.internetUp());
    atLeastOrNull(path + ".memoryUsedBytes", h.memoryUsedBytes(), 0);
    atLeastOrNull(path + ".systemDiskFreeBytes", h.systemDiskFreeBytes(), 0);
    atLeastOrNull(path + ".systemDiskTotalBytes", h.systemDiskTotalBytes(), 0);
    atLeastOrNull(path + ".agentResidentBytes", h.agentResidentBytes(), 0);
    atLeastOrNull(path + ".spoolDroppedEntries", h.spoolDroppedEntries(), 0);
    if (h.agentCpuSeconds() != null
        && (!Double.isFinite(h.agentCpuSeconds()) || h.agentCpuSeconds() < 0)) {
      throw new ValidationException(
          path + ".agentCpuSeconds", "must be a number >= 0. Found: " + h.agentCpuSeconds());
    }
    if (h.systemDiskFreeBytes() != null
        && h.systemDiskTotalBytes() != null
        && h.systemDiskFreeBytes() > h.systemDiskTotalBytes()) {
      throw new ValidationException(
          path + ".systemDiskFreeBytes", "must not exceed systemDiskTotalBytes");
    }
  }

  public static void probeResult(String path, ProbeResult p) {
    required(path, p);
    text(path + ".target", p.target(), true);
    required(path + ".kind", p.kind());
    required(path + ".internet", p.internet());
    required(path + ".ok", p.ok());
    atLeastOrNull(path + ".latencyMillis", p.latencyMillis(), 0);
    text(path + ".error", p.error(), false);
    text(path + ".detail", p.detail(), false);
    if (!p.ok() && p.error() == null) {
      throw new ValidationException(path + ".error", "is required when ok is false");
    }
  }

  public static void enrollRequest(EnrollRequest r, Instant now) {
    required("body", r);
    text("enrollmentToken", r.enrollmentToken(), true);
    text("hostname", r.hostname(), true);
    Fingerprint f = required("fingerprint", r.fingerprint());
    text("fingerprint.hardwareUuid", f.hardwareUuid(), false);
    text("fingerprint.systemSerial", f.systemSerial(), false);
    text("fingerprint.baseboardSerial", f.baseboardSerial(), false);
    text("fingerprint.osInstallId", f.osInstallId(), false);
    if (f.macs() != null) {
      list("fingerprint.macs", f.macs(), Limits.MAX_MACS);
      for (int i = 0; i < f.macs().size(); i++) {
        text("fingerprint.macs[" + i + "]", f.macs().get(i), true);
      }
    }
    if (r.inventory() != null) {
      inventory("inventory", r.inventory(), now);
    }
  }

  public static void inventoryReport(InventoryReport r, Instant now) {
    required("body", r);
    text("machineId", r.machineId(), true);
    inventory("inventory", required("inventory", r.inventory()), now);
  }

  public static void inventory(String path, Inventory inv, Instant now) {
    required(path, inv);
    atLeast(path + ".schemaVersion", required(path + ".schemaVersion", inv.schemaVersion()), 1);
    text(path + ".agentVersion", inv.agentVersion(), false);
    time(path + ".collectedAt", required(path + ".collectedAt", inv.collectedAt()), now);
    text(path + ".hostname", inv.hostname(), true);
    if (inv.system() != null) {
      texts(
          path + ".system",
          new String[] {"manufacturer", "model", "serialNumber", "hardwareUuid"},
          inv.system().manufacturer(),
          inv.system().model(),
          inv.system().serialNumber(),
          inv.system().hardwareUuid());
    }
    if (inv.baseboard() != null) {
      texts(
          path + ".baseboard",
          new String[] {"manufacturer", "model", "serialNumber"},
          inv.baseboard().manufacturer(),
          inv.baseboard().model(),
          inv.baseboard().serialNumber());
    }
    if (inv.firmware() != null) {
      texts(
          path + ".firmware",
          new String[] {"manufacturer", "version", "releaseDate"},
          inv.firmware().manufacturer(),
          inv.firmware().version(),
          inv.firmware().releaseDate());
    }
    if (inv.processor() != null) {
      var p = inv.processor();
      texts(path + ".processor", new String[] {"name", "vendor"}, p.name(), p.vendor());
      atLeastOrNull(path + ".processor.physicalCores", p.physicalCores(), 1);
      atLeastOrNull(path + ".processor.logicalCores", p.logicalCores(), 1);
      atLeastOrNull(path + ".processor.maxFrequencyHz", p.maxFrequencyHz(), 1);
      if (p.physicalCores() != null
          && p.logicalCores() != null
          && p.logicalCores() < p.physicalCores()) {
        throw new ValidationException(
            path + ".processor.logicalCores",
            "must be >= physicalCores. Found: " + p.logicalCores());
      }
    }
    if (inv.memory() != null) {
      atLeastOrNull(path + ".memory.totalBytes", inv.memory().totalBytes(), 1);
      list(path + ".memory.modules", inv.memory().modules(), Limits.MAX_MEMORY_MODULES);
      for (int i = 0; i < inv.memory().modules().size(); i++) {
        String at = path + ".memory.modules[" + i + "]";
        var m = required(at, inv.memory().modules().get(i));
        atLeastOrNull(at + ".sizeBytes", m.sizeBytes(), 0);
        atLeastOrNull(at + ".speedHz", m.speedHz(), 0);
        texts(at, new String[] {"type", "manufacturer"}, m.type(), m.manufacturer());
      }
    }
    list(path + ".disks", inv.disks(), Limits.MAX_DISKS);
    for (int i = 0; i < inv.disks().size(); i++) {
      String at = path + ".disks[" + i + "]";
      var d = required(at, inv.disks().get(i));
      texts(at, new String[] {"model", "serialNumber"}, d.model(), d.serialNumber());
      atLeastOrNull(at + ".sizeBytes", d.sizeBytes(), 0);
    }
    list(path + ".fileSystems", inv.fileSystems(), Limits.MAX_FILE_SYSTEMS);
    for (int i = 0; i < inv.fileSystems().size(); i++) {
      String at = path + ".fileSystems[" + i + "]";
      var fs = required(at, inv.fileSystems().get(i));
      text(at + ".mount", fs.mount(), true);
      text(at + ".type", fs.type(), false);
      atLeastOrNull(at + ".totalBytes", fs.totalBytes(), 0);
      atLeastOrNull(at + ".usableBytes", fs.usableBytes(), 0);
    }
    list(path + ".networkInterfaces", inv.networkInterfaces(), Limits.MAX_NETWORK_INTERFACES);
    for (int i = 0; i < inv.networkInterfaces().size(); i++) {
      String at = path + ".networkInterfaces[" + i + "]";
      var n = required(at, inv.networkInterfaces().get(i));
      text(at + ".name", n.name(), true);
      texts(at, new String[] {"displayName", "mac"}, n.displayName(), n.mac());
      addresses(at + ".ipv4", n.ipv4());
      addresses(at + ".ipv6", n.ipv6());
      atLeastOrNull(at + ".speedBitsPerSecond", n.speedBitsPerSecond(), 0);
    }
    if (inv.os() != null) {
      var os = inv.os();
      texts(
          path + ".os",
          new String[] {"family", "manufacturer", "version", "build"},
          os.family(),
          os.manufacturer(),
          os.version(),
          os.build());
      if (os.bitness() != null && os.bitness() != 32 && os.bitness() != 64) {
        throw new ValidationException(
            path + ".os.bitness", "must be 32 or 64. Found: " + os.bitness());
      }
      if (os.bootTime() != null) {
        time(path + ".os.bootTime", os.bootTime(), now);
      }
    }
    software(path + ".software", inv.software(), now);
    protection(path + ".protection", inv.protection());
    if (inv.updates() != null && inv.updates().lastInstalledAt() != null) {
      time(path + ".updates.lastInstalledAt", inv.updates().lastInstalledAt(), now);
    }
  }

  private static void software(String path, List<Inventory.Software> software, Instant now) {
    if (software == null) {
      return;
    }
    list(path, software, Limits.MAX_SOFTWARE);
    LocalDate latest = now.plus(Limits.MAX_CLOCK_AHEAD).atZone(ZoneOffset.UTC).toLocalDate();
    for (int i = 0; i < software.size(); i++) {
      String at = path + "[" + i + "]";
      var s = required(at, software.get(i));
      text(at + ".name", s.name(), true);
      texts(at, new String[] {"version", "vendor"}, s.version(), s.vendor());
      if (s.installDate() != null && s.installDate().isAfter(latest)) {
        throw new ValidationException(
            at + ".installDate",
            "must not be more than "
                + Limits.MAX_CLOCK_AHEAD.toDays()
                + " days in the future. Found: "
                + s.installDate());
      }
    }
  }

  private static void protection(String path, Inventory.Protection p) {
    if (p == null) {
      return;
    }
    text(path + ".source", p.source(), false);
    if (p.antiMalware() == null) {
      return;
    }
    list(path + ".antiMalware", p.antiMalware(), Limits.MAX_ANTI_MALWARE_PRODUCTS);
    for (int i = 0; i < p.antiMalware().size(); i++) {
      String at = path + ".antiMalware[" + i + "]";
      text(at + ".name", required(at, p.antiMalware().get(i)).name(), true);
    }
  }

  public static void agentConfig(AgentConfig c) {
    required("config", c);
    Integer interval = required("config.heartbeatIntervalSeconds", c.heartbeatIntervalSeconds());
    if (interval < Limits.MIN_HEARTBEAT_INTERVAL_SECONDS
        || interval > Limits.MAX_HEARTBEAT_INTERVAL_SECONDS) {
      throw new ValidationException(
          "config.heartbeatIntervalSeconds",
          "must be between "
              + Limits.MIN_HEARTBEAT_INTERVAL_SECONDS
              + " and "
              + Limits.MAX_HEARTBEAT_INTERVAL_SECONDS
              + ". Found: "
              + interval);
    }
    atLeastOrNull("config.inventoryCheckIntervalSeconds", c.inventoryCheckIntervalSeconds(), 60);
    list("config.probes", c.probes(), Limits.MAX_PROBES);
    for (int i = 0; i < c.probes().size(); i++) {
      probeTarget("config.probes[" + i + "]", c.probes().get(i));
    }
  }

  public static void probeTarget(String path, ProbeTarget t) {
    required(path, t);
    required(path + ".kind", t.kind());
    text(path + ".target", t.target(), true);
    required(path + ".internet", t.internet());
  }

  private static void addresses(String path, List<String> values) {
    list(path, values, Limits.MAX_ADDRESSES_PER_INTERFACE);
    for (int i = 0; i < values.size(); i++) {
      text(path + "[" + i + "]", values.get(i), true);
    }
  }

  private static <T> T required(String path, T value) {
    if (value == null) {
      throw new ValidationException(path, "is required");
    }
    return value;
  }

  private static void list(String path, List<?> values, int max) {
    required(path, values);
    if (values.size() > max) {
      throw new ValidationException(
          path, "must hold at most " + max + " entries. Found: " + values.size());
    }
  }

  private static void text(String path, String value, boolean mandatory) {
    if (value == null) {
      if (mandatory) {
        throw new ValidationException(path, "is required");
      }
      return;
    }
    if (mandatory && value.isBlank()) {
      throw new ValidationException(path, "must not be blank");
    }
    if (value.length() > Limits.MAX_STRING_LENGTH) {
      throw new ValidationException(
          path,
          "must be at most " + Limits.MAX_STRING_LENGTH + " characters. Found: " + value.length());
    }
    if (!Text.wellFormed(value)) {
      throw new ValidationException(path, Text.NOT_WELL_FORMED);
    }
  }

  private static void texts(String path, String[] names, String... values) {
    for (int i = 0; i < names.length; i++) {
      text(path + "." + names[i], values[i], false);
    }
  }

  private static void atLeast(String path, long value, long min) {
    if (value < min) {
      throw new ValidationException(path, "must be >= " + min + ". Found: " + value);
    }
  }

  private static void atLeastOrNull(String path, Number value, long min) {
    if (value != null) {
      atLeast(path, value.longValue(), min);
    }
  }

  private static void time(String path, Instant value, Instant now) {
    if (value.isBefore(Limits.EARLIEST_TIME)) {
      throw new ValidationException(
          path, "must not be before " + Limits.EARLIEST_TIME + ". Found: " + value);
    }
    if (value.isAfter(now.plus(Limits.MAX_CLOCK_AHEAD))) {
      throw new ValidationException(
          path,
          "must not be more than "
              + Limits.MAX_CLOCK_AHEAD.toDays()
              + " days in the future. Found: "
              + value);
    }
  }
}

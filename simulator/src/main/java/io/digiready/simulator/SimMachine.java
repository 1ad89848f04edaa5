package io.digiready.simulator;

import io.digiready.protocol.Fingerprint;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One simulated workstation: what it is (hardware, OS, unit), how it behaves, and what it has been
 * told by the collector (machine id, token, next sequence number).
 */
public final class SimMachine {

  /** How a PC is used. */
  public enum Power {
    /** Switched on in its unit's office hours, off at night, at weekends and on holidays. */
    OFFICE_HOURS,
    /** Never switched off (a PC left on, a reception kiosk). */
    ALWAYS_ON,
    /** Switched off for the whole run: seen earlier, silent now, so it ends up offline. */
    SWITCHED_OFF,
    /** Seen once, longer ago than the working window: broken or taken away, so it is stale. */
    GONE
  }

  static final long GIB = 1024L * 1024 * 1024;

  final String unit;
  final String hostname;
  final Fingerprint fingerprint;
  final Power power;
  final boolean lineDown;
  final long memoryBytes;
  final String osFamily;
  final String osVersion;
  final long diskTotalBytes;
  final long diskFreeBytes;
  final Duration clockOffset;
  final int logicalCpus;

  /** Software, anti-malware and updates; null for load machines, which send hardware only. */
  final SecurityProfile security;

  volatile String machineId;
  volatile String agentToken;
  private long nextSeq = 1;

  SimMachine(
      String unit,
      String hostname,
      Fingerprint fingerprint,
      Power power,
      boolean lineDown,
      long memoryBytes,
      String osFamily,
      String osVersion,
      long diskTotalBytes,
      long diskFreeBytes,
      Duration clockOffset,
      int logicalCpus) {
    this(
        unit,
        hostname,
        fingerprint,
        power,
        lineDown,
        memoryBytes,
        osFamily,
        osVersion,
        diskTotalBytes,
        diskFreeBytes,
        clockOffset,
        logicalCpus,
        null);
  }

  SimMachine(
      String unit,
      String hostname,
      Fingerprint fingerprint,
      Power power,
      boolean lineDown,
      long memoryBytes,
      String osFamily,
      String osVersion,
      long diskTotalBytes,
      long diskFreeBytes,
      Duration clockOffset,
      int logicalCpus,
      SecurityProfile security) {
    this.unit = unit;
    this.hostname = hostname;
    this.fingerprint = fingerprint;
    this.power = power;
    this.lineDown = lineDown;
    this.memoryBytes = memoryBytes;
    this.osFamily = osFamily;
    this.osVersion = osVersion;
    this.diskTotalBytes = diskTotalBytes;
    this.diskFreeBytes = diskFreeBytes;
    this.clockOffset = clockOffset;
    this.logicalCpus = logicalCpus;
    this.security = security;
  }

  public String unit() {
    return unit;
  }

  public String hostname() {
    return hostname;
  }

  public String machineId() {
    return machineId;
  }

  public String agentToken() {
    return agentToken;
  }

  /** The next {@code n} heartbeats of this PC, as its agent would batch them. */
  public synchronized io.digiready.protocol.HeartbeatBatch batch(int n, Instant now) {
    List<Heartbeat> beats = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      beats.add(nextHeartbeat(now));
    }
    return new io.digiready.protocol.HeartbeatBatch(beats);
  }

  /** True when this PC has an anti-malware product enabled with current definitions. */
  public boolean protectedPc() {
    return security != null && security.protectedPc();
  }

  /** The names of the applications this PC reports (empty without a software list). */
  public java.util.List<String> softwareNames() {
    return security == null || security.software() == null
        ? java.util.List.of()
        : security.software().stream().map(io.digiready.protocol.Inventory.Software::name).toList();
  }

  public SecurityProfile security() {
    return security;
  }

  /**
   * True when this PC fails the default readiness policy: its hardware, its clock, an anti-malware
   * product that is missing, switched off or out of date (or unknown, for a PC that sends no
   * protection section), or an OS update older than 60 whole days.
   */
  public boolean belowPolicy() {
    return memoryBytes < 4 * GIB
        || logicalCpus < 2
        || ("Windows".equals(osFamily) && List.of("7", "8", "8.1").contains(osVersion))
        || diskFreeBytes < diskTotalBytes / 10
        || diskFreeBytes < 5 * GIB
        || clockOffset.abs().compareTo(Duration.ofMinutes(5)) > 0
        || !protectedPc()
        || security.daysSinceUpdate() > 60;
  }

  Inventory inventory(Instant now) {
    var system =
        new Inventory.SystemInfo(
            "Dell Inc.", "OptiPlex 3080", fingerprint.systemSerial(), fingerprint.hardwareUuid());
    var baseboard = new Inventory.Baseboard("Dell Inc.", "0J37VM", fingerprint.baseboardSerial());
    var firmware = new Inventory.Firmware("Dell Inc.", "2.21.0", "2024-03-14");
    var cpu =
        new Inventory.Processor(
            "Intel(R) Core(TM) i3-10100 CPU @ 3.60GHz",
            "GenuineIntel",
            Math.max(1, logicalCpus / 2),
            logicalCpus,
            3_600_000_000L);
    var memory =
        new Inventory.Memory(
            memoryBytes,
            List.of(new Inventory.MemoryModule(memoryBytes, "DDR4", 2_666_000_000L, null)));
    var disk =
        new Inventory.Disk("WDC WDS250G2B0A", "D-" + fingerprint.systemSerial(), diskTotalBytes);
    String mount = "Windows".equals(osFamily) ? "C:\\" : "/";
    var fs =
        new Inventory.FileSystem(
            mount, "Windows".equals(osFamily) ? "NTFS" : "ext4", diskTotalBytes, diskFreeBytes);
    var nic =
        new Inventory.NetworkInterface(
            "eth0",
            "Realtek PCIe GbE Family Controller",
            fingerprint.macs().get(0),
            List.of(),
            List.of(),
            1_000_000_000L,
            true,
            false);
    var os =
        new Inventory.OperatingSystem(
            osFamily, "Microsoft", osVersion, "19045", 64, now.minus(Duration.ofHours(1)));
    return new Inventory(
        Inventory.SCHEMA_VERSION,
        "simulator",
        now.plus(clockOffset),
        hostname,
        system,
        baseboard,
        firmware,
        cpu,
        memory,
        List.of(disk),
        List.of(fs),
        List.of(nic),
        os,
        security == null ? null : security.software(),
        security == null ? null : security.protection(),
        security == null ? null : security.updates(now));
  }

  /** Makes the next heartbeat; each call uses up one sequence number, as a real agent does. */
  synchronized Heartbeat nextHeartbeat(Instant now) {
    boolean internet = !lineDown;
    var portal =
        new ProbeResult(
            "https://dichvucong.gov.vn",
            ProbeKind.HTTP,
            true,
            internet,
            internet ? 85L : 5000L,
            internet ? null : "timeout",
            internet ? null : "no answer within 5000 ms");
    // The collector's default probeTargets are the portal over HTTP and its name over DNS; the
    // "collector" TCP probe is not one of them, so the collector counts it as target "other".
    var dns =
        new ProbeResult(
            "dichvucong.gov.vn",
            ProbeKind.DNS,
            true,
            internet,
            internet ? 12L : null,
            internet ? null : "dns_failure",
            internet ? null : "no DNS answer");
    var collector = new ProbeResult("collector", ProbeKind.TCP, false, true, 2L, null, null);
    return new Heartbeat(
        machineId,
        nextSeq++,
        now.plus(clockOffset),
        3600L,
        List.of(portal, dns, collector),
        internet,
        memoryBytes / 2,
        diskFreeBytes,
        diskTotalBytes,
        60_000_000L,
        1.0,
        0L);
  }

  synchronized long lastSeq() {
    return nextSeq - 1;
  }
}

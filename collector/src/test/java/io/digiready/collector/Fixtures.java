package io.digiready.collector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wire bodies as mutable maps, so tests can break one field at a time. */
public final class Fixtures {
  public static final long GIB = 1024L * 1024 * 1024;

  /**
   * When the fixture PCs took their last OS update: three days before the tests' start, and the
   * same in every inventory (it is the PC's history, not the time of the report).
   */
  public static final Instant UPDATED_AT = Instant.parse("2026-11-22T03:00:00Z");

  private Fixtures() {}

  public static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  public static Map<String, Object> fingerprint(String uuid, String serial, String osInstallId) {
    return map(
        "hardwareUuid", uuid,
        "systemSerial", serial,
        "baseboardSerial", null,
        "macs", new ArrayList<>(List.of("aa:bb:cc:dd:ee:01")),
        "osInstallId", osInstallId);
  }

  public static Map<String, Object> enroll(String token, String hostname, Map<String, Object> fp) {
    return map("enrollmentToken", token, "hostname", hostname, "fingerprint", fp);
  }

  public static Map<String, Object> probe(boolean internet, boolean ok) {
    return map(
        "target", internet ? "https://dichvucong.gov.vn" : "collector.lan:8080",
        "kind", internet ? "http" : "tcp",
        "internet", internet,
        "ok", ok,
        "latencyMillis", ok ? 85 : null,
        "error", ok ? null : "timeout",
        "detail", null);
  }

  public static Map<String, Object> heartbeat(
      String machineId, long seq, Instant agentTime, boolean internetUp) {
    return map(
        "machineId",
        machineId,
        "seq",
        seq,
        "agentTime",
        agentTime.toString(),
        "uptimeSeconds",
        3600,
        "probes",
        new ArrayList<>(List.of(probe(true, internetUp))),
        "internetUp",
        internetUp,
        "memoryUsedBytes",
        3_100_000_000L,
        "systemDiskFreeBytes",
        52L * GIB,
        "systemDiskTotalBytes",
        200L * GIB);
  }

  @SafeVarargs
  public static Map<String, Object> batch(Map<String, Object>... heartbeats) {
    return map("heartbeats", new ArrayList<>(List.of(heartbeats)));
  }

  public static Map<String, Object> inventory(
      String hostname, Instant at, long memoryBytes, int logicalCpus, String os, String version) {
    return map(
        "schemaVersion",
        1,
        "agentVersion",
        "0.1.0",
        "collectedAt",
        at.toString(),
        "hostname",
        hostname,
        "system",
        map(
            "manufacturer",
            "Dell",
            "model",
            "OptiPlex 3080",
            "serialNumber",
            "SN1",
            "hardwareUuid",
            "uuid-1"),
        "processor",
        map(
            "name",
            "Intel Core i5-10500",
            "vendor",
            "GenuineIntel",
            "physicalCores",
            Math.max(1, logicalCpus / 2),
            "logicalCores",
            logicalCpus,
            "maxFrequencyHz",
            3_100_000_000L),
        "memory",
        map("totalBytes", memoryBytes, "modules", new ArrayList<>()),
        "disks",
        new ArrayList<>(
            List.of(
                map(
                    "model",
                    "WDC WD10",
                    "serialNumber",
                    "WDC-123",
                    "sizeBytes",
                    1000L * 1000 * 1000 * 1000))),
        "fileSystems",
        new ArrayList<>(
            List.of(
                map(
                    "mount",
                    "C:\\",
                    "type",
                    "NTFS",
                    "totalBytes",
                    200L * GIB,
                    "usableBytes",
                    52L * GIB))),
        "networkInterfaces",
        new ArrayList<>(
            List.of(
                map(
                    "name",
                    "eth0",
                    "displayName",
                    "Ethernet",
                    "mac",
                    "aa:bb:cc:dd:ee:01",
                    "ipv4",
                    List.of("10.0.0.7"),
                    "ipv6",
                    List.of(),
                    "speedBitsPerSecond",
                    1_000_000_000L,
                    "up",
                    true,
                    "virtual",
                    false))),
        "os",
        map(
            "family",
            os,
            "manufacturer",
            "Microsoft",
            "version",
            version,
            "build",
            "19045",
            "bitness",
            64,
            "bootTime",
            at.minusSeconds(3600).toString()),
        "protection",
        protection(antiMalware("Windows Defender", true, true)),
        "updates",
        map("lastInstalledAt", UPDATED_AT.toString(), "rebootPending", false));
  }

  /** Anti-malware products as Windows Security Center reports them. */
  @SafeVarargs
  public static Map<String, Object> protection(Map<String, Object>... products) {
    return map("antiMalware", new ArrayList<>(List.of(products)), "source", "securityCenter");
  }

  public static Map<String, Object> antiMalware(String name, Boolean enabled, Boolean upToDate) {
    return map("name", name, "enabled", enabled, "upToDate", upToDate);
  }

  /** One installed application; version, vendor and date may be null. */
  public static Map<String, Object> software(
      String name, String version, String vendor, String installDate) {
    return map("name", name, "version", version, "vendor", vendor, "installDate", installDate);
  }

  public static Map<String, Object> unit(
      String code, String name, String parent, String kind, int staff) {
    return map("code", code, "name", name, "parent", parent, "kind", kind, "staff", staff);
  }
}

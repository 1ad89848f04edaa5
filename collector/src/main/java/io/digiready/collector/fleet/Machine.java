package io.digiready.collector.fleet;

import java.time.Instant;

/**
 * The current state of one workstation, kept in memory so that coverage and /metrics never read
 * history. Instances are immutable; the writer replaces them after each commit. {@code
 * possibleDuplicateOf} names the machine whose hardware this one enrolled with while that one was
 * alive (or as its clone), else null.
 */
public record Machine(
    String id,
    String unitCode,
    String tokenHash,
    Instant enrolledAt,
    Instant retiredAt,
    Identity identity,
    Liveness liveness,
    Hardware hardware,
    String possibleDuplicateOf) {

  /** What identity decisions are made from. Null means unknown (placeholders are cleaned). */
  public record Identity(
      String hostname,
      String hardwareUuid,
      String systemSerial,
      String baseboardSerial,
      String macs,
      String osInstallId) {}

  /**
   * The latest heartbeat's figures. {@code lastSeenAt} is the collector's receive time of the last
   * contact (enrollment or heartbeat); {@code lastHeartbeatAt} only counts heartbeats. The last two
   * live in memory only (null after a restart): {@code heartbeatCreditFrom} is the machine's
   * heartbeat allowance (see {@code ingest.SeqBound}), {@code rateLimitedAt} when it was last told
   * to slow down.
   */
  public record Liveness(
      Instant lastSeenAt,
      Instant lastHeartbeatAt,
      long lastSeq,
      long lostHeartbeats,
      Boolean internetUp,
      Instant lastInternetOkAt,
      Long clockSkewSeconds,
      Long memoryUsedBytes,
      Long systemDiskFreeBytes,
      Long systemDiskTotalBytes,
      Instant heartbeatCreditFrom,
      Instant rateLimitedAt) {

    public static Liveness enrolledAt(Instant at) {
      return new Liveness(at, null, 0, 0, null, null, null, null, null, null, null, null);
    }

    public Liveness rateLimited(Instant at) {
      return new Liveness(
          lastSeenAt,
          lastHeartbeatAt,
          lastSeq,
          lostHeartbeats,
          internetUp,
          lastInternetOkAt,
          clockSkewSeconds,
          memoryUsedBytes,
          systemDiskFreeBytes,
          systemDiskTotalBytes,
          heartbeatCreditFrom,
          at);
    }

    /**
     * This state with the in-memory allowance of {@code kept} (a collector that read the state from
     * a shared database keeps its own count of what the machine may still send).
     */
    public Liveness withAllowanceOf(Liveness kept) {
      return new Liveness(
          lastSeenAt,
          lastHeartbeatAt,
          lastSeq,
          lostHeartbeats,
          internetUp,
          lastInternetOkAt,
          clockSkewSeconds,
          memoryUsedBytes,
          systemDiskFreeBytes,
          systemDiskTotalBytes,
          kept.heartbeatCreditFrom,
          kept.rateLimitedAt);
    }
  }

  /** The few inventory figures that readiness and metrics need. */
  public record Hardware(
      Long memoryBytes,
      Integer logicalCpus,
      String cpuName,
      String osFamily,
      String osVersion,
      Instant inventoryAt) {
    public static final Hardware UNKNOWN = new Hardware(null, null, null, null, null, null);

    public String os() {
      if (osFamily == null) {
        return "";
      }
      return osVersion == null ? osFamily : osFamily + " " + osVersion;
    }
  }

  public Machine withLiveness(Liveness l) {
    return new Machine(
        id, unitCode, tokenHash, enrolledAt, retiredAt, identity, l, hardware, possibleDuplicateOf);
  }

  public Machine withHardware(Hardware h) {
    return new Machine(
        id, unitCode, tokenHash, enrolledAt, retiredAt, identity, liveness, h, possibleDuplicateOf);
  }

  public Machine withHostname(String hostname) {
    var i = identity;
    return new Machine(
        id,
        unitCode,
        tokenHash,
        enrolledAt,
        retiredAt,
        new Identity(
            hostname,
            i.hardwareUuid(),
            i.systemSerial(),
            i.baseboardSerial(),
            i.macs(),
            i.osInstallId()),
        liveness,
        hardware,
        possibleDuplicateOf);
  }

  public Machine withUnit(String unit) {
    return new Machine(
        id,
        unit,
        tokenHash,
        enrolledAt,
        retiredAt,
        identity,
        liveness,
        hardware,
        possibleDuplicateOf);
  }

  public Machine retired(Instant at) {
    return new Machine(
        id, unitCode, tokenHash, enrolledAt, at, identity, liveness, hardware, possibleDuplicateOf);
  }
}

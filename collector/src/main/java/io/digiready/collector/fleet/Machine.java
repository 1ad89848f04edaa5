package io.digiready.collector.fleet;

import java.time.Instant;
import java.util.List;

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

  /**
   * The few inventory figures that readiness and metrics need. {@code antiMalware} is null when the
   * agent did not say (an older agent, no Security Center, no known scanner); {@code osUpdatedAt}
   * is when the newest operating-system update was installed, null when unknown; {@code softwareAt}
   * is when the machine's software list last changed (null: it never sent one), which tells the
   * software summaries when to recount. {@code softwareMissing} are the labels of the required
   * applications (of the machine's unit) that its software list lacks, worked out when the list
   * arrives or the unit's requirements change; null when never worked out.
   */
  public record Hardware(
      Long memoryBytes,
      Integer logicalCpus,
      String cpuName,
      String osFamily,
      String osVersion,
      Instant inventoryAt,
      AntiMalware antiMalware,
      Instant osUpdatedAt,
      Instant softwareAt,
      List<String> softwareMissing) {
    public static final Hardware UNKNOWN =
        new Hardware(null, null, null, null, null, null, null, null, null, null);

    /** The same figures with another answer to "which required applications are missing". */
    public Hardware withSoftwareMissing(List<String> missing) {
      return new Hardware(
          memoryBytes,
          logicalCpus,
          cpuName,
          osFamily,
          osVersion,
          inventoryAt,
          antiMalware,
          osUpdatedAt,
          softwareAt,
          missing);
    }

    public String os() {
      if (osFamily == null) {
        return "";
      }
      return osVersion == null ? osFamily : osFamily + " " + osVersion;
    }
  }

  /**
   * A machine's protection against malware, reduced to what readiness asks: the state of its best
   * product and that product's name (null when there is none).
   */
  public record AntiMalware(State state, String product) {

    /**
     * What an inventory's protection section says, or null when it says nothing: the section or its
     * product list is missing, or no product is known to pass and some cannot be judged (a product
     * enabled with unknown definitions). A machine counts as protected when at least one product is
     * enabled with current definitions, whatever the others do (Windows switches Defender off when
     * another product takes over).
     */
    public static AntiMalware of(io.digiready.protocol.Inventory.Protection protection) {
      if (protection == null || protection.antiMalware() == null) {
        return null;
      }
      var products = protection.antiMalware();
      if (products.isEmpty()) {
        return new AntiMalware(State.NONE, null);
      }
      String outOfDate = null;
      boolean allOff = true;
      for (var p : products) {
        boolean on = Boolean.TRUE.equals(p.enabled());
        if (on && Boolean.TRUE.equals(p.upToDate())) {
          return new AntiMalware(State.PROTECTED, p.name());
        }
        if (on && Boolean.FALSE.equals(p.upToDate()) && outOfDate == null) {
          outOfDate = p.name();
        }
        allOff &= Boolean.FALSE.equals(p.enabled());
      }
      if (outOfDate != null) {
        return new AntiMalware(State.OUT_OF_DATE, outOfDate);
      }
      return allOff ? new AntiMalware(State.DISABLED, products.get(0).name()) : null;
    }

    /** Best first: a machine is as protected as its best product. */
    public enum State {
      /** A product is enabled and its definitions are up to date. */
      PROTECTED,
      /** A product is enabled, but its definitions are out of date. */
      OUT_OF_DATE,
      /** Every product is switched off. */
      DISABLED,
      /** The operating system answered and knows no product. */
      NONE;

      public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
      }

      /** The state a label names ({@code out_of_date}); null for an unknown label. */
      public static State fromLabel(String label) {
        for (State s : values()) {
          if (s.label().equals(label)) {
            return s;
          }
        }
        return null;
      }
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

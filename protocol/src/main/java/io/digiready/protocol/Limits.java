package io.digiready.protocol;

import java.time.Duration;
import java.time.Instant;

/** Bounds that agent and collector agree on. Anything beyond them is rejected, not truncated. */
public final class Limits {
  /** Largest request body, measured after gzip inflation. */
  public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  /**
   * Largest enrollment body (with its optional inventory), before and after gzip inflation. Far
   * below {@link #MAX_BODY_BYTES}: enrollment needs no credential but the one inside its body, so
   * the collector must read the body first, and keeps that cheap.
   */
  public static final int MAX_ENROLL_BODY_BYTES = 256 * 1024;

  /** Most heartbeats in one batch; the agent sends at most {@code sendBatchSize} (default 500). */
  public static final int MAX_HEARTBEATS_PER_BATCH = 1000;

  /** Longest string in any field (URLs included). */
  public static final int MAX_STRING_LENGTH = 1024;

  public static final int MAX_PROBES = 32;
  public static final int MAX_DISKS = 64;
  public static final int MAX_FILE_SYSTEMS = 256;
  public static final int MAX_NETWORK_INTERFACES = 128;
  public static final int MAX_ADDRESSES_PER_INTERFACE = 64;
  public static final int MAX_MEMORY_MODULES = 64;
  public static final int MAX_MACS = 128;

  /** Installed applications in one inventory; an agent sends the first ones by name. */
  public static final int MAX_SOFTWARE = 2000;

  /** Anti-malware products in one inventory. */
  public static final int MAX_ANTI_MALWARE_PRODUCTS = 16;

  /** Heartbeat interval bounds an agent accepts from a collector. */
  public static final int MIN_HEARTBEAT_INTERVAL_SECONDS = 1;

  public static final int MAX_HEARTBEAT_INTERVAL_SECONDS = 3600;

  /**
   * A timestamp further ahead of the receiver's clock than this is rejected as nonsense. Generous
   * on purpose: a PC whose clock is off by hours is a readiness finding (the clock rule), not bad
   * input, and its heartbeats must still count.
   */
  public static final Duration MAX_CLOCK_AHEAD = Duration.ofDays(366);

  /**
   * Timestamps before this are rejected (a reset CMOS clock reads 2000 or later on any PC here).
   */
  public static final Instant EARLIEST_TIME = Instant.parse("2000-01-01T00:00:00Z");

  private Limits() {}
}

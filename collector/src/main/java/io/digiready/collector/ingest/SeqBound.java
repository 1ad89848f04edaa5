package io.digiready.collector.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast a machine's heartbeats may come, in two rules, both pure arithmetic on the writer's hot
 * path. An agent makes one heartbeat per interval; the rules allow twice that, plus a slack of
 * {@value #SLACK}.
 *
 * <ul>
 *   <li><b>Seq jump</b> (400): a heartbeat's seq may be at most {@link #maxJump} above the
 *       machine's last seq: {@value #SLACK} + 2 per interval since its last accepted heartbeat (or
 *       its enrollment). A jump beyond it is not a gap of lost heartbeats but a broken or hostile
 *       seq (2<sup>63</sup>-1 would freeze the machine's seq for good).
 *   <li><b>Rate</b> (429): the heartbeats a machine gets stored are paid from a credit that grows
 *       by 2 per interval up to {@value #SLACK} + 2 per interval over {@link #BACKLOG} (so a PC
 *       that was off for a month drains its whole spool at once) and starts at {@value #SLACK} for
 *       a new machine. One token sending 1,000-heartbeat batches as fast as it can is refused after
 *       its credit, instead of filling the disk.
 * </ul>
 *
 * <p>The credit is an instant, {@code creditFrom}: the credit at {@code now} is {@value #SLACK} + 2
 * × (now − creditFrom) / interval, capped; spending moves {@code creditFrom} forward.
 */
final class SeqBound {
  static final long SLACK = 1000;

  /** The agent's default spool age limit (spoolMaxAgeDays). */
  static final Duration BACKLOG = Duration.ofDays(30);

  private SeqBound() {}

  /** The largest seq advance allowed {@code since} the last accepted heartbeat. */
  static long maxJump(Instant since, Instant now, int intervalSeconds) {
    long millis = Math.max(0, Duration.between(since, now).toMillis());
    return SLACK + 2 * (millis / 1000) / intervalSeconds;
  }

  /** Heartbeats the machine may get stored now. */
  static long credit(Instant creditFrom, Instant now, int intervalSeconds) {
    long millis = Math.min(Duration.between(creditFrom, now).toMillis(), BACKLOG.toMillis());
    return SLACK + Math.floorDiv(2 * millis, intervalSeconds * 1000L);
  }

  /** {@code creditFrom} after storing {@code n} heartbeats (n at most the credit). */
  static Instant spend(Instant creditFrom, Instant now, int intervalSeconds, long n) {
    long left = credit(creditFrom, now, intervalSeconds) - n;
    return now.minusMillis((left - SLACK) * intervalSeconds * 1000L / 2);
  }

  /** How long until the credit covers {@code n} heartbeats. */
  static Duration wait(Instant creditFrom, Instant now, int intervalSeconds, long n) {
    long missing = Math.max(0, n - credit(creditFrom, now, intervalSeconds));
    return Duration.ofMillis((missing * intervalSeconds * 1000L + 1) / 2);
  }
}

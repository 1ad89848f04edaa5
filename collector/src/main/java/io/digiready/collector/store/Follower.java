package io.digiready.collector.store;

import io.digiready.collector.fleet.Fleet;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this collector's in-memory fleet in step with a database that other collectors write too:
 * every few seconds the writer thread reads what changed since the last look and applies it, in
 * order with this collector's own commits, so an older row never overwrites a newer one.
 *
 * <p>Change numbers come from one sequence, but a transaction that took its number earlier can
 * commit later than one that took a larger number; so each look starts not at the largest number
 * seen but at the one seen {@link #OVERLAP} looks ago, and rows read twice are applied twice, which
 * is harmless.
 */
public final class Follower {
  private static final Logger LOG = LoggerFactory.getLogger(Follower.class);
  static final int OVERLAP = 3;

  private final GroupCommitWriter writer;
  private final Fleet fleet;
  private final Deque<Long> highs = new ArrayDeque<>();
  private volatile long applied;

  public Follower(GroupCommitWriter writer, Fleet fleet) {
    this.writer = writer;
    this.fleet = fleet;
  }

  /** One look; runs on the collector's maintenance thread, the reading on the writer thread. */
  public void poll() {
    long floor;
    synchronized (this) {
      floor = highs.isEmpty() ? 0 : highs.peekFirst();
    }
    try {
      writer
          .submit(tx -> tx.shared().changesSince(floor), this::apply)
          .get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("could not read other collectors' changes: {}", e.getMessage());
    }
  }

  private void apply(Tx.Changes changes) {
    changes.units().forEach(fleet::putUnit);
    for (var m : changes.machines()) {
      // The heartbeat allowance lives in memory (this collector's own count): keep it.
      fleet.putMachine(
          fleet
              .machine(m.id())
              .map(known -> m.withLiveness(m.liveness().withAllowanceOf(known.liveness())))
              .orElse(m));
    }
    changes.enrollmentTokens().forEach(fleet::putEnrollmentToken);
    changes.revokedEnrollmentTokens().forEach(fleet::removeEnrollmentToken);
    changes.viewerTokens().forEach(fleet::putViewerToken);
    changes.revokedViewerTokens().forEach(fleet::removeViewerToken);
    synchronized (this) {
      highs.addLast(changes.high());
      while (highs.size() > OVERLAP) {
        highs.removeFirst();
      }
    }
    applied += changes.size();
  }

  /** Rows applied so far (for logs and tests). */
  public long applied() {
    return applied;
  }
}

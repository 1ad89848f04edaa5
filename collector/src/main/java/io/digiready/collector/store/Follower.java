package io.digiready.collector.store;

import io.digiready.collector.fleet.Fleet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this collector's in-memory fleet in step with a database that other collectors write too.
 * Every few seconds the maintenance thread reads everything that changed since the last look,
 * heartbeats' liveness included ({@link #poll}); and before a request is answered, when the shared
 * version moved, the request's thread waits for a look at the writes alone: units, tokens, machine
 * identities ({@link Freshness}, {@link #catchUp}). Both read on the writer thread and apply there,
 * in order with this collector's own commits, so an older row never overwrites a newer one.
 *
 * <p>Change numbers come from one sequence, but a transaction that took its number earlier can
 * commit later than one that took a larger number; so each look starts not at the largest number
 * seen but at the largest one seen by a look that began at least {@link #OVERLAP_NANOS} ago, and
 * rows read twice are applied twice, which is harmless. The overlap is a time, not a number of
 * looks, because catch-ups come as often as requests after writes.
 */
public final class Follower {
  private static final Logger LOG = LoggerFactory.getLogger(Follower.class);
  static final long OVERLAP_NANOS = TimeUnit.SECONDS.toNanos(6);
  private static final long WAIT_SECONDS = 30;

  private final GroupCommitWriter writer;
  private final Fleet fleet;
  private final Floor all = new Floor();
  private final Floor writes = new Floor();
  private volatile long applied;

  public Follower(GroupCommitWriter writer, Fleet fleet) {
    this.writer = writer;
    this.fleet = fleet;
  }

  /** One look at everything; runs on the collector's maintenance thread. */
  public void poll() {
    long start = System.nanoTime();
    long floor = all.at(start);
    try {
      Tx.Changes changes =
          writer
              .submit(tx -> tx.shared().changesSince(floor), this::apply)
              .get(WAIT_SECONDS, TimeUnit.SECONDS);
      all.seen(start, changes.high());
      // Units, tokens and identities were read too: a catch-up need not read them again.
      writes.seen(start, changes.high());
    } catch (Exception e) {
      LOG.warn("could not read other collectors' changes: {}", e.getMessage());
    }
  }

  /**
   * One look at the writes alone (units, tokens, machine identities), applied before it returns;
   * throws {@link StorageUnavailableException} when the database cannot be read.
   */
  public void catchUp() {
    long start = System.nanoTime();
    long floor = writes.at(start);
    try {
      Tx.Changes changes =
          writer
              .submit(tx -> tx.shared().writesSince(floor), this::apply)
              .get(WAIT_SECONDS, TimeUnit.SECONDS);
      writes.seen(start, changes.high());
    } catch (ExecutionException e) {
      throw new StorageUnavailableException(
          "cannot read what other collectors wrote: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new StorageUnavailableException("reading other collectors' writes took too long", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted", e);
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
    applied += changes.size();
  }

  /** Rows applied so far (for logs and tests). */
  public long applied() {
    return applied;
  }

  /** Where the next look of one kind starts: see the class comment. */
  static final class Floor {
    private final Deque<long[]> looks = new ArrayDeque<>();
    private long settled;

    /** The change number below which every row was seen, for a look that starts at {@code now}. */
    synchronized long at(long now) {
      while (!looks.isEmpty() && now - looks.peekFirst()[0] >= OVERLAP_NANOS) {
        settled = Math.max(settled, looks.removeFirst()[1]);
      }
      return settled;
    }

    /** A look that started at {@code start} saw everything up to {@code high}. */
    synchronized void seen(long start, long high) {
      looks.addLast(new long[] {start, high});
    }
  }
}

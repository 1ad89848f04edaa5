package io.digiready.collector.store;

/**
 * Read-your-writes across collectors: before a request is answered from memory, one cheap read of
 * the shared version (which every write of a unit, a token or a machine's identity moves in its
 * transaction); when it moved since this collector last caught up, the request waits for a catch-up
 * that reads those writes, so that what was answered through another collector is seen here.
 * Concurrent requests share one catch-up. Nothing to do where nothing is shared.
 */
public final class Freshness {
  /** For a collector alone on its database: its memory is the truth. */
  public static final Freshness ALONE = new Freshness(null, null);

  private final Store store;
  private final Follower follower;
  private final Object catchingUp = new Object();
  private volatile long current = -1;

  public Freshness(Store store, Follower follower) {
    this.store = store;
    this.follower = follower;
  }

  /**
   * Returns once every write committed before the call is in memory; throws {@link
   * StorageUnavailableException} (a 503) when the database cannot say.
   */
  public void awaitCurrent() {
    if (follower == null) {
      return;
    }
    // Read before the catch-up starts: it then sees every write this version counts.
    long version = store.sharedVersion();
    if (version <= current) {
      return;
    }
    synchronized (catchingUp) {
      if (version <= current) {
        return;
      }
      follower.catchUp();
      current = version;
    }
  }
}

package io.digiready.collector.store;

import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.ViewerToken;
import java.util.Optional;

/**
 * Finds the holder of a token by its hash: in the in-memory fleet, and, where several collectors
 * share the database, in the database when the fleet does not know it yet — a token made through
 * another collector a second ago is accepted here at once, not after the next look at the changes.
 * Only an unknown token costs a read (one indexed lookup); the fleet itself is changed only by the
 * writer thread, never here.
 */
public final class Credentials {
  private final Fleet fleet;
  private final Store store;
  private final Freshness freshness;

  public Credentials(Fleet fleet, Store store) {
    this(fleet, store, Freshness.ALONE);
  }

  public Credentials(Fleet fleet, Store store, Freshness freshness) {
    this.fleet = fleet;
    this.store = store;
    this.freshness = freshness;
  }

  /**
   * Before a request is answered from memory: every write committed through any collector before
   * now is in memory when this returns (see {@link Freshness}).
   */
  public void awaitCurrent() {
    freshness.awaitCurrent();
  }

  /** Whether other collectors may have made what this one does not know yet. */
  public boolean shared() {
    return store.shared();
  }

  public Optional<String> machineIdForTokenHash(String hash) {
    Optional<String> known = fleet.machineIdForTokenHash(hash);
    return known.isPresent() || !store.shared() ? known : store.machineIdForTokenHash(hash);
  }

  public Optional<EnrollmentToken> enrollmentToken(String hash) {
    Optional<EnrollmentToken> known = fleet.enrollmentTokenForHash(hash);
    return known.isPresent() || !store.shared() ? known : store.activeEnrollmentToken(hash);
  }

  public Optional<ViewerToken> viewerToken(String hash) {
    Optional<ViewerToken> known = fleet.viewerTokenForHash(hash);
    return known.isPresent() || !store.shared() ? known : store.activeViewerToken(hash);
  }
}

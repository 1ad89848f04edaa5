package io.digiready.agent.enroll;

import io.digiready.agent.http.Backoff;
import io.digiready.agent.http.CollectorClient;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.identity.IdentityStore;
import io.digiready.agent.inventory.InventoryMapper;
import io.digiready.agent.inventory.Readings;
import io.digiready.protocol.EnrollResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's side of enrollment: it holds the identity, enrolls when there is none and a token
 * is configured, and backs off between failed attempts (the caller schedules the retry).
 */
public final class Enrollment {
  private static final Logger log = LoggerFactory.getLogger(Enrollment.class);

  private final IdentityStore store;
  private final CollectorClient client;
  private final String configuredToken;
  private final Supplier<Readings> machine;
  private final Backoff backoff = Backoff.standard();
  private volatile Identity identity;

  /**
   * @param client null without a collector
   * @param machine reads host name and fingerprint (OSHI) when an attempt needs them
   */
  public Enrollment(
      IdentityStore store,
      CollectorClient client,
      String configuredToken,
      Supplier<Readings> machine)
      throws IOException {
    this.store = store;
    this.client = client;
    this.configuredToken = configuredToken;
    this.machine = machine;
    this.identity = store.load();
  }

  /** The identity in use, or null before the first enrollment. */
  public Identity identity() {
    return identity;
  }

  /** True when an attempt can be made: a collector and an enrollment token. */
  public boolean possible() {
    return client != null && configuredToken != null;
  }

  /**
   * One attempt with the configured token. On success the identity is stored (owner-only file) and
   * the answer returned; on failure the reason and the back-off delay are thrown.
   */
  public EnrollResponse enroll() throws FailedException, IOException {
    Readings readings = machine.get();
    try {
      EnrollResponse r =
          Enroller.enroll(
              client,
              configuredToken,
              InventoryMapper.hostname(readings.hostname()),
              InventoryMapper.toFingerprint(readings));
      identity = new Identity(r.machineId(), r.agentToken(), client.base().toString());
      store.save(identity);
      backoff.reset();
      log.info("event=enrolled machineId={}", r.machineId());
      return r;
    } catch (Enroller.EnrollException e) {
      long delay = backoff.next();
      log.warn("event=enroll_failed reason=\"{}\" retryInMillis={}", e.getMessage(), delay);
      throw new FailedException(e.getMessage(), delay);
    }
  }

  /** An attempt that did not give an identity: why (no token in it), and when to try again. */
  public static final class FailedException extends Exception {
    private final long retryInMillis;

    FailedException(String reason, long retryInMillis) {
      super(reason);
      this.retryInMillis = retryInMillis;
    }

    public long retryInMillis() {
      return retryInMillis;
    }
  }
}

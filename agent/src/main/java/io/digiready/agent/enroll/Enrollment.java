package io.digiready.agent.enroll;

import io.digiready.agent.http.Backoff;
import io.digiready.agent.http.CollectorClient;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.identity.IdentityStore;
import io.digiready.agent.inventory.InventoryMapper;
import io.digiready.agent.inventory.Readings;
import io.digiready.protocol.EnrollResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's side of enrollment: it holds the identity, enrolls when there is none, and enrolls
 * again when the collector refuses the agent token (401: revoked, or the machine was taken over),
 * instead of staying silent for good. The enrollment token comes from the configuration, else from
 * the stored identity, which keeps the token it was obtained with. Failed attempts back off; the
 * caller schedules the retry.
 */
public final class Enrollment {
  private static final Logger log = LoggerFactory.getLogger(Enrollment.class);

  private final IdentityStore store;
  private final CollectorClient client;
  private final String configuredToken;
  private final Supplier<Readings> machine;
  private final Clock clock;
  private final Backoff backoff = Backoff.standard();
  private volatile Identity identity;
  private long notBeforeMillis;
  private boolean noTokenLogged;

  /**
   * @param client null without a collector
   * @param configuredToken null when the configuration has none
   * @param machine reads host name and fingerprint (OSHI) when an attempt needs them
   */
  public Enrollment(
      IdentityStore store,
      CollectorClient client,
      String configuredToken,
      Supplier<Readings> machine,
      Clock clock)
      throws IOException {
    this.store = store;
    this.client = client;
    this.configuredToken = configuredToken;
    this.machine = machine;
    this.clock = clock;
    this.identity = store.load();
  }

  /** The identity in use, or null before the first enrollment. */
  public Identity identity() {
    return identity;
  }

  /** True when an attempt can be made: a collector and an enrollment token. */
  public boolean possible() {
    return client != null && token() != null;
  }

  /** The configured enrollment token, else the one kept with the identity, else null. */
  private String token() {
    if (configuredToken != null) {
      return configuredToken;
    }
    Identity kept = identity;
    return kept == null ? null : kept.enrollmentToken();
  }

  /**
   * One attempt. On success the identity, with the enrollment token used, is stored (owner-only
   * file) and the answer returned; on failure the reason and the back-off delay are thrown.
   */
  public EnrollResponse enroll() throws FailedException, IOException {
    String token = token();
    Readings readings = machine.get();
    try {
      EnrollResponse r =
          Enroller.enroll(
              client,
              token,
              InventoryMapper.hostname(readings.hostname()),
              InventoryMapper.toFingerprint(readings));
      identity = new Identity(r.machineId(), r.agentToken(), client.base().toString(), token);
      store.save(identity);
      backoff.reset();
      notBeforeMillis = 0;
      log.info("event=enrolled machineId={} collector={}", r.machineId(), client.base());
      return r;
    } catch (Enroller.EnrollException e) {
      // A whole office enrolling at once is told by the collector when to come back (its
      // per-token allowance); an earlier retry would only be refused again.
      long delay = Math.max(backoff.next(), Math.min(3600, e.retryAfterSeconds()) * 1000);
      notBeforeMillis = clock.millis() + delay;
      log.warn(
          "event=enroll_failed collector={} reason=\"{}\" retryInMillis={}",
          client.base(),
          e.getMessage(),
          delay);
      throw new FailedException(e.getMessage(), delay);
    }
  }

  /**
   * After a 401 for the agent token: enrolls again with the enrollment token, loudly, unless an
   * attempt failed less than its back-off ago. Returns null when no attempt was made; without any
   * enrollment token that is said once, at ERROR, with what to do.
   */
  public EnrollResponse enrollAgain() throws FailedException, IOException {
    if (client == null) {
      return null;
    }
    Identity old = identity;
    if (token() == null) {
      if (!noTokenLogged) {
        log.error(
            "event=reenroll_impossible collector={} machineId={} reason=\"the collector refused the"
                + " agent token (HTTP 401) and no enrollment token is kept\" action=\"run"
                + " 'digiready-agent enroll --force' with the unit's enrollment token\"",
            client.base(),
            old == null ? "(none)" : old.machineId());
        noTokenLogged = true;
      }
      return null;
    }
    if (clock.millis() < notBeforeMillis) {
      return null;
    }
    log.warn(
        "event=reenrolling collector={} machineId={} reason=\"the collector refused the agent"
            + " token (HTTP 401)\"",
        client.base(),
        old == null ? "(none)" : old.machineId());
    EnrollResponse r = enroll();
    log.warn(
        "event=reenrolled collector={} machineId={} previousMachineId={}",
        client.base(),
        r.machineId(),
        old == null ? "(none)" : old.machineId());
    return r;
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

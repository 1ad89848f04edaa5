package io.digiready.agent.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collectors of a site without a load balancer, in the order configured. Requests go to the
 * current one; when it fails (no connection, or a 5xx) the next ones are tried in order, and the
 * first that answers becomes current. After {@code failback} on another one, the first is tried
 * first again; if it still fails, the current one stays for another period.
 */
public final class CollectorEndpoints {
  private static final Logger log = LoggerFactory.getLogger(CollectorEndpoints.class);

  /** How long the agent stays on a later collector before it tries the first again. */
  public static final Duration FAILBACK = Duration.ofMinutes(5);

  private final List<URI> urls;
  private final Clock clock;
  private final long failbackMillis;
  private int current;
  private long sinceMillis;

  public CollectorEndpoints(List<URI> urls, Clock clock, Duration failback) {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("no collector URL");
    }
    this.urls = List.copyOf(urls);
    this.clock = clock;
    this.failbackMillis = failback.toMillis();
  }

  public List<URI> all() {
    return urls;
  }

  /** The collector that answered last (the first one until another had to). */
  public synchronized URI current() {
    return urls.get(current);
  }

  /**
   * The order to try for the next request: the current one and those after it, or from the first.
   */
  synchronized List<URI> order() {
    int start = failbackDue() ? 0 : current;
    List<URI> order = new ArrayList<>(urls.size());
    for (int i = 0; i < urls.size(); i++) {
      order.add(urls.get((start + i) % urls.size()));
    }
    return order;
  }

  /** This collector gave an answer that was not a 5xx: it is the one to use. */
  synchronized void answered(URI url) {
    int index = urls.indexOf(url);
    boolean due = failbackDue();
    if (index != current) {
      if (index == 0) {
        log.info("event=collector_failback to={} from={}", url, urls.get(current));
      } else {
        log.warn("event=collector_failover to={} from={}", url, urls.get(current));
      }
      current = index;
      sinceMillis = clock.millis();
    } else if (due) {
      sinceMillis = clock.millis(); // the first was tried again and failed: another period here
    }
  }

  private boolean failbackDue() {
    return current != 0 && clock.millis() - sinceMillis >= failbackMillis;
  }
}

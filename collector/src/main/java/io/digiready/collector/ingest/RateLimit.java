package io.digiready.collector.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: at most {@code perPeriod} requests a period, in bursts of up to as many,
 * refilled continuously. A bucket that has filled up again says nothing a new one would not, so
 * such buckets are dropped now and then: with one key per machine the map holds only the machines
 * that sent lately, not the whole fleet.
 */
final class RateLimit {
  private record Bucket(double tokens, Instant at) {}

  /** How many takes between two sweeps of the full buckets. */
  private static final int SWEEP_EVERY = 4096;

  private final int perPeriod;
  private final long periodMillis;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private int takes;

  RateLimit(int perPeriod, Duration period) {
    this.perPeriod = perPeriod;
    this.periodMillis = period.toMillis();
  }

  /** Takes one request for {@code key}: null when allowed, else how long until one will be. */
  Duration take(String key, Instant now) {
    Duration[] wait = {null};
    buckets.compute(
        key,
        (k, b) -> {
          double tokens = tokensAt(b, now);
          if (tokens >= 1) {
            return new Bucket(tokens - 1, now);
          }
          wait[0] = Duration.ofMillis((long) Math.ceil((1 - tokens) * periodMillis / perPeriod));
          return new Bucket(tokens, now);
        });
    if (++takes % SWEEP_EVERY == 0) {
      buckets.entrySet().removeIf(e -> tokensAt(e.getValue(), now) >= perPeriod);
    }
    return wait[0];
  }

  private double tokensAt(Bucket b, Instant now) {
    if (b == null) {
      return perPeriod;
    }
    long elapsed = Math.max(0, Duration.between(b.at(), now).toMillis());
    return Math.min(perPeriod, b.tokens() + (double) perPeriod * elapsed / periodMillis);
  }

  int keys() {
    return buckets.size();
  }
}

package io.digiready.collector.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: at most {@code perMinute} requests a minute, in bursts of up to as many,
 * refilled continuously. Keys are few and made by administrators (enrollment token ids), so the
 * buckets are never pruned.
 */
final class PerMinuteLimit {
  private record Bucket(double tokens, Instant at) {}

  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  PerMinuteLimit(int perMinute) {
    this.perMinute = perMinute;
  }

  /** Takes one request for {@code key}: null when allowed, else how long until one will be. */
  Duration take(String key, Instant now) {
    Duration[] wait = {null};
    buckets.compute(
        key,
        (k, b) -> {
          double tokens = perMinute;
          if (b != null) {
            long elapsed = Math.max(0, Duration.between(b.at(), now).toMillis());
            tokens = Math.min(perMinute, b.tokens() + perMinute * elapsed / 60_000.0);
          }
          if (tokens >= 1) {
            return new Bucket(tokens - 1, now);
          }
          wait[0] = Duration.ofMillis((long) Math.ceil((1 - tokens) * 60_000.0 / perMinute));
          return new Bucket(tokens, now);
        });
    return wait[0];
  }
}

package io.digiready.agent.http;

import java.util.Random;

/**
 * Exponential back-off with jitter: the base doubles after every failure up to the cap, and each
 * delay is the base times a random factor in [0.8, 1.2), so that a fleet whose collector comes back
 * does not retry in lock-step, while every delay still exceeds the one before it.
 */
public final class Backoff {
  private final long initialMillis;
  private final long capMillis;
  private final Random random;
  private long baseMillis;

  public Backoff(long initialMillis, long capMillis, Random random) {
    this.initialMillis = initialMillis;
    this.capMillis = capMillis;
    this.random = random;
    this.baseMillis = initialMillis;
  }

  public static Backoff standard() {
    return new Backoff(1000, 5 * 60 * 1000, new Random());
  }

  /** The delay before the next attempt; grows the base for the one after. */
  public long next() {
    long delay = (long) (baseMillis * (0.8 + 0.4 * random.nextDouble()));
    baseMillis = Math.min(capMillis, baseMillis * 2);
    return Math.min(capMillis, delay);
  }

  public void reset() {
    baseMillis = initialMillis;
  }
}

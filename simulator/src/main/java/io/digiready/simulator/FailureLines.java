package io.digiready.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * For a fleet run that keeps going through faults (a soak kills collectors and stops the database):
 * once per window, aligned on UTC, one line with the window's end time, the heartbeats acknowledged
 * in it and those that failed, by kind ({@code HTTP 503}, {@code ConnectException}, ...), so that
 * the log says when a fault hit and what the agents saw. The last, partial window is printed by
 * {@link #close()}.
 */
final class FailureLines implements AutoCloseable {
  private final Phase phase;
  private final PrintStream out;
  private final ScheduledExecutorService timer;
  private Instant windowStart = Instant.now();

  FailureLines(Phase phase, Duration window, PrintStream out) {
    this.phase = phase;
    this.out = out;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fleet-failure-lines");
              t.setDaemon(true);
              return t;
            });
    long windowMillis = window.toMillis();
    long now = System.currentTimeMillis();
    long firstDelay = windowMillis - now % windowMillis;
    timer.scheduleAtFixedRate(this::print, firstDelay, windowMillis, TimeUnit.MILLISECONDS);
  }

  private synchronized void print() {
    Instant end = Instant.now();
    Phase.Tally t = phase.drain();
    out.println(line(windowStart, end, t));
    windowStart = end;
  }

  static String line(Instant from, Instant to, Phase.Tally t) {
    return String.format(
        Locale.ROOT,
        "%s answers in the %.0f s before: %d acknowledged, %d failed%s",
        to.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
        Duration.between(from, to).toMillis() / 1000.0,
        t.ok(),
        t.failures(),
        t.failed().isEmpty() ? "" : " " + t.failed());
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    print();
  }
}

package io.digiready.simulator;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts and latencies of one phase of a fleet run. */
final class Phase {
  private final String name;
  private final long startNanos = System.nanoTime();
  private final long startMillis = System.currentTimeMillis();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong ok = new AtomicLong();
  private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
  // Since the last drain(): what a run that keeps going through faults prints once per window.
  private final AtomicLong okSinceDrain = new AtomicLong();
  private final Map<String, AtomicLong> errorsSinceDrain = new ConcurrentHashMap<>();
  private long[] micros;
  private long[] sentMillis;
  private boolean[] failed;
  private int count;

  Phase(String name, int expected) {
    this.name = name;
    this.micros = new long[Math.max(1024, expected)];
    this.sentMillis = new long[micros.length];
    this.failed = new boolean[micros.length];
  }

  /** True for the expected status; anything else is counted by status or exception. */
  boolean record(long start, HttpResponse<String> r, Throwable e, int expected) {
    long took = (System.nanoTime() - start) / 1000;
    requests.incrementAndGet();
    boolean good = e == null && r.statusCode() == expected;
    synchronized (this) {
      if (count == micros.length) {
        micros = Arrays.copyOf(micros, count * 2);
        sentMillis = Arrays.copyOf(sentMillis, count * 2);
        failed = Arrays.copyOf(failed, count * 2);
      }
      sentMillis[count] = startMillis + (start - startNanos) / 1_000_000;
      failed[count] = !good;
      micros[count++] = took;
    }
    if (e != null) {
      // sendAsync's future wraps what happened (a refused or cut connection) in a
      // CompletionException: the kind is the cause's
      Throwable cause =
          e instanceof java.util.concurrent.CompletionException && e.getCause() != null
              ? e.getCause()
              : e;
      failed(cause.getClass().getSimpleName());
      return false;
    }
    if (r.statusCode() != expected) {
      failed("HTTP " + r.statusCode());
      return false;
    }
    ok.incrementAndGet();
    okSinceDrain.incrementAndGet();
    return true;
  }

  private void failed(String kind) {
    errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    errorsSinceDrain.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }

  /** Answers since the last call: acknowledged, and failed by kind (status or exception). */
  record Tally(long ok, Map<String, Long> failed) {
    long failures() {
      return failed.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * What was answered since the last call, by the time the answer came (a request cut by a killed
   * collector counts when the cut is seen). An answer counted while this runs is in this tally or
   * the next, never in both or neither.
   */
  Tally drain() {
    long okCount = okSinceDrain.getAndSet(0);
    Map<String, Long> failed = new java.util.TreeMap<>();
    for (String kind : errorsSinceDrain.keySet()) {
      long n = errorsSinceDrain.get(kind).getAndSet(0);
      if (n > 0) {
        failed.put(kind, n);
      }
    }
    return new Tally(okCount, failed);
  }

  synchronized FleetRun.Result result(int windowSeconds) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long[] sorted = Arrays.copyOf(micros, count);
    Arrays.sort(sorted);
    List<FleetRun.Window> windows = windowSeconds > 0 ? windows(windowSeconds * 1000L) : List.of();
    Map<String, Long> errorCounts = new java.util.TreeMap<>();
    errors.forEach((k, v) -> errorCounts.put(k, v.get()));
    return new FleetRun.Result(
        name,
        requests.get(),
        ok.get(),
        errorCounts,
        seconds,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
        windows);
  }

  /** Latencies by the window their request was sent in, windows aligned on the epoch. */
  private List<FleetRun.Window> windows(long windowMillis) {
    Map<Long, long[]> latencies = new java.util.TreeMap<>();
    Map<Long, Integer> sizes = new java.util.HashMap<>();
    Map<Long, Long> errorCounts = new java.util.HashMap<>();
    for (int i = 0; i < count; i++) {
      long w = sentMillis[i] / windowMillis;
      long[] list = latencies.computeIfAbsent(w, k -> new long[64]);
      int n = sizes.getOrDefault(w, 0);
      if (n == list.length) {
        list = Arrays.copyOf(list, n * 2);
        latencies.put(w, list);
      }
      list[n] = micros[i];
      sizes.put(w, n + 1);
      if (failed[i]) {
        errorCounts.merge(w, 1L, Long::sum);
      }
    }
    List<FleetRun.Window> out = new ArrayList<>();
    for (var e : latencies.entrySet()) {
      long[] sorted = Arrays.copyOf(e.getValue(), sizes.get(e.getKey()));
      Arrays.sort(sorted);
      out.add(
          new FleetRun.Window(
              Instant.ofEpochMilli(e.getKey() * windowMillis),
              sorted.length,
              errorCounts.getOrDefault(e.getKey(), 0L),
              percentile(sorted, 0.50),
              percentile(sorted, 0.99)));
    }
    return out;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1000.0;
  }
}

package io.digiready.simulator;

import io.digiready.protocol.EnrollRequest;
import io.digiready.protocol.Fingerprint;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.HeartbeatAck;
import io.digiready.protocol.HeartbeatBatch;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator: N enrolled machines send heartbeat batches at a target rate for a while, and the
 * run reports acknowledged heartbeats per second and request latency percentiles.
 */
public final class LoadRun {

  /** What to run. {@code heartbeatsPerSecond} 0 means as fast as the collector answers. */
  public record Plan(
      int machines,
      double heartbeatsPerSecond,
      Duration duration,
      int batchSize,
      int threads,
      String unit,
      long seed) {}

  /** What a run measured. */
  public record Result(
      long requests,
      long heartbeats,
      long duplicates,
      long busyAnswers,
      long failures,
      double seconds,
      double p50Millis,
      double p99Millis,
      double maxMillis) {

    public double heartbeatsPerSecond() {
      return heartbeats / seconds;
    }

    public double requestsPerSecond() {
      return requests / seconds;
    }

    public String summary() {
      return String.format(
          Locale.ROOT,
          "requests %d (%.0f/s), heartbeats acknowledged %d (%.0f/s), duplicates %d, 503 answers %d,"
              + " failures %d, latency p50 %.1f ms p99 %.1f ms max %.1f ms over %.1f s",
          requests,
          requestsPerSecond(),
          heartbeats,
          heartbeatsPerSecond(),
          duplicates,
          busyAnswers,
          failures,
          p50Millis,
          p99Millis,
          maxMillis,
          seconds);
    }
  }

  /** A batch refused with 503 is retried, as an agent would, until this long after the run. */
  private static final long GIVE_UP_AFTER_END_NANOS = 10_000_000_000L;

  private final CollectorClient client;
  private final Clock clock;
  private final PrintStream log;
  private final AckLog acks;

  public LoadRun(CollectorClient client, Clock clock, PrintStream log, AckLog acks) {
    this.client = client;
    this.clock = clock;
    this.log = log;
    this.acks = acks;
  }

  public Result run(Plan plan) throws InterruptedException {
    return run(plan, enroll(plan));
  }

  /** Sends with machines enrolled earlier by {@link #enroll}. */
  public Result run(Plan plan, List<SimMachine> machines) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(plan.threads());
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong requests = new AtomicLong();
    AtomicLong sent = new AtomicLong();
    AtomicLong dupes = new AtomicLong();
    AtomicLong busy = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicLong ticket = new AtomicLong();
    long startNanos = System.nanoTime();
    long endNanos = startNanos + plan.duration().toNanos();
    double nanosPerRequest =
        plan.heartbeatsPerSecond() <= 0 ? 0 : plan.batchSize() * 1e9 / plan.heartbeatsPerSecond();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < plan.threads(); t++) {
      workers.add(
          pool.submit(
              () -> {
                while (true) {
                  long k = ticket.getAndIncrement();
                  long due = startNanos + (long) (k * nanosPerRequest);
                  if (due >= endNanos || System.nanoTime() >= endNanos) {
                    return null;
                  }
                  long wait = due - System.nanoTime();
                  if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                  }
                  SimMachine m = machines.get((int) (k % machines.size()));
                  sendBatch(
                      m,
                      plan.batchSize(),
                      endNanos,
                      latencies,
                      requests,
                      sent,
                      dupes,
                      busy,
                      failures);
                }
              }));
    }
    for (Future<?> w : workers) {
      try {
        w.get();
      } catch (Exception e) {
        throw new IllegalStateException("load worker failed: " + e.getMessage(), e);
      }
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Result(
        requests.get(),
        sent.get(),
        dupes.get(),
        busy.get(),
        failures.get(),
        seconds,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
  }

  private void sendBatch(
      SimMachine m,
      int batchSize,
      long endNanos,
      ConcurrentLinkedQueue<Long> latencies,
      AtomicLong requests,
      AtomicLong sent,
      AtomicLong dupes,
      AtomicLong busy,
      AtomicLong failures)
      throws InterruptedException {
    // One machine's heartbeats must reach the collector in seq order: send under its lock.
    synchronized (m) {
      List<Heartbeat> batch = new ArrayList<>(batchSize);
      Instant now = clock.instant();
      for (int i = 0; i < batchSize; i++) {
        batch.add(m.nextHeartbeat(now));
      }
      while (true) {
        long t0 = System.nanoTime();
        try {
          HeartbeatAck ack = client.heartbeats(m.agentToken, new HeartbeatBatch(batch));
          latencies.add(System.nanoTime() - t0);
          requests.incrementAndGet();
          sent.addAndGet(ack.accepted());
          dupes.addAndGet(ack.duplicates());
          for (Heartbeat h : batch) {
            acks.acknowledged(m.machineId, h.seq(), true);
          }
          return;
        } catch (CollectorClient.HttpStatusException e) {
          // An agent retries what a collector or a balancer could not answer: 502 and 504 come
          // from a balancer whose collector died mid-request.
          if (e.status() != 503 && e.status() != 502 && e.status() != 504) {
            failures.incrementAndGet();
            log.println("load: " + e.getMessage());
            return;
          }
          busy.incrementAndGet();
          if (System.nanoTime() > endNanos + GIVE_UP_AFTER_END_NANOS) {
            return; // never acknowledged: the collector will count these seqs as lost
          }
          Thread.sleep(200);
        } catch (RuntimeException e) {
          failures.incrementAndGet();
          log.println("load: " + e.getMessage());
          Thread.sleep(200);
          return;
        }
      }
    }
  }

  /** Enrolls the plan's machines into its unit through the real API. */
  public List<SimMachine> enroll(Plan plan) {
    String token = client.enrollmentToken(plan.unit());
    Random random = new Random(plan.seed());
    List<SimMachine> machines = new ArrayList<>();
    Instant now = clock.instant();
    for (int i = 1; i <= plan.machines(); i++) {
      byte[] mac = new byte[6];
      random.nextBytes(mac);
      mac[0] = (byte) ((mac[0] & 0xFC) | 0x02);
      var fingerprint =
          new Fingerprint(
              new UUID(random.nextLong(), random.nextLong()).toString(),
              "LOAD" + i + "-" + plan.seed(),
              null,
              List.of(HexFormat.ofDelimiter(":").formatHex(mac)),
              Long.toHexString(random.nextLong()));
      SimMachine m =
          new SimMachine(
              plan.unit(),
              String.format(Locale.ROOT, "LOAD-%05d", i),
              fingerprint,
              SimMachine.Power.ALWAYS_ON,
              false,
              8 * SimMachine.GIB,
              "Windows",
              "11",
              256 * SimMachine.GIB,
              100 * SimMachine.GIB,
              Duration.ZERO,
              4);
      var response =
          client.enroll(new EnrollRequest(token, m.hostname, fingerprint, m.inventory(now)));
      m.machineId = response.machineId();
      m.agentToken = response.agentToken();
      machines.add(m);
    }
    log.printf("enrolled %d load machines in %s%n", machines.size(), plan.unit());
    return machines;
  }

  static double percentile(long[] sortedNanos, double q) {
    if (sortedNanos.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(q * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
  }
}

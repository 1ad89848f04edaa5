package io.digiready.simulator;

import io.digiready.protocol.Endpoints;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A province-sized fleet from one process: enrolls N machines into a tree of units, then makes
 * every machine send one heartbeat per interval (their phases spread evenly), or as many as the
 * collector takes ({@code maxRate}), through an asynchronous HTTP client with at most K requests in
 * flight. Reports acknowledged heartbeats per second, latency percentiles and every error.
 *
 * <p>Identities can be kept in a state file, so that a second run (after a collector restart, or at
 * another rate) reuses the enrolled machines. A machine's seq starts at the run's start second, so
 * runs never repeat a seq.
 */
public final class FleetRun {

  /** What to run. */
  public record Plan(
      int machines,
      int units,
      String root,
      Duration interval,
      Duration duration,
      int connections,
      boolean maxRate,
      Path state,
      long seed,
      Path tree,
      int windowSeconds,
      boolean keepGoing) {
    /** The window of the failure lines a run that keeps going prints. */
    Duration tallyWindow() {
      return windowSeconds > 0 ? Duration.ofSeconds(windowSeconds) : interval;
    }
  }

  /** What a phase measured. */
  public record Result(
      String phase,
      long requests,
      long ok,
      Map<String, Long> errors,
      double seconds,
      double p50Millis,
      double p99Millis,
      double maxMillis,
      List<Window> windows) {
    public double perSecond() {
      return ok / seconds;
    }

    public String summary() {
      return String.format(
          Locale.ROOT,
          "%s: %d requests, %d acknowledged (%.0f/s), errors %s, latency p50 %.1f ms p99 %.1f ms"
              + " max %.1f ms over %.1f s",
          phase,
          requests,
          ok,
          perSecond(),
          errors,
          p50Millis,
          p99Millis,
          maxMillis,
          seconds);
    }
  }

  /**
   * The requests sent within one clock-aligned window (whole minutes of UTC for 60 s), so that a
   * bench can compare the minute before an event with the minute after it.
   */
  public record Window(
      Instant start, long requests, long errors, double p50Millis, double p99Millis) {
    public String summary() {
      return String.format(
          Locale.ROOT,
          "window %s: %d requests, %d errors, latency p50 %.1f ms p99 %.1f ms",
          start,
          requests,
          errors,
          p50Millis,
          p99Millis);
    }
  }

  private final URI base;
  private final String adminToken;
  private final PrintStream out;
  private final HttpClient http;
  private final ExecutorService executor;

  private String[] ids;
  private String[] tokens;
  // When each machine's last acknowledged heartbeat was sent (epoch ms, 0: none), for --verify.
  private long[] lastAckSentMillis;

  public FleetRun(URI base, String adminToken, PrintStream out) {
    this.base = base;
    this.adminToken = adminToken;
    this.out = out;
    // Two threads are plenty for a client that only fires requests and counts answers.
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "fleet-http");
              t.setDaemon(true);
              return t;
            });
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(executor)
            .build();
  }

  /** Units and machines: from the state file when it has them, else created and enrolled. */
  public Result prepare(Plan plan) throws IOException, InterruptedException {
    if (plan.state() != null && Files.isRegularFile(plan.state())) {
      List<String> lines = Files.readAllLines(plan.state(), StandardCharsets.UTF_8);
      if (lines.size() >= plan.machines()) {
        ids = new String[plan.machines()];
        tokens = new String[plan.machines()];
        for (int i = 0; i < plan.machines(); i++) {
          String[] parts = lines.get(i).split("\t");
          ids[i] = parts[0];
          tokens[i] = parts[1];
        }
        out.println("fleet: reusing " + plan.machines() + " machines from " + plan.state());
        return null;
      }
    }
    int[] unitOf;
    List<String> enrollmentTokens;
    if (plan.tree() == null) {
      enrollmentTokens = new FleetUnits(http, base, adminToken, out).create(plan);
      unitOf = null;
    } else {
      List<UnitRow> units = UnitRow.parseCsv(Files.readString(plan.tree(), StandardCharsets.UTF_8));
      enrollmentTokens = new FleetUnits(http, base, adminToken, out).importTree(plan, units);
      unitOf = FleetMachines.byStaff(units, plan.machines());
    }
    ids = new String[plan.machines()];
    tokens = new String[plan.machines()];
    Phase phase = new Phase("enroll", plan.machines());
    Semaphore inFlight = new Semaphore(plan.connections());
    CountDownLatch done = new CountDownLatch(plan.machines());
    Map<Integer, String> failed = new ConcurrentHashMap<>();
    Random random = new Random(plan.seed());
    for (int i = 0; i < plan.machines(); i++) {
      String body =
          "{\"enrollmentToken\":\""
              + enrollmentTokens.get(unitOf == null ? i % enrollmentTokens.size() : unitOf[i])
              + "\",\"hostname\":\"PC-"
              + i
              + "\",\"fingerprint\":{\"hardwareUuid\":\""
              + new java.util.UUID(random.nextLong(), random.nextLong())
              + "\",\"systemSerial\":\"SN"
              + i
              + "\",\"macs\":[],\"osInstallId\":\"os-"
              + i
              + "\"}}";
      enroll(i, body, phase, inFlight, done, failed);
    }
    done.await();
    // As an agent does: a machine whose enrolment failed (a 503 while the database is busy or
    // down, a collector gone) asks again a little later, with the same fingerprint.
    for (int round = 1; plan.keepGoing() && !failed.isEmpty() && round <= 10; round++) {
      Map<Integer, String> again = new java.util.TreeMap<>(failed);
      failed.clear();
      out.println("enroll: " + again.size() + " machines ask again (round " + round + ")");
      TimeUnit.SECONDS.sleep(2);
      CountDownLatch retried = new CountDownLatch(again.size());
      for (var e : again.entrySet()) {
        enroll(e.getKey(), e.getValue(), phase, inFlight, retried, failed);
      }
      retried.await();
    }
    Result result = phase.result(0);
    if (plan.state() != null && unenrolled() == 0) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < ids.length; i++) {
        text.append(ids[i]).append('\t').append(tokens[i]).append('\n');
      }
      Files.writeString(plan.state(), text, StandardCharsets.UTF_8);
    }
    return result;
  }

  private void enroll(
      int machine,
      String body,
      Phase phase,
      Semaphore inFlight,
      CountDownLatch done,
      Map<Integer, String> failed)
      throws InterruptedException {
    inFlight.acquire();
    long start = System.nanoTime();
    http.sendAsync(post(Endpoints.ENROLL, null, body), HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (r, e) -> {
              inFlight.release();
              if (phase.record(start, r, e, 201)) {
                ids[machine] = field(r.body(), "machineId");
                tokens[machine] = field(r.body(), "agentToken");
              } else {
                failed.put(machine, body);
              }
              done.countDown();
            });
  }

  /** Machines whose enrolment failed (for good, after the retries of a run that keeps going). */
  long unenrolled() {
    return ids == null ? 0 : java.util.Arrays.stream(ids).filter(java.util.Objects::isNull).count();
  }

  /**
   * Sends heartbeats for the plan's duration and returns what was measured; every acknowledged one
   * goes to {@code acks} (none when null: an AckLog keeps two map entries per machine, which a
   * million-PC run has no memory for). With {@link Plan#keepGoing()}, prints the answers of each
   * window (UTC aligned) as they come, failures by kind, so that a soak can tell when a fault hit.
   */
  public Result beat(Plan plan, AckLog acks) throws InterruptedException {
    int n = ids.length;
    long seqBase = Instant.now().getEpochSecond();
    long[] seq = new long[n];
    lastAckSentMillis = new long[n];
    Phase phase = new Phase(plan.maxRate() ? "heartbeats, as fast as taken" : "heartbeats", 0);
    FailureLines lines = plan.keepGoing() ? new FailureLines(phase, plan.tallyWindow(), out) : null;
    Semaphore inFlight = new Semaphore(plan.connections());
    long intervalNanos = plan.interval().toNanos();
    long startNanos = System.nanoTime();
    long endNanos = startNanos + plan.duration().toNanos();
    long sent = 0;
    while (System.nanoTime() < endNanos) {
      int machine;
      if (plan.maxRate()) {
        machine = (int) (sent % n);
      } else {
        // Machine i beats at start + k * interval + i * interval / n.
        long due = startNanos + (sent / n) * intervalNanos + (sent % n) * intervalNanos / n;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(Math.min(wait, 5_000_000));
          continue;
        }
        machine = (int) (sent % n);
      }
      if (ids[machine] == null) {
        sent++; // its enrolment failed: it has nothing to send, but keeps its slot in the pace
        continue;
      }
      inFlight.acquire();
      seq[machine]++;
      long thisSeq = seqBase + seq[machine];
      String body = FleetMachines.heartbeat(ids[machine], thisSeq, machine);
      long start = System.nanoTime();
      long sentMillis = System.currentTimeMillis();
      int m = machine;
      http.sendAsync(
              post(Endpoints.HEARTBEATS, tokens[machine], body),
              HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (r, e) -> {
                // counted before the permit goes back: the last acquire below waits for every
                // answer, so the result then holds them all
                if (phase.record(start, r, e, 200)) {
                  if (acks != null) {
                    acks.acknowledged(ids[m], thisSeq, !r.body().contains("\"accepted\":0"));
                  }
                  lastAckSentMillis[m] = Math.max(lastAckSentMillis[m], sentMillis);
                }
                inFlight.release();
              });
      sent++;
    }
    inFlight.acquire(plan.connections());
    inFlight.release(plan.connections());
    if (lines != null) {
      lines.close();
    }
    return phase.result(plan.windowSeconds());
  }

  /** The enrolled machines' ids (null for one whose enrolment failed). */
  String[] ids() {
    return ids;
  }

  /** When each machine's last acknowledged heartbeat was sent, epoch ms; 0 for none. */
  long[] lastAckSentMillis() {
    return lastAckSentMillis;
  }

  private HttpRequest post(String path, String bearer, String body) {
    return post(base, path, bearer, body);
  }

  static HttpRequest post(URI base, String path, String bearer, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return b.build();
  }

  /** A top-level string field of a small JSON answer. */
  static String field(String json, String name) {
    String key = "\"" + name + "\":\"";
    int start = json.indexOf(key);
    if (start < 0) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    start += key.length();
    return json.substring(start, json.indexOf('"', start));
  }

  public void close() {
    executor.shutdownNow();
  }
}

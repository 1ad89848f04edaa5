package io.digiready.simulator;

import io.digiready.protocol.EnrollRequest;
import io.digiready.protocol.EnrollResponse;
import io.digiready.protocol.HeartbeatAck;
import io.digiready.protocol.HeartbeatBatch;
import io.digiready.protocol.InventoryReport;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Plays a {@link District} against a collector through the real API, in three steps that stand for
 * the past and the present: PCs that are gone were seen once, longer ago than the working window;
 * PCs switched off now were seen once, a while ago; PCs switched on now keep beating.
 */
public final class ScenarioRun {
  private final CollectorClient client;
  private final District district;
  private final Clock clock;
  private final long seed;
  private final PrintStream log;
  private final AckLog acks;
  private int intervalSeconds = 60;
  private String revokedToken;

  public ScenarioRun(
      CollectorClient client,
      District district,
      Clock clock,
      long seed,
      PrintStream log,
      AckLog acks) {
    this.client = client;
    this.district = district;
    this.clock = clock;
    this.seed = seed;
    this.log = log;
    this.acks = acks;
  }

  public int intervalSeconds() {
    return intervalSeconds;
  }

  /** The token the reimaged PC had before its reinstall; the collector must refuse it now. */
  public String revokedToken() {
    return revokedToken;
  }

  /** Enrolls every PC with a token of its unit, sends inventories; clone and reimage included. */
  public void enroll() {
    Map<String, String> tokens = new HashMap<>();
    for (SimMachine m : district.machines) {
      if (m == district.cloneCopy) {
        continue; // enrolls after its original has been heard from
      }
      String token = tokens.computeIfAbsent(m.unit, client::enrollmentToken);
      enroll(m, token, m.fingerprint);
      if (m == district.reimaged) {
        revokedToken = m.agentToken;
        String firstId = m.machineId;
        enroll(m, token, District.reinstalled(m.fingerprint, seed));
        if (!firstId.equals(m.machineId)) {
          throw new IllegalStateException(
              "reinstalled PC " + m.hostname + " got a new machine id: " + m.machineId);
        }
      }
    }
    log.printf("enrolled %d machines in %d units%n", district.machines.size() - 1, tokens.size());
  }

  /** The clone of an active PC enrolls: the collector must keep both, not merge them. */
  public void enrollClone() {
    SimMachine copy = district.cloneCopy;
    enroll(copy, client.enrollmentToken(copy.unit), copy.fingerprint);
    if (copy.machineId.equals(district.cloneOriginal.machineId)) {
      throw new IllegalStateException("the cloned PC was merged into " + copy.machineId);
    }
  }

  private void enroll(
      SimMachine m, String unitToken, io.digiready.protocol.Fingerprint fingerprint) {
    Instant now = clock.instant();
    EnrollResponse response =
        client.enroll(new EnrollRequest(unitToken, m.hostname, fingerprint, null));
    m.machineId = response.machineId();
    m.agentToken = response.agentToken();
    intervalSeconds = response.config().heartbeatIntervalSeconds();
    client.inventory(m.agentToken, new InventoryReport(m.machineId, m.inventory(now)));
  }

  /** One heartbeat from each of these machines, in parallel. */
  public void beatOnce(List<SimMachine> machines, ExecutorService pool) {
    for (Future<?> f : submitBeats(machines, pool)) {
      try {
        f.get();
      } catch (Exception e) {
        throw new IllegalStateException("heartbeat failed: " + e.getMessage(), e);
      }
    }
  }

  /**
   * One heartbeat from each machine; a failure (a collector killed, a database restarting) is
   * counted, printed once per kind and round, and the machine goes on with its next seq.
   */
  public long beatOnceCounting(List<SimMachine> machines, ExecutorService pool, PrintStream out) {
    long failed = 0;
    java.util.Set<String> said = new java.util.HashSet<>();
    for (Future<?> f : submitBeats(machines, pool)) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed;
      } catch (java.util.concurrent.ExecutionException e) {
        failed++;
        String kind = String.valueOf(e.getCause());
        if (said.add(kind.length() > 120 ? kind.substring(0, 120) : kind)) {
          out.println(Instant.now() + " heartbeat failed: " + kind);
        }
      }
    }
    return failed;
  }

  private List<Future<?>> submitBeats(List<SimMachine> machines, ExecutorService pool) {
    List<Future<?>> pending = new ArrayList<>();
    for (SimMachine m : machines) {
      pending.add(pool.submit(() -> beat(m)));
    }
    return pending;
  }

  private void beat(SimMachine m) {
    var heartbeat = m.nextHeartbeat(clock.instant());
    HeartbeatAck ack = client.heartbeats(m.agentToken, new HeartbeatBatch(List.of(heartbeat)));
    if (ack.accepted() + ack.duplicates() != 1) {
      throw new IllegalStateException("collector answered " + ack + " for one heartbeat");
    }
    acks.acknowledged(m.machineId, heartbeat.seq(), ack.accepted() == 1);
  }

  /**
   * Runs the whole timeline and returns the state each machine must be in at the end. {@code
   * workingWindow} must equal the collector's; with null, no PC is gone.
   */
  public Map<SimMachine, Expectation.State> play(Duration workingWindow, Consumer<String> progress)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      enroll();
      Map<SimMachine, Expectation.State> states = new HashMap<>();
      Instant start = clock.instant();
      List<SimMachine> gone = select(SimMachine.Power.GONE);
      beatOnce(gone, pool);
      gone.forEach(m -> states.put(m, Expectation.State.STALE));

      List<SimMachine> present =
          district.machines.stream()
              .filter(m -> m.power != SimMachine.Power.GONE && m != district.cloneCopy)
              .toList();
      if (workingWindow != null) {
        // The rest are seen later, so that at the end the gone ones are beyond the window.
        sleepUntil(start.plus(workingWindow.dividedBy(2)));
      }
      beatOnce(present, pool);
      enrollClone();
      beatOnce(List.of(district.cloneCopy), pool);

      Instant now = clock.instant();
      List<SimMachine> on = new ArrayList<>();
      for (SimMachine m : district.machines) {
        if (m.power == SimMachine.Power.GONE) {
          continue;
        }
        boolean powered = District.poweredOn(m, now);
        states.put(m, powered ? Expectation.State.ONLINE : Expectation.State.OFFLINE);
        if (powered) {
          on.add(m);
        }
      }
      // Beat until the switched-off PCs have missed three intervals (and the gone ones left
      // the window), then once more so the online ones are fresh when the figures are read.
      Instant end = now.plusSeconds(3L * intervalSeconds + 1);
      if (workingWindow != null && start.plus(workingWindow).plusSeconds(1).isAfter(end)) {
        end = start.plus(workingWindow).plusSeconds(1);
      }
      while (clock.instant().isBefore(end)) {
        Instant round = clock.instant();
        beatOnce(on, pool);
        progress.accept(on.size() + " online PCs beat");
        sleepUntil(round.plusSeconds(intervalSeconds));
      }
      beatOnce(on, pool);
      return states;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<SimMachine> select(SimMachine.Power power) {
    return district.machines.stream().filter(m -> m.power == power).toList();
  }

  private void sleepUntil(Instant when) throws InterruptedException {
    long millis = Duration.between(clock.instant(), when).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}

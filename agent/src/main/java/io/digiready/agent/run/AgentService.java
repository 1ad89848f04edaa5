package io.digiready.agent.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.config.ConfigKeys;
import io.digiready.agent.identity.Enroller;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.identity.IdentityStore;
import io.digiready.agent.inventory.InventoryMapper;
import io.digiready.agent.inventory.OshiReader;
import io.digiready.agent.inventory.Readings;
import io.digiready.agent.probe.Prober;
import io.digiready.agent.send.Backoff;
import io.digiready.agent.send.CollectorClient;
import io.digiready.agent.send.Sender;
import io.digiready.agent.send.SenderState;
import io.digiready.agent.spool.Entry;
import io.digiready.agent.spool.Spool;
import io.digiready.protocol.AgentConfig;
import io.digiready.protocol.EnrollResponse;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.Json;
import io.digiready.protocol.ProbeResult;
import io.digiready.protocol.ProbeTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;

/**
 * The {@code run} service. Everything happens on one scheduler thread: heartbeats at a fixed rate,
 * sending after each heartbeat (or when a back-off ends), and an hourly check that enrols if
 * needed, refreshes the collector's agent-config and spools the inventory when it changed or a day
 * has passed.
 */
public final class AgentService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentService.class);
  private static final ObjectMapper JSON = Json.mapper();

  private final AgentSettings settings;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Spool spool;
  private final SeqCounter seq;
  private final SenderState state;
  private final IdentityStore identityStore;
  private final CollectorClient client;
  private final Sender sender;
  private final Prober prober;
  private final SystemInfo systemInfo = new SystemInfo();
  private final Backoff enrollBackoff = Backoff.standard();
  private LiveStats stats;
  private volatile Identity identity;
  private AgentConfig central;
  private List<ProbeTarget> targets;
  private int heartbeatSeconds;
  private int checkSeconds;
  private ScheduledFuture<?> heartbeatTask;
  private ScheduledFuture<?> checkTask;
  private ScheduledFuture<?> drainTask;
  private ScheduledFuture<?> enrollRetry;
  private long sendNotBeforeMillis;
  private final InventorySchedule inventorySchedule = new InventorySchedule(Duration.ofDays(1));

  public AgentService(AgentSettings settings, Clock clock) throws IOException {
    this.settings = settings;
    this.clock = clock;
    Files.createDirectories(settings.stateDir());
    this.spool =
        Spool.open(
            settings.stateDir().resolve("spool"),
            settings.spoolMaxBytes(),
            Duration.ofDays(settings.spoolMaxAgeDays()),
            clock);
    this.seq = recoverSeq(new SeqCounter(settings.stateDir().resolve("seq")), spool);
    this.state = new SenderState(settings.stateDir().resolve("sender-state.json"));
    this.identityStore = new IdentityStore(settings.stateDir());
    this.identity = identityStore.load();
    this.client = Wiring.client(settings);
    this.sender =
        client == null
            ? null
            : new Sender(
                spool,
                client,
                () -> identity,
                state,
                settings.sendBatchSize(),
                Backoff.standard(),
                clock);
    this.prober = Wiring.prober(settings);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "agent");
              t.setDaemon(false);
              return t;
            });
    applyCentral(Wiring.cachedAgentConfig(settings.stateDir()));
  }

  /** Raises the counter to the newest spooled heartbeat, made just before a crash perhaps. */
  static SeqCounter recoverSeq(SeqCounter seq, Spool spool) throws IOException {
    Entry newest = spool.newestUnackedHeartbeat();
    if (newest != null) {
      seq.atLeast(JSON.readTree(newest.payload()).path("seq").asLong());
    }
    return seq;
  }

  public void start() {
    log.info(
        "event=agent_started version={} collector={} machineId={} heartbeatIntervalSeconds={}"
            + " targets={} spoolDepth={}",
        Wiring.version(),
        settings.collectorUrl(),
        identity == null ? "(not enrolled)" : identity.machineId(),
        heartbeatSeconds,
        targets.size(),
        spool.depth());
    if (client == null) {
      log.warn("event=no_collector reason=\"collectorUrl is not set; spooling only\"");
    } else if (identity == null && settings.enrollmentToken() == null) {
      log.warn(
          "event=not_enrolled reason=\"no identity and no enrollmentToken; spooling until"
              + " 'digiready-agent enroll' has run\"");
    }
    heartbeatTask =
        scheduler.scheduleAtFixedRate(
            guarded("heartbeat", this::heartbeat), 0, heartbeatSeconds, TimeUnit.SECONDS);
    checkTask =
        scheduler.scheduleWithFixedDelay(
            guarded("check", this::check), 0, checkSeconds, TimeUnit.SECONDS);
  }

  private Runnable guarded(String name, ThrowingRunnable task) {
    return () -> {
      try {
        task.run();
      } catch (Exception | Error e) {
        // a thrown exception would silently cancel a periodic task
        log.error("event=task_failed task={} reason=\"{}\"", name, e.toString());
      }
    };
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  void heartbeat() throws IOException {
    if (stats == null) {
      stats = new LiveStats(systemInfo);
    }
    List<ProbeResult> probes = prober.probeAll(targets);
    LiveStats.Figures f = stats.read();
    long n = seq.peekNext();
    Heartbeat hb =
        new Heartbeat(
            null, // filled in when sent: the spool may hold heartbeats made before enrolment
            n,
            clock.instant(),
            f.uptimeSeconds(),
            probes,
            Prober.internetUp(probes),
            f.memoryUsedBytes(),
            f.diskFreeBytes(),
            f.diskTotalBytes(),
            f.residentBytes(),
            f.cpuSeconds(),
            spool.droppedTotal());
    spool.appendHeartbeat(JSON.writeValueAsBytes(hb));
    seq.commit(n);
    log.debug("event=heartbeat seq={} internetUp={}", n, hb.internetUp());
    drainIfDue();
    state.spool(clock.instant(), spool.depth(), spool.droppedTotal(), n);
    state.flush();
  }

  private void drainIfDue() {
    if (sender == null || identity == null || clock.millis() < sendNotBeforeMillis) {
      return;
    }
    Sender.Result result = sender.drain();
    if (result.idle()) {
      return;
    }
    sendNotBeforeMillis = clock.millis() + result.delayMillis();
    if (drainTask == null || drainTask.isDone()) {
      drainTask =
          scheduler.schedule(
              guarded("send", this::retrySend), result.delayMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void retrySend() {
    drainIfDue();
    state.spool(clock.instant(), spool.depth(), spool.droppedTotal(), null);
    state.flush();
  }

  void check() throws IOException {
    if (identity == null && client != null && settings.enrollmentToken() != null) {
      if (!enroll()) {
        return;
      }
    }
    if (identity != null && client != null) {
      try {
        applyCentral(Wiring.fetchAgentConfig(client, identity, settings.stateDir()));
      } catch (IOException e) {
        log.warn("event=agent_config_unavailable reason=\"{}\"", e.getMessage());
      }
    }
    checkInventory();
    drainIfDue();
    state.flush();
  }

  /** The pending retry is this very task: forget it, so that a failure schedules the next. */
  private void retryEnrol() throws IOException {
    enrollRetry = null;
    check();
  }

  private boolean enroll() throws IOException {
    Readings readings = new OshiReader(systemInfo, Duration.ofSeconds(30)).read();
    try {
      EnrollResponse r =
          Enroller.enroll(
              client,
              settings.enrollmentToken(),
              InventoryMapper.toInventory(readings, Wiring.version(), clock.instant()).hostname(),
              InventoryMapper.toFingerprint(readings),
              null);
      identity = new Identity(r.machineId(), r.agentToken(), client.base().toString());
      identityStore.save(identity);
      enrollBackoff.reset();
      log.info("event=enrolled machineId={}", r.machineId());
      if (r.config() != null) {
        Wiring.saveAgentConfig(settings.stateDir(), r.config());
        applyCentral(r.config());
      }
      return true;
    } catch (Enroller.EnrollException e) {
      long delay = enrollBackoff.next();
      log.warn("event=enrol_failed reason=\"{}\" retryInMillis={}", e.getMessage(), delay);
      state.error(clock.instant(), null, e.getMessage());
      state.flush();
      if (enrollRetry == null || enrollRetry.isDone()) {
        enrollRetry =
            scheduler.schedule(guarded("enrol", this::retryEnrol), delay, TimeUnit.MILLISECONDS);
      }
      return false;
    }
  }

  private void checkInventory() throws IOException {
    Inventory inv =
        InventoryMapper.toInventory(
            new OshiReader(systemInfo, Duration.ofSeconds(30)).read(),
            Wiring.version(),
            clock.instant());
    String reason = inventorySchedule.reasonToSend(inv, clock.instant());
    if (reason != null) {
      spool.appendInventory(JSON.writeValueAsBytes(inv));
      inventorySchedule.sent(inv, clock.instant());
      log.info("event=inventory_spooled reason={}", reason);
    }
  }

  /** Applies the collector's settings; a key set locally keeps its local value. */
  private void applyCentral(AgentConfig config) {
    if (config != null) {
      central = config;
    }
    int hb =
        central == null || settings.isExplicit(ConfigKeys.HEARTBEAT_INTERVAL_SECONDS)
            ? settings.heartbeatIntervalSeconds()
            : central.heartbeatIntervalSeconds();
    int check =
        central == null
                || central.inventoryCheckIntervalSeconds() == null
                || settings.isExplicit(ConfigKeys.INVENTORY_CHECK_INTERVAL_SECONDS)
            ? settings.inventoryCheckIntervalSeconds()
            : central.inventoryCheckIntervalSeconds();
    targets =
        Targets.effective(
            central == null ? List.of() : central.probes(),
            settings.probeTargets(),
            settings.collectorUrl());
    boolean reschedule = heartbeatTask != null && hb != heartbeatSeconds;
    boolean rescheduleCheck = checkTask != null && check != checkSeconds;
    heartbeatSeconds = hb;
    checkSeconds = check;
    if (rescheduleCheck) {
      checkTask.cancel(false);
      checkTask =
          scheduler.scheduleWithFixedDelay(
              guarded("check", this::check), check, check, TimeUnit.SECONDS);
    }
    if (reschedule) {
      heartbeatTask.cancel(false);
      heartbeatTask =
          scheduler.scheduleAtFixedRate(
              guarded("heartbeat", this::heartbeat), hb, hb, TimeUnit.SECONDS);
      log.info("event=heartbeat_interval_changed seconds={}", hb);
    }
  }

  /** Blocks until the service stops (it stops only on shutdown). */
  public void awaitTermination() throws InterruptedException {
    scheduler.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
  }

  @Override
  public void close() {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      spool.close();
    } catch (IOException e) {
      // closing only releases the handle; every record is already on disk
    }
    log.info("event=agent_stopped");
  }
}

package io.digiready.agent.service;

import io.digiready.agent.centralconfig.AgentConfigs;
import io.digiready.agent.centralconfig.CentralConfig;
import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.config.AgentVersion;
import io.digiready.agent.enroll.Enrollment;
import io.digiready.agent.heartbeat.HeartbeatMaker;
import io.digiready.agent.heartbeat.LiveStats;
import io.digiready.agent.heartbeat.SeqCounter;
import io.digiready.agent.http.Backoff;
import io.digiready.agent.http.CollectorClient;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.identity.IdentityStore;
import io.digiready.agent.inventory.InventoryCheck;
import io.digiready.agent.send.Sender;
import io.digiready.agent.send.SenderState;
import io.digiready.agent.spool.Spool;
import io.digiready.protocol.EnrollResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;

/**
 * The {@code run} service, composed of its parts. Everything happens on one scheduler thread:
 * heartbeats at a fixed rate, sending after each heartbeat (or when a back-off ends), and a check
 * every {@code inventoryCheckIntervalSeconds} that enrolls if needed, refreshes the collector's
 * agent-config and spools the inventory when it changed or a day has passed.
 */
public final class AgentService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentService.class);

  private final AgentSettings settings;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Spool spool;
  private final SenderState state;
  private final CollectorClient client;
  private final Enrollment enrollment;
  private final CentralConfig central;
  private final HeartbeatMaker heartbeats;
  private final InventoryCheck inventory;
  private final SendLoop sending;
  private final PeriodicTasks tasks;
  private ScheduledFuture<?> enrollRetry;

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
    this.state = new SenderState(settings.stateDir().resolve("sender-state.json"));
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "agent");
              t.setDaemon(false);
              return t;
            });
    // OSHI only when something needs it: on Linux the loop reads /proc, the inventory runs in a
    // child process; enrolling (rare) reads the identity here
    Supplier<SystemInfo> systemInfo = Tasks.once(SystemInfo::new);
    this.client = Wiring.client(settings);
    this.enrollment =
        new Enrollment(
            new IdentityStore(settings.stateDir()),
            client,
            settings.enrollmentToken(),
            () -> Wiring.readIdentity(systemInfo.get()),
            clock);
    this.central = new CentralConfig(settings, AgentConfigs.cached(settings.stateDir()));
    this.heartbeats =
        new HeartbeatMaker(
            spool,
            HeartbeatMaker.recoverSeq(new SeqCounter(settings.stateDir().resolve("seq")), spool),
            Wiring.prober(settings),
            () -> new LiveStats(systemInfo),
            clock);
    this.inventory =
        new InventoryCheck(new InventoryChild(settings.stateDir(), systemInfo), spool, clock);
    this.sending =
        client == null
            ? null
            : new SendLoop(
                new Sender(
                    spool,
                    client,
                    enrollment::identity,
                    state,
                    settings.sendBatchSize(),
                    Backoff.standard(),
                    clock),
                scheduler,
                clock,
                () -> enrollment.identity() != null,
                this::recordSpool,
                Tasks.guarded("reenroll", this::enrollAgain));
    this.tasks =
        new PeriodicTasks(
            scheduler,
            Tasks.guarded("heartbeat", this::heartbeat),
            Tasks.guarded("check", this::check));
  }

  public void start() {
    Identity identity = enrollment.identity();
    CentralConfig.Effective now = central.effective();
    log.info(
        "event=agent_started version={} collector={} machineId={} heartbeatIntervalSeconds={}"
            + " targets={} spoolDepth={}",
        AgentVersion.version(),
        settings.collectorUrlText(),
        identity == null ? "(not enrolled)" : identity.machineId(),
        now.heartbeatSeconds(),
        now.targets().size(),
        spool.depth());
    if (client == null) {
      log.warn("event=no_collector reason=\"collectorUrl is not set; spooling only\"");
    } else if (identity == null && !enrollment.possible()) {
      log.warn(
          "event=not_enrolled reason=\"no identity and no enrollmentToken; spooling until"
              + " 'digiready-agent enroll' has run\"");
    }
    tasks.start(now);
  }

  private void heartbeat() throws IOException {
    long seq = heartbeats.make(central.effective().targets());
    drainIfDue();
    state.spool(clock.instant(), spool.depth(), spool.droppedTotal(), seq);
    state.flush();
  }

  private void check() throws IOException {
    if (enrollment.identity() == null && enrollment.possible() && !enroll()) {
      return;
    }
    Identity identity = enrollment.identity();
    if (identity != null && client != null) {
      try {
        tasks.adjust(central.apply(AgentConfigs.fetch(client, identity, settings.stateDir())));
      } catch (IOException e) {
        log.warn("event=agent_config_unavailable reason=\"{}\"", e.getMessage());
      }
    }
    inventory.run();
    drainIfDue();
    state.flush();
  }

  /** One enrollment attempt; a failure schedules the next check after the back-off. */
  private boolean enroll() throws IOException {
    try {
      EnrollResponse r = enrollment.enroll();
      if (r.config() != null) {
        AgentConfigs.save(settings.stateDir(), r.config());
        tasks.adjust(central.apply(r.config()));
      }
      return true;
    } catch (Enrollment.FailedException e) {
      state.error(clock.instant(), null, e.getMessage());
      state.flush();
      if (enrollRetry == null || enrollRetry.isDone()) {
        enrollRetry =
            scheduler.schedule(
                Tasks.guarded("enroll", this::retryEnroll),
                e.retryInMillis(),
                TimeUnit.MILLISECONDS);
      }
      return false;
    }
  }

  /** After a 401: a new identity, and the collector's settings that come with it. */
  private void enrollAgain() throws IOException {
    try {
      EnrollResponse r = enrollment.enrollAgain();
      if (r != null && r.config() != null) {
        AgentConfigs.save(settings.stateDir(), r.config());
        tasks.adjust(central.apply(r.config()));
      }
    } catch (Enrollment.FailedException e) {
      state.error(clock.instant(), null, e.getMessage());
    }
  }

  /** The pending retry is this very task: forget it, so that a failure schedules the next. */
  private void retryEnroll() throws IOException {
    enrollRetry = null;
    check();
  }

  private void drainIfDue() {
    if (sending != null) {
      sending.drainIfDue();
    }
  }

  private void recordSpool() {
    state.spool(clock.instant(), spool.depth(), spool.droppedTotal(), null);
    state.flush();
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

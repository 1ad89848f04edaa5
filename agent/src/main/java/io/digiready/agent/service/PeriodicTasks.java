package io.digiready.agent.service;

import io.digiready.agent.centralconfig.CentralConfig;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two periodic tasks, heartbeat (fixed rate) and check (fixed delay), and their rescheduling
 * when the collector's agent-config changes an interval.
 */
final class PeriodicTasks {
  private static final Logger log = LoggerFactory.getLogger(PeriodicTasks.class);

  private final ScheduledExecutorService scheduler;
  private final Runnable heartbeat;
  private final Runnable check;
  private ScheduledFuture<?> heartbeatTask;
  private ScheduledFuture<?> checkTask;
  private int heartbeatSeconds;
  private int checkSeconds;

  PeriodicTasks(ScheduledExecutorService scheduler, Runnable heartbeat, Runnable check) {
    this.scheduler = scheduler;
    this.heartbeat = heartbeat;
    this.check = check;
  }

  /** Both tasks run at once, then at their intervals. */
  synchronized void start(CentralConfig.Effective e) {
    heartbeatSeconds = e.heartbeatSeconds();
    checkSeconds = e.checkSeconds();
    heartbeatTask = scheduler.scheduleAtFixedRate(heartbeat, 0, heartbeatSeconds, TimeUnit.SECONDS);
    checkTask = scheduler.scheduleWithFixedDelay(check, 0, checkSeconds, TimeUnit.SECONDS);
  }

  /** Reschedules a task whose interval changed; the next run comes one new interval later. */
  synchronized void adjust(CentralConfig.Effective e) {
    if (heartbeatTask == null) {
      return; // not started: start() takes the values
    }
    if (e.checkSeconds() != checkSeconds) {
      checkSeconds = e.checkSeconds();
      checkTask.cancel(false);
      checkTask =
          scheduler.scheduleWithFixedDelay(check, checkSeconds, checkSeconds, TimeUnit.SECONDS);
    }
    if (e.heartbeatSeconds() != heartbeatSeconds) {
      heartbeatSeconds = e.heartbeatSeconds();
      heartbeatTask.cancel(false);
      heartbeatTask =
          scheduler.scheduleAtFixedRate(
              heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
      log.info("event=heartbeat_interval_changed seconds={}", heartbeatSeconds);
    }
  }
}

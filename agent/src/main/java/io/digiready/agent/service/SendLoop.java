package io.digiready.agent.service;

import io.digiready.agent.send.Sender;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * When the spool is drained: after every heartbeat and check, unless a back-off is running; and
 * once more when a back-off ends, so that a spool fills up and drains on its own pace.
 */
final class SendLoop {
  private final Sender sender;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final BooleanSupplier enrolled;
  private final Runnable afterRetry;
  private final Runnable unauthorized;
  private long notBeforeMillis;
  private ScheduledFuture<?> retry;

  /**
   * Nothing is sent before {@code enrolled} holds; {@code afterRetry} runs after a drain that a
   * back-off scheduled (status update); {@code unauthorized} after a drain the collector answered
   * with 401 (enroll again).
   */
  SendLoop(
      Sender sender,
      ScheduledExecutorService scheduler,
      Clock clock,
      BooleanSupplier enrolled,
      Runnable afterRetry,
      Runnable unauthorized) {
    this.sender = sender;
    this.scheduler = scheduler;
    this.clock = clock;
    this.enrolled = enrolled;
    this.afterRetry = afterRetry;
    this.unauthorized = unauthorized;
  }

  void drainIfDue() {
    if (!enrolled.getAsBoolean() || clock.millis() < notBeforeMillis) {
      return;
    }
    Sender.Result result = sender.drain();
    if (result.idle()) {
      return;
    }
    if (result.unauthorized()) {
      unauthorized.run();
    }
    notBeforeMillis = clock.millis() + result.delayMillis();
    if (retry == null || retry.isDone()) {
      retry =
          scheduler.schedule(
              Tasks.guarded(
                  "send",
                  () -> {
                    drainIfDue();
                    afterRetry.run();
                  }),
              result.delayMillis(),
              TimeUnit.MILLISECONDS);
    }
  }
}

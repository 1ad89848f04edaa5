package io.digiready.agent.inventory;

import io.digiready.agent.spool.Spool;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the inventory and spools it at start, when its content changed, and at least daily; the
 * software list goes with it only when it changed (see {@link InventorySchedule}).
 */
public final class InventoryCheck {
  private static final Logger log = LoggerFactory.getLogger(InventoryCheck.class);

  /** Computes one check: here, or in another process. */
  public interface Stepper {
    InventoryStep step(String state, Instant now) throws IOException;
  }

  private final Stepper stepper;
  private final Spool spool;
  private final Clock clock;
  private String state;

  /** The check in this process, from {@code machine}'s readings. */
  public InventoryCheck(Supplier<Readings> machine, Spool spool, Clock clock) {
    this((state, now) -> InventoryStep.compute(machine.get(), state, now), spool, clock);
  }

  public InventoryCheck(Stepper stepper, Spool spool, Clock clock) {
    this.stepper = stepper;
    this.spool = spool;
    this.clock = clock;
  }

  public void run() throws IOException {
    InventoryStep step = stepper.step(state, clock.instant());
    if (step.reason() != null) {
      spool.appendInventory(step.payload());
      state = step.state();
      log.info("event=inventory_spooled reason={} software={}", step.reason(), step.software());
    }
  }
}

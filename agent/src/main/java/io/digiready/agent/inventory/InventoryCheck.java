package io.digiready.agent.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.agent.config.AgentVersion;
import io.digiready.agent.spool.Spool;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the inventory and spools it at start, when its content changed, and at least daily; the
 * software list goes with it only when it changed (see {@link InventorySchedule}).
 */
public final class InventoryCheck {
  private static final Logger log = LoggerFactory.getLogger(InventoryCheck.class);
  private static final ObjectMapper JSON = Json.mapper();

  private final Supplier<Readings> machine;
  private final Spool spool;
  private final Clock clock;
  private final InventorySchedule schedule = new InventorySchedule(Duration.ofDays(1));

  public InventoryCheck(Supplier<Readings> machine, Spool spool, Clock clock) {
    this.machine = machine;
    this.spool = spool;
    this.clock = clock;
  }

  public void run() throws IOException {
    Inventory inv =
        InventoryMapper.toInventory(machine.get(), AgentVersion.version(), clock.instant());
    String reason = schedule.reasonToSend(inv, clock.instant());
    if (reason != null) {
      Inventory spooled = schedule.toSpool(inv);
      spool.appendInventory(JSON.writeValueAsBytes(spooled));
      schedule.sent(inv, clock.instant());
      log.info(
          "event=inventory_spooled reason={} software={}",
          reason,
          spooled.software() == null ? "unchanged" : spooled.software().size());
    }
  }
}

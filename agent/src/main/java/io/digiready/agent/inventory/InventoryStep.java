package io.digiready.agent.inventory;

import io.digiready.agent.config.AgentVersion;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * One inventory check, as a function of the machine's readings and the schedule so far: what to
 * spool (if anything) and the schedule after it. The running agent has it computed in a short-lived
 * child process, so that OSHI's, JNA's and Jackson's classes for this hourly work do not stay in
 * its memory (see {@code service.InventoryChild}).
 *
 * @param reason {@code start}, {@code changed} or {@code daily}; null when nothing is to be spooled
 * @param payload the inventory's JSON to spool, null when nothing is
 * @param software the number of software entries sent, or {@code unchanged}
 * @param state the schedule after this check ({@link InventorySchedule#state})
 */
public record InventoryStep(String reason, byte[] payload, String software, String state) {
  static final Duration MAX_AGE = Duration.ofDays(1);

  public static InventoryStep compute(Readings readings, String state, Instant now)
      throws IOException {
    Inventory inv = InventoryMapper.toInventory(readings, AgentVersion.version(), now);
    InventorySchedule schedule = InventorySchedule.restore(MAX_AGE, state);
    String reason = schedule.reasonToSend(inv, now);
    if (reason == null) {
      return new InventoryStep(null, null, null, state);
    }
    Inventory spooled = schedule.toSpool(inv);
    byte[] payload = Json.mapper().writeValueAsBytes(spooled);
    schedule.sent(inv, now);
    return new InventoryStep(
        reason,
        payload,
        spooled.software() == null ? "unchanged" : String.valueOf(spooled.software().size()),
        schedule.state());
  }
}

package io.digiready.agent.inventory;

import io.digiready.protocol.Inventory;
import java.time.Duration;
import java.time.Instant;

/** Decides when an inventory is spooled: at start, when its content changed, and at least daily. */
final class InventorySchedule {
  private final Duration maxAge;
  private String lastHash;
  private Instant lastSent;

  InventorySchedule(Duration maxAge) {
    this.maxAge = maxAge;
  }

  /** {@code start}, {@code changed} or {@code daily}; null when nothing needs sending. */
  String reasonToSend(Inventory inv, Instant now) {
    if (lastHash == null) {
      return "start";
    }
    if (!InventoryHash.of(inv).equals(lastHash)) {
      return "changed";
    }
    return Duration.between(lastSent, now).compareTo(maxAge) >= 0 ? "daily" : null;
  }

  void sent(Inventory inv, Instant now) {
    lastHash = InventoryHash.of(inv);
    lastSent = now;
  }
}

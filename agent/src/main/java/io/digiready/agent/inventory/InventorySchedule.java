package io.digiready.agent.inventory;

import io.digiready.agent.software.SoftwareMapper;
import io.digiready.protocol.Inventory;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides when an inventory is spooled: at start, when its content changed, and at least daily; and
 * whether it carries the software list, which is large and changes rarely: at start and when the
 * list changed, otherwise not (absent means unchanged).
 */
final class InventorySchedule {
  private final Duration maxAge;
  private String lastHash;
  private String lastSoftwareHash;
  private Instant lastSent;

  InventorySchedule(Duration maxAge) {
    this.maxAge = maxAge;
  }

  /**
   * The schedule as one line ({@code lastHash lastSoftwareHash lastSent}, {@code -} for none), so
   * that a check run in another process continues it.
   */
  String state() {
    return word(lastHash) + " " + word(lastSoftwareHash) + " " + word(lastSent);
  }

  static InventorySchedule restore(Duration maxAge, String state) {
    InventorySchedule s = new InventorySchedule(maxAge);
    if (state != null && !state.isBlank()) {
      String[] w = state.strip().split(" ");
      if (w.length != 3) {
        throw new IllegalArgumentException("inventory schedule: expected 3 words. Found: " + state);
      }
      s.lastHash = none(w[0]);
      s.lastSoftwareHash = none(w[1]);
      s.lastSent = none(w[2]) == null ? null : Instant.parse(w[2]);
    }
    return s;
  }

  private static String word(Object value) {
    return value == null ? "-" : value.toString();
  }

  private static String none(String word) {
    return "-".equals(word) ? null : word;
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

  /** What to spool: the inventory, without its software list when that did not change. */
  Inventory toSpool(Inventory inv) {
    String software = SoftwareMapper.hash(inv.software());
    return software != null && Objects.equals(software, lastSoftwareHash)
        ? inv.withSoftware(null)
        : inv;
  }

  /** Records what was spooled, from the full inventory that was read. */
  void sent(Inventory inv, Instant now) {
    lastHash = InventoryHash.of(inv);
    if (inv.software() != null) {
      lastSoftwareHash = SoftwareMapper.hash(inv.software());
    }
    lastSent = now;
  }
}

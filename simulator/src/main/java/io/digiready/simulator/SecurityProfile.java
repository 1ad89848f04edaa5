package io.digiready.simulator;

import io.digiready.protocol.Inventory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a simulated PC has installed and how it is protected: its software list, its anti-malware
 * products as Windows Security Center reports them, when it last took an OS update and whether a
 * reboot is pending. Made by {@link SoftwareCatalog} from the PC's own seed.
 */
public record SecurityProfile(
    List<Inventory.Software> software,
    AntiMalware antiMalware,
    List<Inventory.AntiMalware> products,
    int daysSinceUpdate,
    boolean rebootPending) {

  /** How the PC is protected. */
  public enum AntiMalware {
    /** A product enabled with current definitions. */
    PROTECTED,
    /** Security Center knows no product at all. */
    NONE,
    /** The only product is switched off. */
    DISABLED,
    /** Enabled, but its definitions are out of date. */
    OUT_OF_DATE
  }

  /** An enabled product with current definitions: what the collector's antiMalware rule asks. */
  public boolean protectedPc() {
    return antiMalware == AntiMalware.PROTECTED;
  }

  Inventory.Protection protection() {
    return new Inventory.Protection(products, "securityCenter");
  }

  Inventory.Updates updates(Instant now) {
    return new Inventory.Updates(
        now.minus(Duration.ofDays(daysSinceUpdate)).minus(Duration.ofHours(3)), rebootPending);
  }
}

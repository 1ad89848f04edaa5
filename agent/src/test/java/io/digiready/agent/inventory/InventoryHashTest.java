package io.digiready.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.protocol.Inventory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryHashTest {

  private static Inventory inventory(Instant at, long freeBytes, long memory) {
    return new Inventory(
        1,
        "1.0",
        at,
        "pc",
        null,
        null,
        null,
        null,
        new Inventory.Memory(memory, List.of()),
        List.of(),
        List.of(new Inventory.FileSystem("/", "ext4", 100L, freeBytes)),
        List.of(
            new Inventory.NetworkInterface(
                "eth0",
                "eth0",
                "aa:bb:cc:dd:ee:ff",
                List.of("10.0.0." + freeBytes),
                List.of(),
                null,
                true,
                false)),
        new Inventory.OperatingSystem("Ubuntu", "GNU/Linux", "24.04", "1", 64, at));
  }

  @Test
  void the_inventory_hash_ignores_moving_figures_and_sees_real_changes() {
    Instant t1 = Instant.parse("2026-11-27T08:00:00Z");
    Instant t2 = Instant.parse("2026-11-28T09:00:00Z");
    String base = InventoryHash.of(inventory(t1, 40, 8L << 30));
    assertThat(InventoryHash.of(inventory(t2, 41, 8L << 30))).isEqualTo(base);
    assertThat(InventoryHash.of(inventory(t1, 40, 4L << 30))).isNotEqualTo(base);
  }

  @Test
  void an_inventory_is_sent_at_start_on_change_and_daily_only() {
    Instant t0 = Instant.parse("2026-11-27T08:00:00Z");
    InventorySchedule schedule = new InventorySchedule(java.time.Duration.ofDays(1));
    Inventory inv = inventory(t0, 40, 8L << 30);
    assertThat(schedule.reasonToSend(inv, t0)).isEqualTo("start");
    schedule.sent(inv, t0);
    assertThat(
            schedule.reasonToSend(
                inventory(t0.plusSeconds(3600), 39, 8L << 30), t0.plusSeconds(3600)))
        .isNull();
    assertThat(schedule.reasonToSend(inventory(t0, 40, 4L << 30), t0.plusSeconds(7200)))
        .isEqualTo("changed");
    assertThat(schedule.reasonToSend(inv, t0.plusSeconds(86_400))).isEqualTo("daily");
  }

  private static Inventory withSections(Inventory inv, List<Inventory.Software> software) {
    return new Inventory(
        inv.schemaVersion(),
        inv.agentVersion(),
        inv.collectedAt(),
        inv.hostname(),
        inv.system(),
        inv.baseboard(),
        inv.firmware(),
        inv.processor(),
        inv.memory(),
        inv.disks(),
        inv.fileSystems(),
        inv.networkInterfaces(),
        inv.os(),
        software,
        new Inventory.Protection(null, null),
        new Inventory.Updates(Instant.parse("2026-11-20T02:00:00Z"), false));
  }

  @Test
  void the_software_list_goes_at_start_and_when_it_changed_and_not_with_other_changes() {
    Instant t0 = Instant.parse("2026-11-27T08:00:00Z");
    List<Inventory.Software> office =
        List.of(new Inventory.Software("LibreOffice", "7.4", "TDF", null));
    List<Inventory.Software> more =
        List.of(
            new Inventory.Software("LibreOffice", "7.4", "TDF", null),
            new Inventory.Software("Zalo", "24.11", "VNG", null));
    InventorySchedule schedule = new InventorySchedule(java.time.Duration.ofDays(1));

    Inventory first = withSections(inventory(t0, 40, 8L << 30), office);
    assertThat(schedule.reasonToSend(first, t0)).isEqualTo("start");
    assertThat(schedule.toSpool(first).software()).isEqualTo(office);
    schedule.sent(first, t0);

    Inventory lessMemory = withSections(inventory(t0, 40, 4L << 30), office);
    assertThat(schedule.reasonToSend(lessMemory, t0)).isEqualTo("changed");
    assertThat(schedule.toSpool(lessMemory).software()).isNull();
    assertThat(schedule.toSpool(lessMemory).memory().totalBytes()).isEqualTo(4L << 30);
    schedule.sent(lessMemory, t0);

    Inventory newApp = withSections(inventory(t0, 40, 4L << 30), more);
    assertThat(schedule.reasonToSend(newApp, t0)).isEqualTo("changed");
    assertThat(schedule.toSpool(newApp).software()).isEqualTo(more);
    schedule.sent(newApp, t0);

    assertThat(schedule.reasonToSend(newApp, t0.plusSeconds(86_400))).isEqualTo("daily");
    assertThat(schedule.toSpool(newApp).software()).isNull();
  }

  @Test
  void protection_and_updates_are_part_of_the_content_hash() {
    Instant t0 = Instant.parse("2026-11-27T08:00:00Z");
    Inventory base = withSections(inventory(t0, 40, 8L << 30), List.of());
    Inventory off =
        new Inventory(
            base.schemaVersion(),
            base.agentVersion(),
            base.collectedAt(),
            base.hostname(),
            base.system(),
            base.baseboard(),
            base.firmware(),
            base.processor(),
            base.memory(),
            base.disks(),
            base.fileSystems(),
            base.networkInterfaces(),
            base.os(),
            base.software(),
            new Inventory.Protection(
                List.of(new Inventory.AntiMalware("Windows Defender", false, true)),
                "securityCenter"),
            base.updates());
    assertThat(InventoryHash.of(off)).isNotEqualTo(InventoryHash.of(base));
  }
}

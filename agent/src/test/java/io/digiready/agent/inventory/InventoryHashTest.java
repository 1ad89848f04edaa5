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
}

package io.digiready.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.events.EventWords;
import io.digiready.collector.events.Phrase;
import io.digiready.collector.reports.Language;
import io.digiready.protocol.Inventory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryDiffTest {
  static final long GIB = 1024L * 1024 * 1024;

  static Inventory inv(long memory, List<Inventory.Disk> disks, String os, long free) {
    return new Inventory(
        1,
        "0.1.0",
        Instant.now(),
        "PC-1",
        new Inventory.SystemInfo("Dell", "OptiPlex", "SN", "U"),
        null,
        null,
        new Inventory.Processor("i5", "Intel", 4, 8, 3_000_000_000L),
        new Inventory.Memory(memory, List.of()),
        disks,
        List.of(new Inventory.FileSystem("C:\\", "NTFS", 200 * GIB, free)),
        List.of(),
        new Inventory.OperatingSystem("Windows", "Microsoft", os, "19045", 64, Instant.now()));
  }

  @Test
  void readable_changes_for_memory_disks_and_os() {
    var before =
        inv(
            8 * GIB,
            List.of(new Inventory.Disk("WDC", "WDC-123", 500_000_000_000L)),
            "10",
            50 * GIB);
    var after =
        inv(
            4 * GIB,
            List.of(new Inventory.Disk("Samsung", "S-9", 256_000_000_000L)),
            "11",
            20 * GIB);
    assertThat(en(InventoryDiff.between(before, after)))
        .containsExactly(
            "memory 8 GiB -> 4 GiB",
            "os Windows 10 (build 19045) -> Windows 11 (build 19045)",
            "disk WDC-123 removed",
            "disk S-9 added");
  }

  @Test
  void free_space_boot_time_and_collection_time_are_not_changes() {
    var disks = List.of(new Inventory.Disk("WDC", "WDC-123", 500_000_000_000L));
    assertThat(
            InventoryDiff.between(
                inv(8 * GIB, disks, "10", 50 * GIB), inv(8 * GIB, disks, "10", 10 * GIB)))
        .isEmpty();
  }

  /** The phrases as English says them (the texts events had before they were typed). */
  static List<String> en(List<Phrase> phrases) {
    return phrases.stream()
        .map(p -> EventWords.of(Language.EN).say(p, java.time.ZoneOffset.UTC))
        .toList();
  }
}

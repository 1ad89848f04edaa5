package io.digiready.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.agent.inventory.Readings.*;
import io.digiready.protocol.Fingerprint;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.ProtocolValidator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryMapperTest {
  static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

  /** What OSHI reports on a Linux desktop read as root. */
  static Readings linuxFixture() {
    return new Readings(
        "pc-phuloc-07",
        new SystemReading(
            "LENOVO", "ThinkCentre M720q", "PC1ABCDE", "4c4c4544-0042-3510-8051-b7c04f4b3232"),
        new BoardReading("LENOVO", "3136", "L1HF9AB01CD"),
        new FirmwareReading("LENOVO", "M1UKT4FA", "2021-03-15"),
        new CpuReading("Intel(R) Core(TM) i5-8400T", "GenuineIntel", 6, 6, 1_700_000_000L),
        new MemoryReading(
            8L << 30, List.of(new ModuleReading(8L << 30, "DDR4", 2_666_000_000L, "Samsung"))),
        List.of(new DiskReading("SAMSUNG MZVLB256", "S4DXNX0M123456", 256_060_514_304L)),
        List.of(new FsReading("/", "ext4", 250_000_000_000L, 120_000_000_000L)),
        List.of(
            new NicReading(
                "enp0s31f6",
                "enp0s31f6",
                "8C:16:45:AA:BB:CC",
                List.of("10.1.2.3"),
                List.of(),
                1_000_000_000L,
                true,
                false),
            new NicReading(
                "docker0", "docker0", "02:42:ac:11:00:01", List.of(), List.of(), 0, false, true)),
        new OsReading("Ubuntu", "GNU/Linux", "24.04", "6.8.0-45-generic", 64, 1_764_000_000L),
        "3d1219c7c4c5404aaa1f6d2a48adfda4");
  }

  /** A Windows PC whose board vendor shipped template strings instead of serials. */
  static Readings windowsFixture() {
    return new Readings(
        "PC-KETOAN-02",
        new SystemReading(
            "To be filled by O.E.M.",
            "System Product Name",
            "Default string",
            "03000200-0400-0500-0006-000700080009"),
        new BoardReading("ASUSTeK COMPUTER INC.", "H110M-K", "Base Board Serial Number"),
        new FirmwareReading("American Megatrends Inc.", "3805", "2017-06-14"),
        new CpuReading("Intel(R) Pentium(R) CPU G4400 @ 3.30GHz", "GenuineIntel", 2, 2, -1),
        new MemoryReading(4L << 30, List.of(new ModuleReading(4L << 30, "unknown", 0, "Unknown"))),
        List.of(new DiskReading("WDC WD5000AAKX", "  ", 500_107_862_016L)),
        List.of(new FsReading("C:\\", "NTFS", 499_000_000_000L, 9_000_000_000L)),
        List.of(
            new NicReading(
                "eth0",
                "Realtek PCIe GbE Family Controller",
                "1C-87-2C-5B-0A-11",
                List.of("192.168.1.20"),
                List.of("fe80:0:0:0:1"),
                100_000_000L,
                true,
                false),
            new NicReading(
                "eth1", "WAN Miniport", "00-00-00-00-00-00", List.of(), List.of(), 0, false, true)),
        new OsReading("Windows", "Microsoft", "10", "19045", 64, 1_764_000_000L),
        "{b5c3e7a0-1234-4cde-9abc-0123456789ab}");
  }

  @Test
  void a_linux_reading_maps_every_field_and_passes_the_protocol_validator() {
    Inventory inv = InventoryMapper.toInventory(linuxFixture(), "1.0.0", NOW);
    ProtocolValidator.inventory("inventory", inv, NOW);
    assertThat(inv.hostname()).isEqualTo("pc-phuloc-07");
    assertThat(inv.system().serialNumber()).isEqualTo("PC1ABCDE");
    assertThat(inv.processor().logicalCores()).isEqualTo(6);
    assertThat(inv.processor().maxFrequencyHz()).isEqualTo(1_700_000_000L);
    assertThat(inv.memory().totalBytes()).isEqualTo(8L << 30);
    assertThat(inv.memory().modules()).hasSize(1);
    assertThat(inv.networkInterfaces().get(0).mac()).isEqualTo("8c:16:45:aa:bb:cc");
    assertThat(inv.networkInterfaces().get(1).speedBitsPerSecond()).isNull();
    assertThat(inv.os().bootTime()).isEqualTo(Instant.ofEpochSecond(1_764_000_000L));
    assertThat(inv.collectedAt()).isEqualTo(NOW);
  }

  @Test
  void windows_placeholders_and_unknowns_become_null() {
    Inventory inv = InventoryMapper.toInventory(windowsFixture(), "1.0.0", NOW);
    ProtocolValidator.inventory("inventory", inv, NOW);
    assertThat(inv.system().manufacturer()).isNull();
    assertThat(inv.system().model()).isNull();
    assertThat(inv.system().serialNumber()).isNull();
    assertThat(inv.system().hardwareUuid()).isNull();
    assertThat(inv.baseboard().serialNumber()).isNull();
    assertThat(inv.baseboard().model()).isEqualTo("H110M-K");
    assertThat(inv.processor().maxFrequencyHz()).isNull();
    assertThat(inv.memory().modules().get(0).type()).isNull();
    assertThat(inv.memory().modules().get(0).speedHz()).isNull();
    assertThat(inv.memory().modules().get(0).manufacturer()).isNull();
    assertThat(inv.disks().get(0).serialNumber()).isNull();
    assertThat(inv.networkInterfaces().get(0).mac()).isEqualTo("1c:87:2c:5b:0a:11");
    assertThat(inv.networkInterfaces().get(1).mac()).isNull();
  }

  @Test
  void the_fingerprint_of_a_placeholder_board_holds_only_real_values() {
    Fingerprint f = InventoryMapper.toFingerprint(windowsFixture());
    assertThat(f.hardwareUuid()).isNull();
    assertThat(f.systemSerial()).isNull();
    assertThat(f.baseboardSerial()).isNull();
    assertThat(f.macs()).containsExactly("1c:87:2c:5b:0a:11");
    assertThat(f.osInstallId()).isEqualTo("{b5c3e7a0-1234-4cde-9abc-0123456789ab}");
  }

  @Test
  void the_linux_fingerprint_has_sorted_lowercase_macs_and_the_machine_id() {
    Fingerprint f = InventoryMapper.toFingerprint(linuxFixture());
    assertThat(f.hardwareUuid()).isEqualTo("4c4c4544-0042-3510-8051-b7c04f4b3232");
    assertThat(f.systemSerial()).isEqualTo("PC1ABCDE");
    assertThat(f.baseboardSerial()).isEqualTo("L1HF9AB01CD");
    assertThat(f.macs()).containsExactly("02:42:ac:11:00:01", "8c:16:45:aa:bb:cc");
    assertThat(f.osInstallId()).isEqualTo("3d1219c7c4c5404aaa1f6d2a48adfda4");
  }

  @Test
  void missing_sections_stay_null_and_lists_stay_empty() {
    Readings empty = new Readings(null, null, null, null, null, null, null, null, null, null, null);
    Inventory inv = InventoryMapper.toInventory(empty, null, NOW);
    ProtocolValidator.inventory("inventory", inv, NOW);
    assertThat(inv.hostname()).isEqualTo("unknown-host");
    assertThat(inv.system()).isNull();
    assertThat(inv.disks()).isEmpty();
    assertThat(InventoryMapper.toFingerprint(empty).macs()).isEmpty();
  }

  @Test
  void more_logical_than_physical_is_kept_and_the_reverse_is_dropped() {
    Readings r = linuxFixture();
    Readings odd =
        new Readings(
            r.hostname(),
            r.system(),
            r.baseboard(),
            r.firmware(),
            new CpuReading("x", "y", 8, 4, 0),
            r.memory(),
            r.disks(),
            r.fileSystems(),
            r.networkInterfaces(),
            r.os(),
            r.osInstallId());
    Inventory inv = InventoryMapper.toInventory(odd, "1", NOW);
    ProtocolValidator.inventory("inventory", inv, NOW);
    assertThat(inv.processor().physicalCores()).isNull();
    assertThat(inv.processor().logicalCores()).isEqualTo(4);
  }

  @Test
  void macs_are_normalised_or_dropped() {
    assertThat(Macs.normalize("AA-BB-CC-DD-EE-0F")).isEqualTo("aa:bb:cc:dd:ee:0f");
    assertThat(Macs.normalize("aabbccddee0f")).isEqualTo("aa:bb:cc:dd:ee:0f");
    assertThat(Macs.normalize("00:00:00:00:00:00")).isNull();
    assertThat(Macs.normalize("ff:ff:ff:ff:ff:ff")).isNull();
    assertThat(Macs.normalize("80:00:02:08:fe:80:00:00:00:00:00:00:00:00:00:00:00:00:00:01"))
        .isNull();
    assertThat(Macs.normalize(null)).isNull();
  }
}

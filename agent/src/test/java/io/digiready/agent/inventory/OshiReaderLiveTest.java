package io.digiready.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.protocol.Fingerprint;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.Limits;
import io.digiready.protocol.ProtocolValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;

/** On this machine, whose values are unknown to the test: invariants only. */
class OshiReaderLiveTest {

  @Test
  void the_live_inventory_of_this_machine_holds_its_invariants() {
    Readings r = new OshiReader(new SystemInfo(), Duration.ofSeconds(60)).read();
    Instant now = Instant.now();
    Inventory inv = InventoryMapper.toInventory(r, "test", now);
    ProtocolValidator.inventory("inventory", inv, now);
    assertThat(inv.processor().logicalCores()).isGreaterThanOrEqualTo(1);
    if (inv.processor().physicalCores() != null) {
      assertThat(inv.processor().logicalCores())
          .isGreaterThanOrEqualTo(inv.processor().physicalCores());
    }
    assertThat(inv.memory().totalBytes()).isPositive();
    assertThat(inv.fileSystems()).isNotEmpty();
    for (Inventory.NetworkInterface nic : inv.networkInterfaces()) {
      if (nic.mac() != null) {
        assertThat(nic.mac()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
      }
    }
    Fingerprint f = InventoryMapper.toFingerprint(r);
    assertThat(f.macs()).allMatch(m -> m.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"));
    if (f.hardwareUuid() != null) {
      assertThat(f.hardwareUuid()).doesNotContainIgnoringCase("unknown");
    }
  }

  @Test
  void the_installed_debian_packages_are_all_reported_up_to_the_bound() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/dpkg-query")), "a Debian-family machine");
    Process dpkg = new ProcessBuilder("dpkg-query", "-W").redirectErrorStream(true).start();
    long packages = new String(dpkg.getInputStream().readAllBytes()).lines().count();
    assertThat(dpkg.waitFor()).isZero();

    Readings r = new OshiReader(new SystemInfo(), Duration.ofSeconds(60)).read();
    Inventory inv = InventoryMapper.toInventory(r, "test", Instant.now());

    assertThat(packages).isPositive();
    assertThat(inv.software()).hasSize((int) Math.min(packages, Limits.MAX_SOFTWARE));
    assertThat(inv.software()).allMatch(s -> !s.name().isBlank());
    assertThat(inv.software())
        .filteredOn(s -> s.installDate() != null)
        .allMatch(s -> !s.installDate().isAfter(java.time.LocalDate.now().plusDays(1)));
    assertThat(inv.protection()).isNotNull();
    assertThat(inv.updates()).isNotNull();
  }

  @Test
  void enrollment_reads_the_same_fingerprint_as_the_full_inventory_and_nothing_more() {
    SystemInfo si = new SystemInfo();
    Readings full = new OshiReader(si, Duration.ofSeconds(60)).read();
    Readings identity = new OshiReader(si, Duration.ofSeconds(60)).readIdentity();
    assertThat(InventoryMapper.toFingerprint(identity))
        .isEqualTo(InventoryMapper.toFingerprint(full));
    assertThat(InventoryMapper.hostname(identity.hostname()))
        .isEqualTo(InventoryMapper.hostname(full.hostname()));
    assertThat(identity.applications()).isNull();
    assertThat(identity.protection()).isNull();
  }

  @Test
  void interfaces_without_an_address_are_found_in_sysfs(@TempDir Path sys) throws Exception {
    nic(sys, "eth0", "02:fc:00:00:00:01", "1", "up", true);
    nic(sys, "ifb0", "12:fd:19:9c:d0:e7", "1", "down", false);
    nic(sys, "lo", "00:00:00:00:00:00", "772", "unknown", false);
    List<Readings.NicReading> list = new ArrayList<>();
    list.add(
        new Readings.NicReading(
            "eth0", "eth0", "02:fc:00:00:00:01", List.of(), List.of(), 0, true, false));
    OshiReader.addSysfsOnly(list, sys);
    assertThat(list).extracting(Readings.NicReading::name).containsExactly("eth0", "ifb0");
    assertThat(list.get(1).virtual()).isTrue();
    assertThat(list.get(1).up()).isFalse();
  }

  private static void nic(
      Path sys, String name, String mac, String type, String oper, boolean device)
      throws Exception {
    Path d = Files.createDirectories(sys.resolve(name));
    Files.writeString(d.resolve("address"), mac + "\n");
    Files.writeString(d.resolve("type"), type + "\n");
    Files.writeString(d.resolve("operstate"), oper + "\n");
    if (device) {
      Files.createDirectories(d.resolve("device"));
    }
  }
}

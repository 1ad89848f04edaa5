package io.digiready.agent.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.protocol.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxSecurityTest {
  @TempDir Path dir;

  @Test
  void a_scanner_is_installed_when_one_of_its_unit_files_is_in_a_unit_directory() throws Exception {
    Path etc = Files.createDirectories(dir.resolve("etc"));
    Path lib = Files.createDirectories(dir.resolve("lib"));
    assertThat(LinuxSecurity.installedUnits(List.of(etc, lib))).isEmpty();
    Files.writeString(lib.resolve("clamav-freshclam.service"), "[Unit]\n");
    assertThat(LinuxSecurity.installedUnits(List.of(etc, lib)))
        .containsExactly("clamav-freshclam.service");
  }

  @Test
  void the_signature_age_is_the_newest_database_file() throws Exception {
    Files.writeString(dir.resolve("main.cvd"), "x");
    Files.writeString(dir.resolve("daily.cld"), "x");
    Files.writeString(dir.resolve("freshclam.dat"), "x");
    Files.setLastModifiedTime(dir.resolve("main.cvd"), FileTime.fromMillis(1_000_000_000_000L));
    Files.setLastModifiedTime(dir.resolve("daily.cld"), FileTime.fromMillis(1_700_000_000_000L));
    Files.setLastModifiedTime(
        dir.resolve("freshclam.dat"), FileTime.fromMillis(1_800_000_000_000L));
    assertThat(LinuxSecurity.scannerDatabaseEpochSeconds(dir)).isEqualTo(1_700_000_000L);
    assertThat(LinuxSecurity.scannerDatabaseEpochSeconds(dir.resolve("absent"))).isNull();
  }

  @Test
  void only_the_end_of_a_long_log_is_read_and_its_cut_first_line_dropped() throws Exception {
    Path log = dir.resolve("dpkg.log");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(String.format("2025-01-01 00:00:00 status installed pkg-%05d:amd64 1.0%n", i));
    }
    text.append("2026-11-20 10:11:12 status installed newest:amd64 2.0\n");
    Files.writeString(log, text);
    List<String> tail = LinuxSecurity.tail(log);
    assertThat(String.join("\n", tail).length()).isLessThanOrEqualTo(LinuxSecurity.LOG_TAIL_BYTES);
    assertThat(tail).allMatch(line -> line.startsWith("202"));
    assertThat(ProtectionMapper.newestDpkgInstall(tail, ZoneId.of("UTC")))
        .isEqualTo(Instant.parse("2026-11-20T10:11:12Z"));
    assertThat(LinuxSecurity.tail(dir.resolve("absent.log"))).isNull();
  }

  @Test
  void a_reboot_is_pending_when_the_flag_file_exists_and_unknown_without_dpkg() throws Exception {
    Path flag = dir.resolve("reboot-required");
    Path status = dir.resolve("status");
    assertThat(LinuxSecurity.rebootRequired(flag, status)).isNull();
    Files.writeString(status, "Package: adduser\n");
    assertThat(LinuxSecurity.rebootRequired(flag, status)).isFalse();
    Files.writeString(flag, "*** System restart required ***\n");
    assertThat(LinuxSecurity.rebootRequired(flag, status)).isTrue();
  }

  @Test
  void on_this_machine_protection_and_updates_hold_their_invariants() {
    Inventory.Protection p =
        ProtectionMapper.protection(
            new ProtectionReading(
                null,
                null,
                LinuxSecurity.scannerUnits(),
                LinuxSecurity.scannerDatabaseEpochSeconds()),
            Instant.now());
    if (LinuxSecurity.installedUnits(LinuxSecurity.UNIT_DIRS).isEmpty()) {
      assertThat(p).isEqualTo(new Inventory.Protection(null, null)); // no scanner here
    } else {
      assertThat(p.source()).isIn("clamav", null);
    }
    Inventory.Updates u =
        ProtectionMapper.updates(
            new UpdatesReading(
                null,
                LinuxSecurity.packageLog(),
                LinuxSecurity.aptHistory(),
                LinuxSecurity.rebootRequired()),
            ZoneId.systemDefault());
    if (Files.isReadable(LinuxSecurity.DPKG_LOG) || Files.isReadable(LinuxSecurity.APT_HISTORY)) {
      assertThat(u.lastInstalledAt()).isNotNull().isBefore(Instant.now());
    }
    assertThat(u.rebootPending())
        .isEqualTo(
            Files.exists(LinuxSecurity.REBOOT_REQUIRED)
                ? Boolean.TRUE
                : Files.exists(LinuxSecurity.DPKG_STATUS) ? Boolean.FALSE : null);
  }
}

package io.digiready.agent.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.digiready.agent.testing.Fixtures;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.Inventory.AntiMalware;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Windows against recorded WMI answers; Linux against recorded logs and unit states. */
class ProtectionMapperTest {
  private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  private static Inventory.Protection securityCenter(String fixture) {
    return ProtectionMapper.protection(
        new ProtectionReading(Fixtures.rows("windows/" + fixture), null, null, null), NOW);
  }

  @ParameterizedTest(name = "{0}: enabled {1}, up to date {2}")
  @CsvSource({
    "securitycenter-defender-on.json, true, true",
    "securitycenter-defender-off.json, false, true",
    "securitycenter-defender-out-of-date.json, true, false"
  })
  void security_center_product_state_decodes_to_enabled_and_up_to_date(
      String fixture, boolean enabled, boolean upToDate) {
    Inventory.Protection p = securityCenter(fixture);
    assertThat(p.source()).isEqualTo("securityCenter");
    assertThat(p.antiMalware())
        .containsExactly(new AntiMalware("Windows Defender", enabled, upToDate));
  }

  @Test
  void two_products_are_both_reported_and_property_names_are_read_in_any_case() {
    assertThat(securityCenter("securitycenter-two-products.json").antiMalware())
        .containsExactly(
            new AntiMalware("Windows Defender", false, true),
            new AntiMalware("Kaspersky Endpoint Security for Windows", true, true));
  }

  @Test
  void security_center_without_a_product_says_none_not_unknown() {
    Inventory.Protection p = securityCenter("securitycenter-none.json");
    assertThat(p.antiMalware()).isEmpty();
    assertThat(p.source()).isEqualTo("securityCenter");
  }

  @Test
  void a_product_without_a_state_or_a_name_is_kept_with_what_is_known() {
    Inventory.Protection p =
        ProtectionMapper.protection(
            new ProtectionReading(
                List.of(Map.of("displayName", "To be filled by O.E.M."), Map.of()),
                null,
                null,
                null),
            NOW);
    assertThat(p.antiMalware())
        .containsExactly(
            new AntiMalware("(unnamed product)", null, null),
            new AntiMalware("(unnamed product)", null, null));
  }

  @Test
  void windows_server_has_no_security_center_and_reports_defender() {
    Inventory.Protection current =
        ProtectionMapper.protection(
            new ProtectionReading(
                null, Fixtures.row("windows/defender-server-current.json"), null, null),
            NOW);
    assertThat(current.source()).isEqualTo("defender");
    assertThat(current.antiMalware())
        .containsExactly(new AntiMalware("Microsoft Defender Antivirus", true, true));

    Inventory.Protection stale =
        ProtectionMapper.protection(
            new ProtectionReading(
                null, Fixtures.row("windows/defender-server-stale-no-realtime.json"), null, null),
            NOW);
    assertThat(stale.antiMalware())
        .containsExactly(new AntiMalware("Microsoft Defender Antivirus", false, false));
  }

  @Test
  void security_center_wins_over_defender_and_nothing_answering_is_unknown() {
    Inventory.Protection both =
        ProtectionMapper.protection(
            new ProtectionReading(
                Fixtures.rows("windows/securitycenter-defender-on.json"),
                Fixtures.row("windows/defender-server-stale-no-realtime.json"),
                null,
                null),
            NOW);
    assertThat(both.source()).isEqualTo("securityCenter");

    Inventory.Protection none =
        ProtectionMapper.protection(new ProtectionReading(null, null, null, null), NOW);
    assertThat(none).isEqualTo(new Inventory.Protection(null, null));
    assertThat(ProtectionMapper.protection(null, NOW)).isNull();
  }

  @Test
  void the_newest_hotfix_date_is_the_last_update_whatever_form_installed_on_takes() {
    List<String> installedOn =
        Fixtures.json(
            "windows/quickfixengineering-installedon.json", new TypeReference<List<String>>() {});
    Instant last = ProtectionMapper.newestHotfix(installedOn, HANOI);
    assertThat(last).isEqualTo(Instant.parse("2026-01-08T17:00:00Z")); // 9 Jan 2026, Hanoi
    assertThat(ProtectionMapper.newestHotfix(List.of("20251201"), HANOI))
        .isEqualTo(Instant.parse("2025-11-30T17:00:00Z"));
    assertThat(ProtectionMapper.newestHotfix(List.of("13/12/2025"), HANOI))
        .isEqualTo(Instant.parse("2025-12-12T17:00:00Z"));
    assertThat(ProtectionMapper.newestHotfix(List.of("01d5f1c2a3b4c5d6"), HANOI))
        .isBetween(Instant.parse("2020-03-04T00:00:00Z"), Instant.parse("2020-03-05T00:00:00Z"));
    assertThat(ProtectionMapper.newestHotfix(List.of("", "never"), HANOI)).isNull();
  }

  @Test
  void windows_updates_carry_the_reboot_flag_of_the_registry() {
    Inventory.Updates u =
        ProtectionMapper.updates(
            new UpdatesReading(List.of("11/14/2025"), null, null, true), HANOI);
    assertThat(u.lastInstalledAt()).isEqualTo(Instant.parse("2025-11-13T17:00:00Z"));
    assertThat(u.rebootPending()).isTrue();
  }

  @Test
  void the_newest_installed_package_in_dpkg_log_is_the_last_update() {
    Instant last =
        ProtectionMapper.newestDpkgInstall(Fixtures.lines("linux/dpkg-log.txt"), ZoneId.of("UTC"));
    assertThat(last).isEqualTo(Instant.parse("2026-11-29T09:09:59Z"));
  }

  @Test
  void apt_history_is_read_when_dpkg_log_says_nothing() {
    Inventory.Updates u =
        ProtectionMapper.updates(
            new UpdatesReading(null, List.of(), Fixtures.lines("linux/apt-history-log.txt"), false),
            ZoneId.of("UTC"));
    assertThat(u.lastInstalledAt()).isEqualTo(Instant.parse("2026-11-29T09:09:59Z"));
    assertThat(u.rebootPending()).isFalse();
    assertThat(ProtectionMapper.updates(new UpdatesReading(null, null, null, null), HANOI))
        .isEqualTo(new Inventory.Updates(null, null));
  }

  @Test
  void clamav_counts_only_while_one_of_its_services_runs() {
    long fresh = NOW.minusSeconds(3 * 3600).getEpochSecond();
    long stale = NOW.minusSeconds(10 * 86_400).getEpochSecond();
    Map<String, String> running =
        Map.of("clamav-daemon.service", "active", "clamav-freshclam.service", "active");
    assertThat(ProtectionMapper.protection(new ProtectionReading(null, null, running, fresh), NOW))
        .isEqualTo(
            new Inventory.Protection(List.of(new AntiMalware("ClamAV", true, true)), "clamav"));
    assertThat(ProtectionMapper.clamav(running, stale, NOW).antiMalware())
        .containsExactly(new AntiMalware("ClamAV", true, false));
    assertThat(
            ProtectionMapper.clamav(Map.of("clamav-freshclam.service", "active"), fresh, NOW)
                .antiMalware())
        .containsExactly(new AntiMalware("ClamAV", false, true));
    assertThat(
            ProtectionMapper.clamav(
                Map.of("clamav-daemon.service", "inactive", "clamav-freshclam.service", "failed"),
                fresh,
                NOW))
        .isEqualTo(new Inventory.Protection(null, null));
    assertThat(ProtectionMapper.clamav(running, null, NOW).antiMalware())
        .containsExactly(new AntiMalware("ClamAV", true, null));
  }
}

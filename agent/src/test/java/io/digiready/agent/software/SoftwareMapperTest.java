package io.digiready.agent.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.protocol.Inventory.Software;
import io.digiready.protocol.Limits;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftwareMapperTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  /** What OSHI lists on a Debian PC (dpkg: seconds) and a Windows PC (registry: milliseconds). */
  static List<AppReading> fixture() {
    return List.of(
        new AppReading(
            "firefox-esr",
            "128.5.0esr-1~deb12u1",
            "Debian Mozilla Team <team+pkg-mozilla@tracker.debian.org>",
            1_763_600_000L),
        new AppReading(
            "Phần mềm ký số VNPT-CA", "unknown", "unknown", 1_731_517_200_000L), // 14 Nov 2024
        new AppReading(
            "adduser", "3.134", "Debian Adduser Developers <adduser@packages.debian.org>", 0),
        new AppReading("  ", "1.0", "Nobody", 1_700_000_000L),
        new AppReading(null, "1.0", "Nobody", 1_700_000_000L),
        new AppReading("Google Chrome", "131.0.6778.86", "Google LLC", 1_731_517_200_000L),
        new AppReading("Old Tool", "", "To be filled by O.E.M.", 86_400L));
  }

  @Test
  void applications_map_with_placeholders_to_null_and_sorted_by_name() {
    List<Software> software = SoftwareMapper.toSoftware(fixture(), HANOI);
    assertThat(software)
        .containsExactly(
            new Software("adduser", "3.134", "Debian Adduser Developers", null),
            new Software(
                "firefox-esr",
                "128.5.0esr-1~deb12u1",
                "Debian Mozilla Team",
                LocalDate.of(2025, 11, 20)),
            new Software(
                "Google Chrome", "131.0.6778.86", "Google LLC", LocalDate.of(2024, 11, 14)),
            new Software("Old Tool", null, null, null),
            new Software("Phần mềm ký số VNPT-CA", null, null, LocalDate.of(2024, 11, 14)));
  }

  @Test
  void at_most_2000_applications_are_sent_the_first_by_name() {
    List<AppReading> many = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      many.add(new AppReading(String.format("app-%04d", i), "1." + i, "Vendor", 0));
    }
    Collections.shuffle(many, new java.util.Random(3));
    List<Software> software = SoftwareMapper.toSoftware(many, HANOI);
    assertThat(software).hasSize(Limits.MAX_SOFTWARE);
    assertThat(software.get(0).name()).isEqualTo("app-0000");
    assertThat(software.get(1999).name()).isEqualTo("app-1999");
  }

  @Test
  void names_longer_than_the_protocol_allows_are_cut_and_the_text_is_bounded() {
    String longName = "x".repeat(3000);
    List<AppReading> huge = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      huge.add(new AppReading(i + longName, "v".repeat(2000), "w".repeat(2000), 0));
    }
    List<Software> software = SoftwareMapper.toSoftware(huge, HANOI);
    assertThat(software).allMatch(s -> s.name().length() == Limits.MAX_STRING_LENGTH);
    assertThat(software).allMatch(s -> s.version().length() == Limits.MAX_STRING_LENGTH);
    long chars =
        software.stream()
            .mapToLong(s -> s.name().length() + s.version().length() + s.vendor().length())
            .sum();
    assertThat(chars).isLessThanOrEqualTo(SoftwareMapper.MAX_TEXT_CHARS);
    assertThat(software.size()).isBetween(300, 330);
  }

  @Test
  void the_hash_changes_with_the_software_and_not_with_the_order_it_was_read_in() {
    List<AppReading> apps = new ArrayList<>(fixture());
    String hash = SoftwareMapper.hash(SoftwareMapper.toSoftware(apps, HANOI));
    Collections.reverse(apps);
    assertThat(SoftwareMapper.hash(SoftwareMapper.toSoftware(apps, HANOI))).isEqualTo(hash);
    apps.add(new AppReading("Zalo", "24.11.1", "VNG Corp.", 0));
    assertThat(SoftwareMapper.hash(SoftwareMapper.toSoftware(apps, HANOI))).isNotEqualTo(hash);
    assertThat(SoftwareMapper.toSoftware(null, HANOI)).isNull();
    assertThat(SoftwareMapper.hash(null)).isNull();
  }
}

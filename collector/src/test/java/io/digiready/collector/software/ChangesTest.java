package io.digiready.collector.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.events.EventWords;
import io.digiready.collector.events.Phrase;
import io.digiready.collector.reports.Language;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.Inventory.AntiMalware;
import io.digiready.protocol.Inventory.Protection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangesTest {
  static Inventory.Software app(String name, String version) {
    return new Inventory.Software(name, version, null, null);
  }

  @Test
  void software_changes_are_matched_by_name() {
    var before = List.of(app("Zalo", "24.10.2"), app("Unikey", "4.3.5"), app("7-Zip", null));
    var after =
        List.of(app("Zalo", "24.11.1"), app("7-Zip", null), app("VLC media player", "3.0.21"));
    assertThat(en(SoftwareChanges.between(before, after)))
        .containsExactly(
            "software VLC media player 3.0.21 installed",
            "software Unikey 4.3.5 removed",
            "software Zalo 24.10.2 -> 24.11.1");
    assertThat(en(SoftwareChanges.between(before, before))).isEmpty();
  }

  @Test
  void two_releases_of_one_name_are_one_application_with_two_versions() {
    var before = List.of(app("libc6", "2.36-9")); // amd64 only
    var after = List.of(app("libc6", "2.36-9"), app("libc6", "2.36-9+deb12u1"));
    assertThat(en(SoftwareChanges.between(before, after)))
        .containsExactly("software libc6 2.36-9 -> 2.36-9, 2.36-9+deb12u1");
  }

  @Test
  void a_first_list_is_one_event_and_many_changes_are_summed_up() {
    assertThat(en(SoftwareChanges.between(null, List.of(app("a", "1"), app("b", "1")))))
        .containsExactly("software list received: 2 applications");
    assertThat(en(SoftwareChanges.between(null, List.of())))
        .containsExactly("software list received: no application");
    List<Inventory.Software> many = new ArrayList<>();
    for (int i = 0; i < SoftwareChanges.MAX_EVENTS; i++) {
      many.add(app("p" + i, "1"));
    }
    assertThat(en(SoftwareChanges.between(List.of(), many))).hasSize(SoftwareChanges.MAX_EVENTS);
    many.add(app("zz", "1"));
    assertThat(en(SoftwareChanges.between(List.of(app("old", "2")), many)))
        .containsExactly(
            "software: 11 installed, 1 removed, 0 updated (p0 1; p1 1; p2 1; p3 1; p4 1"
                + " and 7 more)");
  }

  static AntiMalware product(String name, Boolean enabled, Boolean upToDate) {
    return new AntiMalware(name, enabled, upToDate);
  }

  static Protection center(AntiMalware... products) {
    return new Protection(List.of(products), "securityCenter");
  }

  @Test
  void anti_malware_switched_off_or_out_of_date_is_an_event_product_by_product() {
    var before = center(product("Windows Defender", true, true), product("Bkav Pro", true, true));
    var after = center(product("Windows Defender", false, true), product("Bkav Pro", true, false));
    assertThat(en(ProtectionChanges.between(before, after)))
        .containsExactly(
            "anti-malware Windows Defender switched off",
            "anti-malware Bkav Pro definitions out of date");
    assertThat(en(ProtectionChanges.between(after, before)))
        .containsExactly(
            "anti-malware Windows Defender switched on",
            "anti-malware Bkav Pro definitions up to date");
    assertThat(en(ProtectionChanges.between(before, before))).isEmpty();
  }

  @Test
  void products_added_or_removed_and_status_becoming_known_or_unknown_are_events() {
    var defender = center(product("Windows Defender", true, true));
    var both =
        center(
            product("Windows Defender", true, true),
            product("Kaspersky Endpoint Security for Windows", true, null));
    assertThat(en(ProtectionChanges.between(defender, both)))
        .containsExactly(
            "anti-malware Kaspersky Endpoint Security for Windows added (enabled, definitions"
                + " unknown)");
    assertThat(en(ProtectionChanges.between(both, defender)))
        .containsExactly("anti-malware Kaspersky Endpoint Security for Windows removed");
    assertThat(en(ProtectionChanges.between(null, defender)))
        .containsExactly("anti-malware reported: Windows Defender (enabled, up to date)");
    assertThat(en(ProtectionChanges.between(new Protection(null, null), center())))
        .containsExactly("anti-malware reported: no product");
    assertThat(en(ProtectionChanges.between(defender, new Protection(null, null))))
        .containsExactly("anti-malware status no longer reported");
    assertThat(en(ProtectionChanges.between(null, null))).isEmpty();
  }

  /** The phrases as English says them (the texts events had before they were typed). */
  static List<String> en(List<Phrase> phrases) {
    return phrases.stream()
        .map(p -> EventWords.of(Language.EN).say(p, java.time.ZoneOffset.UTC))
        .toList();
  }
}

package io.digiready.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.protocol.Inventory;
import io.digiready.protocol.ProtocolValidator;
import io.digiready.simulator.SecurityProfile.AntiMalware;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SoftwareCatalogTest {
  private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

  private static District district(long seed) throws Exception {
    return District.generate(
        UnitRow.parseCsv(
            Files.readString(Path.of("../install/demo/units.csv"), StandardCharsets.UTF_8)),
        500,
        seed,
        true);
  }

  @Test
  void the_same_seed_gives_the_same_software_and_protection() throws Exception {
    District a = district(42);
    District b = district(42);
    for (int i = 0; i < a.machines().size(); i++) {
      assertThat(a.machines().get(i).security()).isEqualTo(b.machines().get(i).security());
    }
    assertThat(district(43).machines().get(0).security())
        .isNotEqualTo(a.machines().get(0).security());
  }

  @Test
  void a_district_has_realistic_software_lists_with_a_spread_of_versions() throws Exception {
    List<SimMachine> pcs = district(42).machines();
    for (SimMachine m : pcs) {
      Inventory inv = m.inventory(NOW);
      ProtocolValidator.inventory("inventory", inv, NOW);
      assertThat(inv.software().size()).isBetween(5, SoftwareCatalog.APPS.size() + 1);
    }
    double average = pcs.stream().mapToInt(m -> m.security().software().size()).average().orElse(0);
    assertThat(average).isBetween(15.0, 25.0);
    Map<String, Long> chromeVersions =
        pcs.stream()
            .flatMap(m -> m.security().software().stream())
            .filter(s -> s.name().equals("Google Chrome"))
            .collect(Collectors.groupingBy(Inventory.Software::version, Collectors.counting()));
    assertThat(chromeVersions).hasSizeGreaterThanOrEqualTo(4);
    assertThat(chromeVersions.get("131.0.6778.86"))
        .isGreaterThan(chromeVersions.get("109.0.5414.120"));
    assertThat(pcs.stream().flatMap(m -> m.security().software().stream()))
        .anyMatch(s -> s.name().equals("Cốc Cốc"));
  }

  @Test
  void most_pcs_are_protected_and_some_are_not_in_each_way() throws Exception {
    List<SimMachine> pcs = district(42).machines();
    Map<AntiMalware, Long> kinds =
        pcs.stream()
            .collect(Collectors.groupingBy(m -> m.security().antiMalware(), Collectors.counting()));
    assertThat(kinds.get(AntiMalware.PROTECTED)).isGreaterThan(pcs.size() * 7L / 10);
    assertThat(kinds.get(AntiMalware.NONE)).isPositive();
    assertThat(kinds.get(AntiMalware.DISABLED)).isPositive();
    assertThat(kinds.get(AntiMalware.OUT_OF_DATE)).isPositive();
    assertThat(pcs).anyMatch(m -> m.security().daysSinceUpdate() > 60);
    assertThat(pcs).anyMatch(m -> m.security().rebootPending());

    for (SimMachine m : pcs) {
      Inventory.Protection p = m.inventory(NOW).protection();
      boolean good = p.antiMalware().stream().anyMatch(a -> a.enabled() && a.upToDate());
      assertThat(good).as(m.hostname).isEqualTo(m.protectedPc());
    }
  }

  @Test
  void the_expectation_counts_working_protected_pcs_per_unit_subtree() {
    List<UnitRow> tree =
        List.of(
            new UnitRow("d", "Huyện", null, "district", 0),
            new UnitRow("d.a", "Xã A", "d", "commune", 10),
            new UnitRow("d.b", "Xã B", "d", "commune", 4));
    List<Expectation.MachineFacts> facts =
        List.of(
            new Expectation.MachineFacts("d.a", Expectation.State.ONLINE, true, true, true),
            new Expectation.MachineFacts("d.a", Expectation.State.OFFLINE, true, true, true),
            new Expectation.MachineFacts("d.a", Expectation.State.ONLINE, true, true, false),
            new Expectation.MachineFacts("d.a", Expectation.State.STALE, true, true, true),
            new Expectation.MachineFacts("d.b", Expectation.State.ONLINE, true, true, true));
    Map<String, Expectation.UnitFigures> figures =
        Expectation.compute(tree, facts, Expectation.Weights.EQUAL);
    Map<String, Long> protectedByUnit =
        figures.values().stream()
            .collect(
                Collectors.toMap(
                    Expectation.UnitFigures::code, Expectation.UnitFigures::protectedMachines));
    assertThat(protectedByUnit)
        .containsExactlyInAnyOrderEntriesOf(Map.of("d", 3L, "d.a", 2L, "d.b", 1L));
    assertThat(figures.get("d.a").protectionCoverage()).isEqualTo(2.0 / 3);
    assertThat(figures.get("d").protectionCoverage()).isEqualTo(3.0 / 4);
  }

  @Test
  void the_verifier_compares_protected_computers_with_the_collector() {
    List<UnitRow> tree = List.of(new UnitRow("d.a", "Xã A", null, "commune", 2));
    var expected =
        Expectation.compute(
            tree,
            List.of(
                new Expectation.MachineFacts("d.a", Expectation.State.ONLINE, true, true, true),
                new Expectation.MachineFacts("d.a", Expectation.State.ONLINE, true, false, false)),
            Expectation.Weights.EQUAL);
    Map<String, Object> actual = new java.util.HashMap<>();
    var e = expected.get("d.a");
    actual.put("code", "d.a");
    actual.put("staff", 2);
    actual.put("machines", Map.of("online", 2, "offline", 0, "stale", 0));
    actual.put("workingMachines", 2);
    actual.put("internetMachines", 2);
    actual.put("compliantMachines", 1);
    actual.put("equipmentCoverage", e.equipmentCoverage());
    actual.put("connectivityCoverage", e.connectivityCoverage());
    actual.put("compliance", e.compliance());
    actual.put("readinessScore", e.readinessScore());
    actual.put("rank", e.rank());
    actual.put("of", e.of());
    actual.put("protectedMachines", 1);
    actual.put("protectionCoverage", 0.5);
    assertThat(Verifier.differences(expected, List.of(actual))).isEmpty();
    actual.put("protectedMachines", 2);
    actual.put("protectionCoverage", 1.0);
    assertThat(Verifier.differences(expected, List.of(actual)))
        .containsExactly(
            "d.a.protectedMachines: expected 1, collector says 2",
            "d.a.protectionCoverage: expected 0.5, collector says 1.0");
  }
}

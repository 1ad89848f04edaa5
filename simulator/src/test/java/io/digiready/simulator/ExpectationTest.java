package io.digiready.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.simulator.Expectation.MachineFacts;
import io.digiready.simulator.Expectation.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectationTest {

  private static final List<UnitRow> TREE =
      List.of(
          new UnitRow("d", "Huyện", null, "district", 0),
          new UnitRow("d.a", "Xã A", "d", "commune", 10),
          new UnitRow("d.b", "Xã B", "d", "commune", 4));

  private static List<MachineFacts> machines(String unit, int n, State state, int withInternet) {
    List<MachineFacts> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new MachineFacts(unit, state, i < withInternet, true));
    }
    return out;
  }

  @Test
  void staff_10_with_8_working_and_7_online_to_the_internet_gives_0_8_and_0_875() {
    List<MachineFacts> facts = new ArrayList<>(machines("d.a", 6, State.ONLINE, 6));
    facts.addAll(machines("d.a", 2, State.OFFLINE, 1));
    facts.addAll(machines("d.a", 3, State.STALE, 3));

    Map<String, Expectation.UnitFigures> f =
        Expectation.compute(TREE, facts, Expectation.Weights.EQUAL);

    assertThat(f.get("d.a").equipmentCoverage()).isEqualTo(0.8);
    assertThat(f.get("d.a").connectivityCoverage()).isEqualTo(0.875);
    assertThat(f.get("d.a").working()).isEqualTo(8);
    assertThat(f.get("d.a").stale()).isEqualTo(3);
  }

  @Test
  void spare_pcs_in_one_commune_do_not_equip_another_communes_staff() {
    List<MachineFacts> facts = new ArrayList<>(machines("d.a", 5, State.ONLINE, 5));
    facts.addAll(machines("d.b", 9, State.ONLINE, 9));

    var f = Expectation.compute(TREE, facts, Expectation.Weights.EQUAL);

    // district: min(5,10) + min(9,4) = 9 of 14 staff, although 14 PCs are working
    assertThat(f.get("d").equipmentCoverage()).isEqualTo(9.0 / 14);
    assertThat(f.get("d").working()).isEqualTo(14);
    assertThat(f.get("d.b").equipmentCoverage()).isEqualTo(1.0);
  }

  @Test
  void siblings_are_ranked_by_readiness_score_and_a_unit_without_figures_has_no_rank() {
    List<MachineFacts> facts = new ArrayList<>(machines("d.a", 10, State.ONLINE, 10));
    facts.addAll(machines("d.b", 2, State.ONLINE, 1));

    var f = Expectation.compute(TREE, facts, Expectation.Weights.EQUAL);

    assertThat(f.get("d.a").rank()).isEqualTo(1);
    assertThat(f.get("d.b").rank()).isEqualTo(2);
    assertThat(f.get("d.a").of()).isEqualTo(2);
    assertThat(f.get("d").rank()).isEqualTo(1);
    assertThat(f.get("d").of()).isEqualTo(1);

    var empty = Expectation.compute(TREE, List.of(), Expectation.Weights.EQUAL);
    assertThat(empty.get("d.a").connectivityCoverage()).isNull();
    assertThat(empty.get("d.a").equipmentCoverage()).isEqualTo(0.0);
  }

  @Test
  void the_verifier_reports_every_figure_that_differs() {
    var expected =
        Expectation.compute(TREE, machines("d.a", 8, State.ONLINE, 7), Expectation.Weights.EQUAL);
    Map<String, Object> collectorSays =
        Map.of(
            "code",
            "d.a",
            "staff",
            10,
            "machines",
            Map.of("online", 8),
            "workingMachines",
            8,
            "internetMachines",
            6,
            "compliantMachines",
            8,
            "equipmentCoverage",
            0.8,
            "connectivityCoverage",
            0.75,
            "compliance",
            1.0,
            "rank",
            1);

    List<String> problems =
        Verifier.differences(Map.of("d.a", expected.get("d.a")), List.of(collectorSays));

    assertThat(problems)
        .anyMatch(p -> p.startsWith("d.a.internetMachines: expected 7"))
        .anyMatch(p -> p.startsWith("d.a.connectivityCoverage: expected 0.875"))
        .anyMatch(p -> p.startsWith("d.a.readinessScore"))
        .noneMatch(p -> p.startsWith("d.a.staff"));
  }
}

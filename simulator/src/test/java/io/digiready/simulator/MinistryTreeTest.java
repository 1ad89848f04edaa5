package io.digiready.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MinistryTreeTest {
  /** The collector's unit code rule (UnitRules.CODE). */
  static final Pattern CODE = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

  @Test
  void a_ministry_has_63_provinces_about_700_districts_and_the_communes_asked_for() {
    List<UnitRow> rows = MinistryTree.generate(10_000, 1_050_000, 1);

    Map<String, Long> kinds =
        rows.stream().collect(Collectors.groupingBy(UnitRow::kind, Collectors.counting()));
    assertThat(kinds)
        .containsEntry("ministry", 1L)
        .containsEntry("province", 63L)
        .containsEntry("district", 700L)
        .containsEntry("commune", 10_000L);
    long staff = rows.stream().mapToLong(UnitRow::staff).sum();
    assertThat(staff).isBetween(950_000L, 1_150_000L);
    assertThat(rows).allSatisfy(r -> assertThat(r.staff()).isPositive());
  }

  @Test
  void parents_come_before_children_codes_are_unique_and_valid_and_the_tree_is_four_deep() {
    List<UnitRow> rows = MinistryTree.generate(2_000, 200_000, 7);

    Map<String, Integer> depth = new HashMap<>();
    Set<String> codes = new HashSet<>();
    for (UnitRow r : rows) {
      assertThat(CODE.matcher(r.code()).matches()).as(r.code()).isTrue();
      assertThat(codes.add(r.code())).as("unique " + r.code()).isTrue();
      if (r.parent() == null) {
        depth.put(r.code(), 1);
      } else {
        assertThat(depth).as("parent of " + r.code() + " listed before it").containsKey(r.parent());
        depth.put(r.code(), depth.get(r.parent()) + 1);
      }
    }
    assertThat(depth.values().stream().mapToInt(Integer::intValue).max()).hasValue(4);
    assertThat(rows.stream().filter(r -> r.parent() == null)).hasSize(1);
  }

  @Test
  void the_same_seed_gives_the_same_tree_and_the_csv_reads_back() {
    String a = MinistryTree.csv(MinistryTree.generate(1_000, 100_000, 3));
    String b = MinistryTree.csv(MinistryTree.generate(1_000, 100_000, 3));
    String c = MinistryTree.csv(MinistryTree.generate(1_000, 100_000, 4));

    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(UnitRow.parseCsv(a)).isEqualTo(MinistryTree.generate(1_000, 100_000, 3));
  }

  @Test
  void spread_gives_every_bin_at_least_one_and_sums_exactly() {
    Random random = new Random(5);
    for (int[] shape : new int[][] {{700, 63}, {10_000, 700}, {64, 63}, {63, 63}}) {
      int[] bins = MinistryTree.spread(shape[0], shape[1], random);
      assertThat(bins).hasSize(shape[1]);
      assertThat(java.util.Arrays.stream(bins).sum()).isEqualTo(shape[0]);
      assertThat(java.util.Arrays.stream(bins).min().getAsInt()).isPositive();
    }
  }

  @Test
  void a_fleet_spreads_its_machines_over_the_units_by_their_own_staff() {
    List<UnitRow> rows = MinistryTree.generate(1_000, 100_000, 9);
    int[] unitOf = FleetMachines.byStaff(rows, 95_000);

    assertThat(unitOf).hasSize(95_000);
    int[] per = new int[rows.size()];
    for (int u : unitOf) {
      per[u]++;
    }
    long staff = rows.stream().mapToLong(UnitRow::staff).sum();
    for (int u = 0; u < rows.size(); u++) {
      double share = 95_000.0 * rows.get(u).staff() / staff;
      assertThat((double) per[u])
          .as(rows.get(u).code())
          .isBetween(Math.floor(share), Math.ceil(share) + 1);
    }
    for (int i = 1; i < unitOf.length; i++) {
      assertThat(unitOf[i]).isGreaterThanOrEqualTo(unitOf[i - 1]);
    }
  }
}

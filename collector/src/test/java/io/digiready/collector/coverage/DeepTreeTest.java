package io.digiready.collector.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.config.ConfigLoader;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.reports.ReportService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A database written before the depth limit may hold a chain far deeper than any call stack: the
 * roll-up, the export order and the subtree walk must still work, without recursion.
 */
class DeepTreeTest {
  static final int DEPTH = 50_000;

  static Fleet chain() {
    Fleet fleet = new Fleet();
    for (int i = 0; i < DEPTH; i++) {
      fleet.putUnit(
          new Unit(
              "u" + i, "U" + i, i == 0 ? null : "u" + (i - 1), "x", 1, 1.0, 0.98, null, 1.0, null));
    }
    // A cycle that no root reaches: still listed (rolled up from c1), never an endless loop.
    fleet.putUnit(new Unit("c1", "C1", "c2", "x", 1, 1.0, 0.98, null, 1.0, null));
    fleet.putUnit(new Unit("c2", "C2", "c1", "x", 1, 1.0, 0.98, null, 1.0, null));
    return fleet;
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @Test
  void a_50000_deep_chain_is_rolled_up_and_exported_in_tree_order_without_recursion() {
    Fleet fleet = chain();
    var calculator = new CoverageCalculator(ConfigLoader.load(null, Map.of(), Map.of()));
    List<UnitCoverage> all = calculator.compute(fleet, Instant.parse("2026-11-25T03:00:00Z"));
    assertThat(all).hasSize(DEPTH + 2);
    UnitCoverage c1 = all.stream().filter(u -> u.code().equals("c1")).findFirst().orElseThrow();
    assertThat(c1.figures().staff()).isEqualTo(2);
    UnitCoverage root = all.stream().filter(u -> u.code().equals("u0")).findFirst().orElseThrow();
    assertThat(root.figures().staff()).isEqualTo(DEPTH);
    assertThat(root.figures().rank()).isEqualTo(1);

    assertThat(fleet.subtree("u0")).hasSize(DEPTH);
    Clock clock = Clock.systemUTC();
    try (var store =
        new io.digiready.collector.store.SqliteStore(dir.resolve("db"), "NORMAL", false)) {
      var history =
          new io.digiready.collector.history.CoverageHistory(fleet, calculator, store, clock);
      var report =
          new ReportService(fleet, calculator, history, clock)
              .coverage(
                  "u0",
                  null,
                  io.digiready.collector.reports.Language.EN,
                  io.digiready.collector.sheet.FileFormat.CSV);
      assertThat(report.bytes().length).isGreaterThan(DEPTH * 10);
    }
  }
}

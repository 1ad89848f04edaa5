package io.digiready.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.digiready.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code fleet --verify} against an answer recorded from the real collector jar (SQLite, default 60
 * s heartbeat interval): {@code fleet --tree install/demo/units.csv --machines 200
 * --interval-seconds 60 --duration-seconds 15}, then {@code GET /api/v1/units}. Paced at 0.3 s per
 * machine, the first 50 machines (0 to 49) had a heartbeat acknowledged; the other 150 only
 * enrolled.
 */
class FleetVerifyTest {
  private static final Path DEMO = Path.of("../install/demo/units.csv");
  private static final int MACHINES = 200;
  private static final int ACKNOWLEDGED = 50;
  private static final Duration INTERVAL = Duration.ofSeconds(60);

  private static List<Map<String, Object>> recorded() throws IOException {
    try (InputStream in =
        FleetVerifyTest.class.getResourceAsStream(
            "/fleet/demo-200-machines-50-acknowledged.units.json")) {
      return Json.mapper().readValue(in, new TypeReference<>() {});
    }
  }

  private static FleetRun.Plan plan(Path tree, int machines, int units) {
    return new FleetRun.Plan(
        machines, units, "fleet", INTERVAL, INTERVAL, 4, false, null, 1, tree, 0, false);
  }

  private static String[] ids(int n) {
    String[] ids = new String[n];
    Arrays.setAll(ids, i -> "m-" + i);
    return ids;
  }

  /** The recording's machines: the first {@code acknowledged} beat {@code ageMillis} ago. */
  private static Map<String, Expectation.UnitFigures> expected(
      String[] ids, int acknowledged, long ageMillis) throws IOException {
    FleetRun.Plan plan = plan(DEMO, MACHINES, 0);
    List<UnitRow> units = FleetVerify.units(plan);
    long now = 1_800_000_000_000L;
    long[] lastAck = new long[ids.length];
    for (int i = 0; i < acknowledged; i++) {
      lastAck[i] = now - ageMillis;
    }
    return FleetVerify.expected(
        units,
        FleetVerify.facts(
            FleetVerify.unitOf(plan, units), ids, lastAck, now, INTERVAL.multipliedBy(3)));
  }

  @Test
  void the_fleets_own_record_equals_the_recorded_collector_answer_in_every_unit()
      throws IOException {
    var expected = expected(ids(MACHINES), ACKNOWLEDGED, 10_000);

    assertThat(expected).hasSize(15);
    assertThat(Verifier.differences(expected, recorded())).isEmpty();
    Expectation.UnitFigures province = expected.get("dak-lak");
    assertThat(province.online()).isEqualTo(ACKNOWLEDGED);
    assertThat(province.stale()).isEqualTo(MACHINES - ACKNOWLEDGED);
    // machine 0 is the fleet's one machine in 50 without internet among those that beat
    assertThat(province.internet()).isEqualTo(ACKNOWLEDGED - 1);
  }

  @Test
  void one_acknowledged_heartbeat_the_collector_does_not_show_is_a_mismatch_in_its_units()
      throws IOException {
    var expected = expected(ids(MACHINES), ACKNOWLEDGED + 1, 10_000);

    List<String> problems = Verifier.differences(expected, recorded());

    assertThat(problems).anyMatch(p -> p.startsWith("dak-lak.machines.online: expected 51,"));
    assertThat(problems).anyMatch(p -> p.startsWith("dak-lak.machines.stale: expected 149,"));
  }

  @Test
  void a_machine_last_acknowledged_more_than_three_intervals_ago_is_expected_offline()
      throws IOException {
    var expected = expected(ids(MACHINES), ACKNOWLEDGED, INTERVAL.multipliedBy(3).toMillis() + 1);

    assertThat(expected.get("dak-lak").offline()).isEqualTo(ACKNOWLEDGED);
    assertThat(expected.get("dak-lak").online()).isZero();
    assertThat(Verifier.differences(expected, recorded()))
        .anyMatch(p -> p.startsWith("dak-lak.machines.offline: expected 50, collector says 0"));
  }

  @Test
  void a_machine_whose_enrolment_failed_is_not_expected_anywhere() throws IOException {
    String[] ids = ids(MACHINES);
    ids[199] = null;

    var expected = expected(ids, ACKNOWLEDGED, 10_000);

    assertThat(expected.get("dak-lak").stale()).isEqualTo(MACHINES - ACKNOWLEDGED - 1);
  }

  @Test
  void without_a_tree_the_machines_go_round_the_units_below_the_root() throws IOException {
    FleetRun.Plan plan = plan(null, 10, 4);

    List<UnitRow> units = FleetVerify.units(plan);
    String[] unitOf = FleetVerify.unitOf(plan, units);

    assertThat(units).extracting(UnitRow::code).first().isEqualTo("fleet");
    assertThat(units.get(1).parent()).isEqualTo("fleet");
    assertThat(units.get(1).staff()).isEqualTo(2);
    assertThat(unitOf)
        .containsExactly(
            "fleet.u000",
            "fleet.u001",
            "fleet.u002",
            "fleet.u003",
            "fleet.u000",
            "fleet.u001",
            "fleet.u002",
            "fleet.u003",
            "fleet.u000",
            "fleet.u001");
  }

  @Test
  void the_root_line_puts_the_expected_machines_beside_the_collectors() throws IOException {
    var expected = expected(ids(MACHINES), ACKNOWLEDGED, 10_000);

    assertThat(FleetVerify.rootLine(expected.get("dak-lak"), recorded()))
        .isEqualTo(
            "dak-lak: machines (online + offline + stale) expected 200, collector 200;"
                + " online expected 50, collector 50; with internet expected 49, collector 49");
  }
}

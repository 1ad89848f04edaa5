package io.digiready.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code fleet --verify}: every unit's figures as the fleet's own record implies them (which unit
 * each machine was enrolled into, when its last acknowledged heartbeat was sent), worked out with
 * {@link Expectation}'s formulas and compared by {@link Verifier} with {@code GET /api/v1/units}.
 *
 * <p>A fleet machine sends no inventory, so the collector cannot tell it meets the policy (not
 * compliant), sees no anti-malware product (not protected) and no software list (ready only where
 * nothing is required); every 50th machine has no internet ({@link FleetMachines#heartbeat}).
 */
final class FleetVerify {
  private FleetVerify() {}

  /** The units the plan enrolls into: the tree's, or the root and its {@code units} children. */
  static List<UnitRow> units(FleetRun.Plan plan) throws IOException {
    if (plan.tree() != null) {
      return UnitRow.parseCsv(Files.readString(plan.tree(), StandardCharsets.UTF_8));
    }
    List<UnitRow> rows = new ArrayList<>();
    rows.add(new UnitRow(plan.root(), "Tỉnh " + plan.root(), null, "province", 0));
    int staff = Math.max(1, plan.machines() / plan.units());
    for (int u = 0; u < plan.units(); u++) {
      rows.add(new UnitRow(unitCode(plan, u), "Xã " + u, plan.root(), "commune", staff));
    }
    return rows;
  }

  /** Code of the {@code u}-th unit below the root, as {@code fleet} creates it. */
  static String unitCode(FleetRun.Plan plan, int u) {
    return String.format(Locale.ROOT, "%s.u%03d", plan.root(), u);
  }

  /** The unit code of each machine, as {@code prepare} enrolls them. */
  static String[] unitOf(FleetRun.Plan plan, List<UnitRow> units) {
    String[] codes = new String[plan.machines()];
    if (plan.tree() != null) {
      int[] index = FleetMachines.byStaff(units, plan.machines());
      for (int i = 0; i < codes.length; i++) {
        codes[i] = units.get(index[i]).code();
      }
    } else {
      for (int i = 0; i < codes.length; i++) {
        codes[i] = unitCode(plan, i % plan.units());
      }
    }
    return codes;
  }

  /**
   * The state of a machine at {@code nowMillis}: stale without an acknowledged heartbeat, online
   * when its last one was sent within the collector's online window (three heartbeat intervals),
   * else offline. A machine whose enrolment failed ({@code ids[i] == null}) is not counted at all.
   */
  static List<Expectation.MachineFacts> facts(
      String[] unitOf, String[] ids, long[] lastAckSentMillis, long nowMillis, Duration online) {
    List<Expectation.MachineFacts> facts = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == null) {
        continue;
      }
      long last = lastAckSentMillis == null ? 0 : lastAckSentMillis[i];
      Expectation.State state =
          last == 0
              ? Expectation.State.STALE
              : nowMillis - last <= online.toMillis()
                  ? Expectation.State.ONLINE
                  : Expectation.State.OFFLINE;
      facts.add(
          new Expectation.MachineFacts(
              unitOf[i], state, FleetMachines.hasInternet(i), false, false, null));
    }
    return facts;
  }

  /** Expected figures of every unit. */
  static Map<String, Expectation.UnitFigures> expected(
      List<UnitRow> units, List<Expectation.MachineFacts> facts) {
    return Expectation.compute(units, facts, Expectation.Weights.EQUAL);
  }

  /**
   * How many machines were acknowledged within the last interval, only before it, and never: a
   * machine near the online window's edge is where the simulator's clock and the collector's could
   * disagree, so the line says how many there were.
   */
  static String recency(String[] ids, long[] lastAckSentMillis, long nowMillis, Duration interval) {
    long recent = 0;
    long older = 0;
    long never = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == null) {
        continue;
      }
      long last = lastAckSentMillis == null ? 0 : lastAckSentMillis[i];
      if (last == 0) {
        never++;
      } else if (nowMillis - last <= interval.toMillis()) {
        recent++;
      } else {
        older++;
      }
    }
    return String.format(
        Locale.ROOT,
        "%d machines acknowledged within the last interval, %d only before it, %d never",
        recent,
        older,
        never);
  }

  /**
   * {@code GET /api/v1/units}, tried a few times if the collector is briefly unreachable (a soak's
   * last fault may have just ended).
   */
  static List<Map<String, Object>> fetchUnits(CollectorClient client) throws InterruptedException {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        return client.units();
      } catch (RuntimeException e) {
        last = e;
        Thread.sleep(3000);
      }
    }
    throw last;
  }

  /** A root unit's machines as expected and as the collector answers them, side by side. */
  static String rootLine(Expectation.UnitFigures e, List<Map<String, Object>> actual) {
    Map<String, Object> got =
        actual.stream().filter(u -> e.code().equals(u.get("code"))).findFirst().orElse(Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> states = (Map<String, Object>) got.getOrDefault("machines", Map.of());
    long gotEnrolled = 0;
    for (String s : List.of("online", "offline", "stale")) {
      gotEnrolled += ((Number) states.getOrDefault(s, 0)).longValue();
    }
    return String.format(
        Locale.ROOT,
        "%s: machines (online + offline + stale) expected %d, collector %d; online expected %d,"
            + " collector %s; with internet expected %d, collector %s",
        e.code(),
        e.online() + e.offline() + e.stale(),
        gotEnrolled,
        e.online(),
        states.getOrDefault("online", 0),
        e.internet(),
        got.get("internetMachines"));
  }
}

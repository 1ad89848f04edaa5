package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probe results with and without a latency, of machines in two units, in one writer group and added
 * to the day's rows an earlier group left: successes, failures, latency count and sum are sums; the
 * latency maximum is the largest latency seen, and stays unknown (NULL) only while no result of
 * that unit and target had one.
 */
@Contract
class ProbeSumsGroupTest {
  @TempDir Path dir;

  private static final String WEB = "https://dichvucong.gov.vn";
  private static final String LAN = "collector.lan:8080";

  /**
   * successes, failures, latency count, latency sum, latency max (null: none) per "unit target".
   */
  private final Map<String, Long[]> expected = new TreeMap<>();

  private Map<String, Object> probe(String unit, String target, boolean ok, Long latencyMillis) {
    Long[] sums =
        expected.computeIfAbsent(unit + " " + target, k -> new Long[] {0L, 0L, 0L, 0L, null});
    sums[ok ? 0 : 1]++;
    if (latencyMillis != null) {
      sums[2]++;
      sums[3] += latencyMillis;
      sums[4] = sums[4] == null ? latencyMillis : Math.max(sums[4], latencyMillis);
    }
    boolean web = target.equals(WEB);
    return Fixtures.map(
        "target", target,
        "kind", web ? "http" : "tcp",
        "internet", web,
        "ok", ok,
        "latencyMillis", latencyMillis,
        "error", ok ? null : "timeout",
        "detail", null);
  }

  private static Map<String, Object> beat(
      TestCollector c, Agent pc, long seq, List<Map<String, Object>> probes) {
    Map<String, Object> h = Fixtures.heartbeat(pc.machineId(), seq, c.clock.instant(), true);
    h.put("probes", new ArrayList<>(probes));
    return Fixtures.map("heartbeats", new ArrayList<>(List.of(h)));
  }

  @Test
  void probe_sums_and_latency_maximum_of_two_units_in_one_group_are_exact() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      c.createUnit("a", "Xã A", null, "commune", 2);
      c.createUnit("b", "Xã B", null, "commune", 2);
      Agent one = c.enroll(c.enrollmentToken("a"), "PC-1", "uuid-1", "sn-1", "os-1");
      Agent two = c.enroll(c.enrollmentToken("a"), "PC-2", "uuid-2", "sn-2", "os-2");
      Agent other = c.enroll(c.enrollmentToken("b"), "PC-3", "uuid-3", "sn-3", "os-3");
      c.clock.set(TestCollector.START.plus(Duration.ofMinutes(5)));

      // An earlier group: a's rows without any latency, b's web row with one.
      for (Http.Answer a :
          List.of(
              c.http.post(
                  "/api/v1/heartbeats",
                  one.token(),
                  beat(
                      c,
                      one,
                      1,
                      List.of(probe("a", WEB, false, null), probe("a", LAN, false, null)))),
              c.http.post(
                  "/api/v1/heartbeats",
                  other.token(),
                  beat(
                      c,
                      other,
                      1,
                      List.of(probe("b", WEB, true, 50L), probe("b", LAN, false, null)))))) {
        assertThat(a.json().get("accepted").asInt()).as(a.body()).isEqualTo(1);
      }

      c.clock.set(TestCollector.START.plus(Duration.ofMinutes(10)));
      List<Map<String, Object>> bodies = new ArrayList<>();
      List<Agent> senders = new ArrayList<>();
      senders.add(one);
      bodies.add(beat(c, one, 2, List.of(probe("a", WEB, true, 120L), probe("a", LAN, true, 4L))));
      senders.add(one);
      bodies.add(
          beat(c, one, 3, List.of(probe("a", WEB, true, 80L), probe("a", LAN, false, null))));
      senders.add(two);
      bodies.add(
          beat(c, two, 1, List.of(probe("a", WEB, true, 200L), probe("a", LAN, true, null))));
      senders.add(other);
      bodies.add(
          beat(c, other, 2, List.of(probe("b", WEB, false, null), probe("b", LAN, true, 7L))));

      List<CompletableFuture<Http.Answer>> answers = new ArrayList<>();
      try (HeldWriter held = new HeldWriter(c)) {
        for (int i = 0; i < bodies.size(); i++) {
          Agent pc = senders.get(i);
          Map<String, Object> body = bodies.get(i);
          answers.add(
              held.sendAndAwait(
                  () -> c.http.post("/api/v1/heartbeats", pc.token(), body),
                  label -> label.startsWith("heartbeat "),
                  i + 1));
        }
        held.release();
      }
      for (CompletableFuture<Http.Answer> f : answers) {
        Http.Answer a = f.get(30, TimeUnit.SECONDS);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("accepted").asInt()).isEqualTo(1);
      }

      Map<String, String> want = new TreeMap<>();
      expected.forEach(
          (key, s) -> want.put(key, s[0] + "/" + s[1] + "/" + s[2] + "/" + s[3] + "/" + s[4]));
      Map<String, String> stored = new TreeMap<>();
      for (String row :
          GroupFigures.rows(
              c,
              "SELECT k.unit_code, t.target, p.successes, p.failures, p.latency_count,"
                  + " p.latency_sum, p.latency_max FROM unit_probe_days p"
                  + " JOIN unit_keys k ON k.uid = p.uid"
                  + " JOIN probe_targets t ON t.target_id = p.target_id")) {
        String[] f = row.split("\\|");
        stored.put(f[0] + " " + f[1], String.join("/", List.of(f).subList(2, 7)));
      }
      assertThat(stored).isEqualTo(want);
      // Sanity of the expectation itself: both maximum rules are exercised.
      assertThat(want.get("a " + LAN)).as("NULL, then 4").endsWith("/4");
      assertThat(want.get("b " + WEB)).as("50, then none").endsWith("/50");

      // As the store reads them: the day's maximum and mean per unit and target.
      var day = java.time.LocalDate.ofInstant(c.clock.instant(), java.time.ZoneOffset.UTC);
      Map<String, String> read = new TreeMap<>();
      for (String unit : List.of("a", "b")) {
        for (var d : c.collector.services().store().unitProbeDays(List.of(unit), day, day)) {
          read.put(
              unit + " " + d.probe().target(),
              d.probe().successes()
                  + "/"
                  + d.probe().failures()
                  + "/"
                  + d.probe().maxLatencyMillis());
        }
      }
      Map<String, String> wantRead = new TreeMap<>();
      expected.forEach((key, s) -> wantRead.put(key, s[0] + "/" + s[1] + "/" + s[4]));
      assertThat(read).isEqualTo(wantRead);
    }
  }
}

package io.digiready.collector.bench;

import io.digiready.collector.config.ConfigLoader;
import io.digiready.collector.coverage.CoverageCalculator;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.metrics.DigireadyMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * How long {@code GET /api/v1/units}'s computation and a {@code /metrics} scrape take for a fleet
 * of N machines in U units, in process (no HTTP), best of several rounds. Arguments: N (100000), U
 * (100). Run with the test classpath, see collector/bench/README.md.
 */
public final class FleetFigures {
  private FleetFigures() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int unitCount = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Instant now = Instant.parse("2026-11-25T03:00:00Z");
    var config = ConfigLoader.load(null, Map.of(), Map.of());
    Fleet fleet = new Fleet();
    fleet.putUnit(new Unit("p", "Tỉnh", null, "province", 0, 1, 0.98, null, 1.0, null));
    for (int u = 0; u < unitCount; u++) {
      fleet.putUnit(
          new Unit("p.u" + u, "Xã " + u, "p", "commune", n / unitCount, 1, 0.98, null, 1.0, null));
    }
    for (int i = 0; i < n; i++) {
      Instant seen = now.minusSeconds(i % 7 == 0 ? 3600 : 30);
      fleet.putMachine(
          new Machine(
              "m-" + i,
              "p.u" + (i % unitCount),
              "hash" + i,
              now.minusSeconds(86_400),
              null,
              new Machine.Identity("PC-" + i, null, null, null, null, null),
              new Machine.Liveness(
                  seen,
                  seen,
                  100,
                  0,
                  i % 50 != 0,
                  seen,
                  2L,
                  3_000_000_000L,
                  50_000_000_000L,
                  120_000_000_000L,
                  null,
                  null),
              new Machine.Hardware(
                  8_589_934_592L,
                  4,
                  "Intel(R) Core(TM) i5-8500 CPU @ 3.00GHz",
                  "Windows",
                  i % 13 == 0 ? "7 Professional" : "10 Pro 22H2",
                  now,
                  new Machine.AntiMalware(
                      i % 20 == 0
                          ? Machine.AntiMalware.State.OUT_OF_DATE
                          : Machine.AntiMalware.State.PROTECTED,
                      "Windows Defender"),
                  now.minusSeconds(86_400L * (i % 90)),
                  null,
                  null),
              null));
    }
    CoverageCalculator coverage = new CoverageCalculator(config);
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    DigireadyMetrics metrics =
        new DigireadyMetrics(
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            fleet,
            coverage,
            () -> true,
            clock);
    DigireadyMetrics unitsOnly =
        new DigireadyMetrics(
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            fleet,
            coverage,
            () -> false,
            clock);
    long bestUnits = Long.MAX_VALUE;
    long bestMetrics = Long.MAX_VALUE;
    long bestUnitMetrics = Long.MAX_VALUE;
    long[] bytes = new long[1];
    OutputStream sink =
        new OutputStream() {
          @Override
          public void write(int b) {
            bytes[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            bytes[0] += len;
          }
        };
    for (int round = 0; round < 8; round++) {
      long t0 = System.nanoTime();
      coverage.compute(fleet, now);
      long t1 = System.nanoTime();
      bytes[0] = 0;
      metrics.scrape(sink);
      long t2 = System.nanoTime();
      unitsOnly.scrape(sink);
      long t3 = System.nanoTime();
      bestUnits = Math.min(bestUnits, t1 - t0);
      bestMetrics = Math.min(bestMetrics, t2 - t1);
      bestUnitMetrics = Math.min(bestUnitMetrics, t3 - t2);
    }
    System.out.printf(
        "%d machines, %d units: coverage %.1f ms, /metrics with per-machine series %.1f ms,"
            + " without %.1f ms (best of 8)%n",
        n, unitCount, bestUnits / 1e6, bestMetrics / 1e6, bestUnitMetrics / 1e6);
  }
}

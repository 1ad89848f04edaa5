package io.digiready.simulator;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point: {@code district} plays a modelled district, {@code load} measures throughput, {@code
 * fleet} plays a province of up to 100,000 PCs, {@code tree} writes a ministry's unit tree.
 */
@Command(
    name = "digiready-simulator",
    mixinStandardHelpOptions = true,
    versionProvider = SimulatorMain.Version.class,
    subcommands = {
      SimulatorMain.DistrictCommand.class,
      SimulatorMain.LoadCommand.class,
      FleetCommand.class,
      TreeCommand.class
    },
    description = "Plays many agents against a digiready collector over its real HTTP API.")
public final class SimulatorMain implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulatorMain()).execute(args));
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.err);
    return 2;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SimulatorMain.class.getPackage().getImplementationVersion();
      return new String[] {"digiready-simulator " + (v == null ? "dev" : v)};
    }
  }

  /** Where the collector is and how to reach its admin API. */
  static class Target {
    @Option(names = "--collector", required = true, description = "collector base URL")
    URI collector;

    @Option(
        names = "--admin-token-file",
        description = "file holding the admin token (default: $DIGIREADY_ADMIN_TOKEN)")
    Path adminTokenFile;

    CollectorClient client() throws java.io.IOException {
      return new CollectorClient(collector, adminToken());
    }

    String adminToken() throws java.io.IOException {
      String token =
          adminTokenFile != null
              ? Files.readString(adminTokenFile, StandardCharsets.UTF_8).strip()
              : System.getenv("DIGIREADY_ADMIN_TOKEN");
      if (token == null || token.isBlank()) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "adminToken: give --admin-token-file or DIGIREADY_ADMIN_TOKEN");
      }
      return token;
    }
  }

  @Command(
      name = "district",
      mixinStandardHelpOptions = true,
      description =
          "Models a district (office hours, a commune without internet, PCs below the policy,"
              + " gone PCs, a reimaged PC, a cloned pair), prints the coverage it expects and,"
              + " with --verify, compares it with GET /api/v1/units. Use a fresh collector.")
  static final class DistrictCommand implements Callable<Integer> {
    @CommandLine.Mixin Target target = new Target();

    @Option(names = "--units", required = true, description = "unit CSV (imported when absent)")
    Path units;

    @Option(names = "--machines", defaultValue = "60", description = "PCs in the district")
    int machines;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(
        names = "--working-window-seconds",
        description =
            "the collector's working window in seconds; when given, some PCs are made stale"
                + " (run the collector with the same window)")
    Long workingWindowSeconds;

    @Option(names = "--verify", description = "exit 1 unless the collector's figures match")
    boolean verify;

    @Option(names = "--keep-beating", description = "after the run, keep the online PCs beating")
    boolean keepBeating;

    @Option(names = "--ack-log", description = "file to record every acknowledged heartbeat")
    Path ackLog;

    @Option(
        names = "--keep-beating-minutes",
        defaultValue = "0",
        description =
            "with --keep-beating: stop after this many minutes and, with --verify, compare the"
                + " figures again; a heartbeat that fails meanwhile is counted, not fatal (a soak"
                + " kills collectors); 0 beats until stopped")
    int keepBeatingMinutes;

    @Override
    public Integer call() throws Exception {
      PrintStream out = System.out;
      CollectorClient client = target.client();
      String csv = Files.readString(units, StandardCharsets.UTF_8);
      List<UnitRow> rows = UnitRow.parseCsv(csv);
      importWhenAbsent(client, csv, rows, out);
      District district = District.generate(rows, machines, seed, workingWindowSeconds != null);
      try (AckLog acks = new AckLog(ackLog)) {
        ScenarioRun run = new ScenarioRun(client, district, Clock.systemUTC(), seed, out, acks);
        Duration window =
            workingWindowSeconds == null ? null : Duration.ofSeconds(workingWindowSeconds);
        Map<SimMachine, Expectation.State> states = run.play(window, s -> {});
        List<Expectation.MachineFacts> facts = new ArrayList<>();
        states.forEach(
            (m, state) ->
                facts.add(
                    new Expectation.MachineFacts(
                        m.unit,
                        state,
                        !m.lineDown,
                        !m.belowPolicy(),
                        m.protectedPc(),
                        m.softwareNames())));
        var expected = Expectation.compute(rows, facts, Expectation.Weights.EQUAL);
        printExpectation(expected, district, out);
        int status = 0;
        if (verify) {
          List<String> problems = Verifier.differences(expected, client.units());
          problems.forEach(p -> out.println("MISMATCH " + p));
          out.println(
              problems.isEmpty()
                  ? "verify: every unit matches the expectation (" + expected.size() + " units)"
                  : "verify: " + problems.size() + " differences");
          status = problems.isEmpty() ? 0 : 1;
        }
        if (keepBeating) {
          var on =
              district.machines().stream()
                  .filter(m -> states.get(m) == Expectation.State.ONLINE)
                  .toList();
          Instant stopAt =
              keepBeatingMinutes > 0 ? Instant.now().plusSeconds(60L * keepBeatingMinutes) : null;
          var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
          long failed = 0;
          while (stopAt == null || Instant.now().isBefore(stopAt)) {
            Instant round = Instant.now();
            if (stopAt == null) {
              run.beatOnce(on, pool);
            } else {
              failed += run.beatOnceCounting(on, pool, out);
            }
            Thread.sleep(
                Math.max(
                    0,
                    round.plusSeconds(run.intervalSeconds()).toEpochMilli()
                        - System.currentTimeMillis()));
          }
          pool.shutdown();
          out.println("keep-beating: " + failed + " heartbeats failed (not acknowledged)");
          if (verify) {
            List<String> problems = Verifier.differences(expected, client.units());
            problems.forEach(p -> out.println("MISMATCH at the end " + p));
            out.println(
                problems.isEmpty()
                    ? "verify at the end: every unit matches the expectation"
                    : "verify at the end: " + problems.size() + " differences");
            status = problems.isEmpty() ? status : 1;
          }
        }
        return status;
      }
    }
  }

  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description = "Sends heartbeat batches at a rate and prints throughput and latency.")
  static final class LoadCommand implements Callable<Integer> {
    @CommandLine.Mixin Target target = new Target();

    @Option(names = "--unit", required = true, description = "existing unit to enroll into")
    String unit;

    @Option(names = "--machines", defaultValue = "100")
    int machines;

    @Option(names = "--rate", defaultValue = "0", description = "heartbeats/s in all; 0: unlimited")
    double rate;

    @Option(names = "--duration-seconds", defaultValue = "30")
    long durationSeconds;

    @Option(names = "--batch-size", defaultValue = "1")
    int batchSize;

    @Option(names = "--threads", defaultValue = "8")
    int threads;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Option(names = "--ack-log", description = "file to record every acknowledged heartbeat")
    Path ackLog;

    @Override
    public Integer call() throws Exception {
      try (AckLog acks = new AckLog(ackLog)) {
        var plan =
            new LoadRun.Plan(
                machines,
                rate,
                Duration.ofSeconds(durationSeconds),
                batchSize,
                threads,
                unit,
                seed);
        var result = new LoadRun(target.client(), Clock.systemUTC(), System.out, acks).run(plan);
        System.out.println("load: " + result.summary());
        return result.failures() == 0 ? 0 : 1;
      }
    }
  }

  private static void importWhenAbsent(
      CollectorClient client, String csv, List<UnitRow> rows, PrintStream out) {
    var existing = client.units().stream().map(u -> (String) u.get("code")).toList();
    if (rows.stream().allMatch(r -> existing.contains(r.code()))) {
      out.println("units already present: " + rows.size());
      return;
    }
    client.importUnits(csv);
    out.println("imported " + rows.size() + " units");
  }

  private static void printExpectation(
      Map<String, Expectation.UnitFigures> expected, District district, PrintStream out) {
    out.printf(
        "district: %d PCs, line down in %s, reimaged %s, cloned pair %s + %s%n",
        district.machines().size(),
        district.lineDownUnit,
        district.reimaged.hostname,
        district.cloneOriginal.hostname,
        district.cloneCopy.hostname);
    out.printf(
        Locale.ROOT,
        "%-40s %5s %6s %7s %5s %8s %9s %9s %8s %12s %10s %9s %6s%n",
        "unit",
        "staff",
        "online",
        "offline",
        "stale",
        "internet",
        "compliant",
        "protected",
        "software",
        "equipment",
        "connect.",
        "score",
        "rank");
    for (var f : expected.values()) {
      out.printf(
          Locale.ROOT,
          "%-40s %5d %6d %7d %5d %8d %9d %9d %8s %12s %10s %9s %6s%n",
          f.code(),
          f.staff(),
          f.online(),
          f.offline(),
          f.stale(),
          f.internet(),
          f.compliant(),
          f.protectedMachines(),
          f.softwareReady() == null ? "-" : f.softwareReady().toString(),
          ratio(f.equipmentCoverage()),
          ratio(f.connectivityCoverage()),
          ratio(f.readinessScore()),
          f.rank() == null ? "-" : f.rank() + "/" + f.of());
    }
  }

  private static String ratio(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }
}

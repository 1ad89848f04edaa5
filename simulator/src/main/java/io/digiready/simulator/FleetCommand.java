package io.digiready.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleet}: a province of machines from one process, for the 100,000-PC run, or a ministry's
 * tree ({@code --tree}) for the million-PC run.
 */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description = {
      "Enrolls N machines into a root unit and U units below it (or reuses them from --state),",
      "then sends one heartbeat per machine per interval, or as many as the collector takes",
      "(--max-rate), with at most --connections requests in flight. Exit 1 on any error."
    })
final class FleetCommand implements Callable<Integer> {
  @CommandLine.Mixin SimulatorMain.Target target = new SimulatorMain.Target();

  @Option(
      names = "--machines",
      defaultValue = "100000",
      description = "machines (default: ${DEFAULT-VALUE})")
  int machines;

  @Option(
      names = "--units",
      defaultValue = "100",
      description = "units below the root (default: ${DEFAULT-VALUE})")
  int units;

  @Option(
      names = "--root",
      defaultValue = "fleet",
      description = "code of the root unit (default: ${DEFAULT-VALUE})")
  String root;

  @Option(
      names = "--interval-seconds",
      defaultValue = "60",
      description = "heartbeat interval of every machine (default: ${DEFAULT-VALUE})")
  int intervalSeconds;

  @Option(
      names = "--duration-seconds",
      defaultValue = "600",
      description = "how long to send heartbeats; 0 only enrolls (default: ${DEFAULT-VALUE})")
  int durationSeconds;

  @Option(
      names = "--connections",
      defaultValue = "64",
      description = "requests in flight at most (default: ${DEFAULT-VALUE})")
  int connections;

  @Option(names = "--max-rate", description = "send as fast as the collector answers")
  boolean maxRate;

  @Option(names = "--state", description = "file keeping the enrolled machines' ids and tokens")
  Path state;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the fingerprints")
  long seed;

  @Option(
      names = "--tree",
      description = {
        "unit CSV to import instead of --root/--units (see the tree command); every unit gets",
        "machines in proportion to its own staff"
      })
  Path tree;

  @Option(
      names = "--window-seconds",
      defaultValue = "0",
      description = "also print latency percentiles per window of this many seconds (UTC-aligned)")
  int windowSeconds;

  @Option(names = "--ack-log", description = "file to record every acknowledged heartbeat")
  Path ackLog;

  @Option(
      names = "--keep-going",
      description = {
        "a heartbeat not acknowledged (an error status, a refused or cut connection) is counted,",
        "not an error: the answers of each --window-seconds (else each interval) are printed as",
        "they come, failures by kind; only an answer 500 or a failed --verify makes exit 1"
      })
  boolean keepGoing;

  @Option(
      names = "--verify",
      description = {
        "at the end, compare every unit's figures (GET /api/v1/units) with what the fleet's own",
        "record implies; needs a fresh collector whose heartbeat interval is --interval-seconds"
      })
  boolean verify;

  @Override
  public Integer call() throws Exception {
    var plan =
        new FleetRun.Plan(
            machines,
            units,
            root,
            Duration.ofSeconds(intervalSeconds),
            Duration.ofSeconds(durationSeconds),
            connections,
            maxRate,
            state,
            seed,
            tree,
            windowSeconds,
            keepGoing);
    FleetRun run = new FleetRun(target.collector, target.adminToken(), System.out);
    // only with --ack-log: fleet.sh's million PCs would not fit an AckLog's per-machine maps
    try (AckLog acks = ackLog == null ? null : new AckLog(ackLog)) {
      boolean errors = false;
      FleetRun.Result enrolled = run.prepare(plan);
      if (enrolled != null) {
        System.out.println(enrolled.summary());
        // keeping going, a machine that enrolled at its second try is no error
        errors |= keepGoing ? run.unenrolled() > 0 : !enrolled.errors().isEmpty();
      }
      if (durationSeconds > 0) {
        FleetRun.Result beats = run.beat(plan, acks);
        System.out.println(beats.summary());
        beats.windows().forEach(w -> System.out.println(w.summary()));
        errors |= keepGoing ? beats.errors().containsKey("HTTP 500") : !beats.errors().isEmpty();
      }
      if (verify) {
        errors |= !verify(plan, run);
      }
      return errors ? 1 : 0;
    } finally {
      run.close();
    }
  }

  /** Prints the comparison; true when every unit matches. */
  private boolean verify(FleetRun.Plan plan, FleetRun run) throws Exception {
    var units = FleetVerify.units(plan);
    long now = System.currentTimeMillis();
    var facts =
        FleetVerify.facts(
            FleetVerify.unitOf(plan, units),
            run.ids(),
            run.lastAckSentMillis(),
            now,
            plan.interval().multipliedBy(3));
    var expected = FleetVerify.expected(units, facts);
    System.out.println(
        "verify: " + FleetVerify.recency(run.ids(), run.lastAckSentMillis(), now, plan.interval()));
    var actual = FleetVerify.fetchUnits(target.client());
    for (UnitRow top : units) {
      if (top.parent() == null) {
        System.out.println("verify: " + FleetVerify.rootLine(expected.get(top.code()), actual));
      }
    }
    List<String> problems = Verifier.differences(expected, actual);
    problems.forEach(p -> System.out.println("MISMATCH " + p));
    System.out.println(
        problems.isEmpty()
            ? "verify: every unit matches the expectation (" + expected.size() + " units)"
            : "verify: " + problems.size() + " differences");
    return problems.isEmpty();
  }
}

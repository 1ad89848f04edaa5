package io.digiready.collector.metrics;

import io.digiready.protocol.ProbeError;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeResult;
import io.digiready.protocol.ProbeTarget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code digiready_probe_results_total{unit,target,kind,outcome}} and {@code
 * digiready_probe_latency_seconds{target,kind}}: the probe results of stored heartbeats, per
 * target.
 *
 * <p>Every label stays bounded whatever agents send: a target the collector did not hand out (an
 * old agent config, a LAN target typed by hand) is {@code target="other"}, and an error kind this
 * collector does not know (a newer agent) is {@code outcome="error"}. The latency histogram has no
 * {@code unit} label: per target and kind it is a handful of series, per unit it would be
 * thousands.
 */
public final class ProbeMetrics implements MeterBinder {
  public static final String OTHER_TARGET = "other";
  public static final String OK = "ok";
  public static final String UNKNOWN_ERROR = "error";

  static final Set<String> ERRORS =
      Set.of(
          ProbeError.DNS_FAILURE,
          ProbeError.TIMEOUT,
          ProbeError.REFUSED,
          ProbeError.TLS_ERROR,
          ProbeError.HTTP_STATUS,
          ProbeError.PROXY_ERROR,
          ProbeError.NETWORK_ERROR);

  /** 5 ms (a DNS answer from the office router) to 10 s (past every agent timeout). */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
  };

  private MeterRegistry registry;
  private final Set<String> central = new HashSet<>();

  // Looked up once per label set: building and registering a meter for every probe of every
  // heartbeat cost a third of the batched ingest rate. The label values are bounded, so are these.
  private final Map<String, Counter> results = new ConcurrentHashMap<>();
  private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

  /**
   * Targets other than {@code centralTargets} (the collector's {@code probeTargets}) are "other".
   */
  public ProbeMetrics(List<ProbeTarget> centralTargets) {
    for (ProbeTarget t : centralTargets) {
      central.add(key(t.kind(), t.target()));
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts the probes of heartbeats that were stored; never call it for duplicates. */
  public void record(String unit, List<ProbeResult> probes) {
    for (ProbeResult p : probes) {
      String kind = p.kind().name().toLowerCase(Locale.ROOT);
      String target = central.contains(key(p.kind(), p.target())) ? p.target() : OTHER_TARGET;
      boolean ok = Boolean.TRUE.equals(p.ok());
      String outcome = outcome(p);
      results
          .computeIfAbsent(
              unit + '\n' + target + '\n' + kind + '\n' + outcome,
              k ->
                  Counter.builder(MetricNames.PROBE_RESULTS)
                      .description(
                          "Probe results of stored heartbeats by the machine's unit, target and"
                              + " outcome")
                      .tag("unit", unit)
                      .tag("target", target)
                      .tag("kind", kind)
                      .tag("outcome", outcome)
                      .register(registry))
          .increment();
      if (ok && p.latencyMillis() != null) {
        latencies
            .computeIfAbsent(
                target + '\n' + kind,
                k ->
                    Timer.builder(MetricNames.PROBE_LATENCY)
                        .description("Latency of successful probes by target")
                        .tag("target", target)
                        .tag("kind", kind)
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
            .record(Duration.ofMillis(p.latencyMillis()));
      }
    }
  }

  static String outcome(ProbeResult p) {
    if (Boolean.TRUE.equals(p.ok())) {
      return OK;
    }
    return p.error() != null && ERRORS.contains(p.error()) ? p.error() : UNKNOWN_ERROR;
  }

  private static String key(ProbeKind kind, String target) {
    return kind + " " + target;
  }
}

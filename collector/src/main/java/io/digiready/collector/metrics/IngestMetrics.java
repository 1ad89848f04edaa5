package io.digiready.collector.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code digiready_reports_received_total{kind,outcome}} and the heartbeat batch sizes. */
public final class IngestMetrics implements MeterBinder {
  private MeterRegistry registry;
  private DistributionSummary batchSize;
  private Counter rateLimited;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    this.batchSize =
        DistributionSummary.builder(MetricNames.INGEST_BATCH_SIZE)
            .description("Heartbeats per accepted heartbeat request")
            .register(registry);
    this.rateLimited =
        Counter.builder(MetricNames.HEARTBEATS_RATE_LIMITED)
            .description(
                "Heartbeats refused with 429 because their machine sent more than its interval"
                    + " allows")
            .register(registry);
  }

  /** kind: enroll, inventory, heartbeat; outcome: accepted, duplicate, changed, unchanged. */
  public void report(String kind, String outcome) {
    add(kind, outcome, 1);
  }

  private void add(String kind, String outcome, long count) {
    if (count > 0) {
      counters
          .computeIfAbsent(
              kind + '\n' + outcome,
              k ->
                  Counter.builder(MetricNames.REPORTS_RECEIVED)
                      .description("Reports received by kind and outcome")
                      .tag("kind", kind)
                      .tag("outcome", outcome)
                      .register(registry))
          .increment(count);
    }
  }

  public void heartbeats(int batch, int accepted, int duplicates) {
    batchSize.record(batch);
    add("heartbeat", "accepted", accepted);
    add("heartbeat", "duplicate", duplicates);
  }

  /** A batch refused for its rate: nothing of it was stored. */
  public void heartbeatsRateLimited(int batch) {
    rateLimited.increment(batch);
  }

  public void inventory(String outcome) {
    report("inventory", outcome);
  }
}

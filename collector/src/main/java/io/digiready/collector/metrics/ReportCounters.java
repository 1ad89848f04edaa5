package io.digiready.collector.metrics;

import io.digiready.protocol.ProbeTarget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/** {@code digiready_reports_received_total{kind,outcome}} and the ingest batch sizes. */
public final class ReportCounters {
  private final MeterRegistry registry;
  private final DistributionSummary batchSize;

  public ReportCounters(MeterRegistry registry) {
    this.registry = registry;
    this.batchSize =
        DistributionSummary.builder("digiready.ingest.batch.size")
            .description("Heartbeats per accepted heartbeat request")
            .register(registry);
  }

  /** kind: enroll, inventory, heartbeat; outcome: accepted, duplicate, changed, rejected, ... */
  public void report(String kind, String outcome) {
    add(kind, outcome, 1);
  }

  public void add(String kind, String outcome, long count) {
    if (count > 0) {
      Counter.builder("digiready.reports.received")
          .description("Reports received by kind and outcome")
          .tag("kind", kind)
          .tag("outcome", outcome)
          .register(registry)
          .increment(count);
    }
  }

  public void heartbeats(int batch, int accepted, int duplicates) {
    batchSize.record(batch);
    add("heartbeat", "accepted", accepted);
    add("heartbeat", "duplicate", duplicates);
  }

  public void inventory(String outcome) {
    report("inventory", outcome);
  }

  /**
   * Per-target probe counters in the same registry; targets outside {@code central} are "other".
   */
  public ProbeMetrics probeMetrics(List<ProbeTarget> central) {
    return new ProbeMetrics(registry, central);
  }
}

package io.digiready.collector.metrics;

/**
 * Every metric name the collector exports, in one place with one prefix. Micrometer turns dots into
 * underscores and adds {@code _total} to counters and base units ({@code _seconds}) to timers, so
 * {@code digiready.reports.received} is {@code digiready_reports_received_total} in Prometheus.
 * Label values stay bounded: unit codes, machine ids (switchable), fixed words.
 */
public final class MetricNames {
  public static final String PREFIX = "digiready.";

  public static final String UNIT_INFO = PREFIX + "unit.info";
  public static final String UNIT_STAFF = PREFIX + "unit.staff";
  public static final String UNIT_MACHINES = PREFIX + "unit.machines";
  public static final String UNIT_INTERNET_MACHINES = PREFIX + "unit.internet.machines";
  public static final String UNIT_COMPLIANT_MACHINES = PREFIX + "unit.compliant.machines";
  public static final String UNIT_EQUIPMENT_COVERAGE = PREFIX + "unit.equipment.coverage.ratio";
  public static final String UNIT_CONNECTIVITY_COVERAGE =
      PREFIX + "unit.connectivity.coverage.ratio";
  public static final String UNIT_COMPLIANCE = PREFIX + "unit.compliance.ratio";
  public static final String UNIT_READINESS = PREFIX + "unit.readiness.score";
  public static final String UNIT_EQUIPMENT_TARGET = PREFIX + "unit.equipment.target.ratio";
  public static final String UNIT_CONNECTIVITY_TARGET = PREFIX + "unit.connectivity.target.ratio";
  public static final String UNIT_PROTECTED_MACHINES = PREFIX + "unit.protected.machines";
  public static final String UNIT_PROTECTION_COVERAGE = PREFIX + "unit.protection.coverage.ratio";
  public static final String UNIT_PROTECTION_TARGET = PREFIX + "unit.protection.target.ratio";
  public static final String UNIT_SOFTWARE_READY_MACHINES = PREFIX + "unit.software.ready.machines";
  public static final String UNIT_SOFTWARE_COVERAGE = PREFIX + "unit.software.coverage.ratio";
  public static final String UNIT_SOFTWARE_TARGET = PREFIX + "unit.software.target.ratio";

  /** Not "office_hours" as in the design: promtool reads a "_hours" suffix as a non-base unit. */
  public static final String UNIT_OFFICE_OPEN = PREFIX + "unit.office.open";

  public static final String MACHINE_UP = PREFIX + "machine.up";
  public static final String MACHINE_LAST_SEEN = PREFIX + "machine.last.seen.timestamp.seconds";
  public static final String MACHINE_INTERNET_UP = PREFIX + "machine.internet.up";
  public static final String MACHINE_INFO = PREFIX + "machine.info";
  public static final String MACHINE_COMPLIANT = PREFIX + "machine.compliant";
  public static final String MACHINE_POLICY_FAILING = PREFIX + "machine.policy.failing";

  public static final String REPORTS_RECEIVED = PREFIX + "reports.received";
  public static final String INGEST_BATCH_SIZE = PREFIX + "ingest.batch.size";

  /** Heartbeats refused with 429 because their machine sent faster than its interval allows. */
  public static final String HEARTBEATS_RATE_LIMITED = PREFIX + "heartbeats.rate.limited";

  public static final String PROBE_RESULTS = PREFIX + "probe.results";
  public static final String PROBE_LATENCY = PREFIX + "probe.latency";

  public static final String WRITER_COMMIT = PREFIX + "writer.commit";
  public static final String WRITER_GROUP_SIZE = PREFIX + "writer.group.size";
  public static final String WRITER_QUEUE_DEPTH = PREFIX + "writer.queue.depth";

  /** 1 on the collector that holds the background lease (always 1 alone on SQLite). */
  public static final String COLLECTOR_LEASE = PREFIX + "collector.lease";

  /** Micrometer's conventional name, which Grafana's HTTP panels expect. */
  public static final String HTTP_REQUESTS = "http.server.requests";

  private MetricNames() {}
}

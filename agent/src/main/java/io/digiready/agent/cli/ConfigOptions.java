package io.digiready.agent.cli;

import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.config.ConfigKeys;
import io.digiready.agent.config.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration flags every command accepts: {@code --config FILE} and one flag per key. Values
 * stay strings here so that the loader checks flags, environment and file with the same messages.
 */
public final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with agent keys.")
  Path config;

  @Option(
      names = "--collector-url",
      paramLabel = "URL",
      description = "Collector base URL, http(s)://host:port. Default: none (spool only).")
  String collectorUrl;

  @Option(
      names = "--enrollment-token",
      paramLabel = "TOKEN",
      description = "The unit's enrolment token (for enroll and first run).")
  String enrollmentToken;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Identity, spool and state. Default: /var/lib/digiready-agent (root), ~/.digiready-agent.")
  String stateDir;

  @Option(
      names = "--heartbeat-interval-seconds",
      paramLabel = "N",
      description = "Default: 60, or the collector's value.")
  String heartbeatIntervalSeconds;

  @Option(
      names = "--inventory-check-interval-seconds",
      paramLabel = "N",
      description = "Default: 3600, or the collector's value.")
  String inventoryCheckIntervalSeconds;

  @Option(names = "--probe-timeout-millis", paramLabel = "N", description = "Default: 5000.")
  String probeTimeoutMillis;

  @Option(
      names = "--collector-timeout-millis",
      paramLabel = "N",
      description = "Connect and read timeout towards the collector. Default: 30000.")
  String collectorTimeoutMillis;

  @Option(
      names = "--proxy-url",
      paramLabel = "URL",
      description = "http://host:port. Default: the system proxy settings.")
  String proxyUrl;

  @Option(
      names = "--ca-cert-file",
      paramLabel = "FILE",
      description = "Extra CA certificates (PEM) for an https collector. Default: none.")
  String caCertFile;

  @Option(
      names = "--spool-max-bytes",
      paramLabel = "N",
      description = "Default: 52428800 (50 MiB).")
  String spoolMaxBytes;

  @Option(names = "--spool-max-age-days", paramLabel = "N", description = "Default: 30.")
  String spoolMaxAgeDays;

  @Option(
      names = "--send-batch-size",
      paramLabel = "N",
      description = "Heartbeats per request, 1..1000. Default: 500.")
  String sendBatchSize;

  @Option(
      names = "--probe-targets",
      paramLabel = "LIST",
      description = "Local targets kind:target:internet|lan, comma-separated. Default: none.")
  String probeTargets;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description = "error, warn, info or debug. Default: info.")
  String logLevel;

  Map<String, String> flags() {
    Map<String, String> m = new HashMap<>();
    put(m, ConfigKeys.COLLECTOR_URL, collectorUrl);
    put(m, ConfigKeys.ENROLLMENT_TOKEN, enrollmentToken);
    put(m, ConfigKeys.STATE_DIR, stateDir);
    put(m, ConfigKeys.HEARTBEAT_INTERVAL_SECONDS, heartbeatIntervalSeconds);
    put(m, ConfigKeys.INVENTORY_CHECK_INTERVAL_SECONDS, inventoryCheckIntervalSeconds);
    put(m, ConfigKeys.PROBE_TIMEOUT_MILLIS, probeTimeoutMillis);
    put(m, ConfigKeys.COLLECTOR_TIMEOUT_MILLIS, collectorTimeoutMillis);
    put(m, ConfigKeys.PROXY_URL, proxyUrl);
    put(m, ConfigKeys.CA_CERT_FILE, caCertFile);
    put(m, ConfigKeys.SPOOL_MAX_BYTES, spoolMaxBytes);
    put(m, ConfigKeys.SPOOL_MAX_AGE_DAYS, spoolMaxAgeDays);
    put(m, ConfigKeys.SEND_BATCH_SIZE, sendBatchSize);
    put(m, ConfigKeys.PROBE_TARGETS, probeTargets);
    put(m, ConfigKeys.LOG_LEVEL, logLevel);
    return m;
  }

  private static void put(Map<String, String> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  /** Loads file < environment < flags; throws {@code ConfigException} on any bad key or value. */
  AgentSettings load() {
    Path file = config;
    if (file == null && System.getenv("DIGIREADY_CONFIG") != null) {
      file = Path.of(System.getenv("DIGIREADY_CONFIG"));
    }
    AgentSettings settings = ConfigLoader.load(file, System.getenv(), flags());
    Logging.configure(settings.logLevel());
    return settings;
  }
}

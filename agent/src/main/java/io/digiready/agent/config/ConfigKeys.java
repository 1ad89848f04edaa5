package io.digiready.agent.config;

import java.util.List;
import java.util.Locale;

/** Every configuration key, its default, and the flag and environment names derived from it. */
public final class ConfigKeys {
  public static final String COLLECTOR_URL = "collectorUrl";
  public static final String ENROLLMENT_TOKEN = "enrollmentToken";
  public static final String STATE_DIR = "stateDir";
  public static final String HEARTBEAT_INTERVAL_SECONDS = "heartbeatIntervalSeconds";
  public static final String INVENTORY_CHECK_INTERVAL_SECONDS = "inventoryCheckIntervalSeconds";
  public static final String PROBE_TIMEOUT_MILLIS = "probeTimeoutMillis";
  public static final String COLLECTOR_TIMEOUT_MILLIS = "collectorTimeoutMillis";
  public static final String PROXY_URL = "proxyUrl";
  public static final String CA_CERT_FILE = "caCertFile";
  public static final String SPOOL_MAX_BYTES = "spoolMaxBytes";
  public static final String SPOOL_MAX_AGE_DAYS = "spoolMaxAgeDays";
  public static final String SEND_BATCH_SIZE = "sendBatchSize";
  public static final String PROBE_TARGETS = "probeTargets";
  public static final String LOG_LEVEL = "logLevel";

  public static final List<String> ALL =
      List.of(
          COLLECTOR_URL,
          ENROLLMENT_TOKEN,
          STATE_DIR,
          HEARTBEAT_INTERVAL_SECONDS,
          INVENTORY_CHECK_INTERVAL_SECONDS,
          PROBE_TIMEOUT_MILLIS,
          COLLECTOR_TIMEOUT_MILLIS,
          PROXY_URL,
          CA_CERT_FILE,
          SPOOL_MAX_BYTES,
          SPOOL_MAX_AGE_DAYS,
          SEND_BATCH_SIZE,
          PROBE_TARGETS,
          LOG_LEVEL);

  private ConfigKeys() {}

  /** {@code heartbeatIntervalSeconds} -> {@code DIGIREADY_HEARTBEAT_INTERVAL_SECONDS}. */
  public static String envName(String key) {
    return "DIGIREADY_" + split(key, '_').toUpperCase(Locale.ROOT);
  }

  /** {@code heartbeatIntervalSeconds} -> {@code --heartbeat-interval-seconds}. */
  public static String flagName(String key) {
    return "--" + split(key, '-').toLowerCase(Locale.ROOT);
  }

  private static String split(String key, char separator) {
    StringBuilder out = new StringBuilder();
    for (char c : key.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append(separator);
      }
      out.append(c);
    }
    return out.toString();
  }
}

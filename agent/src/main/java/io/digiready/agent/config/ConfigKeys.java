package io.digiready.agent.config;

import io.digiready.config.ConfigKey;
import io.digiready.config.KeyTable;
import java.util.List;

/**
 * Every key the agent understands, in the order the README lists them. This table is the only place
 * a key is declared: the file, the environment, the flags of every command and {@code --help} are
 * all built from it.
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  public static final ConfigKey COLLECTOR_URL =
      key(
          "collectorUrl",
          "",
          "collector base URL, http(s)://host:port; a comma-separated list is tried in order"
              + " (fail-over, back to the first after 5 minutes); empty: spool only");
  public static final ConfigKey ENROLLMENT_TOKEN =
      secret(
          "enrollmentToken",
          "the unit's enrollment token, for enroll, the first run and re-enrollment after the"
              + " agent token was revoked");
  public static final ConfigKey STATE_DIR =
      key(
          "stateDir",
          "",
          "identity, spool and status; empty: /var/lib/digiready-agent as root,"
              + " %ProgramData%\\digiready-agent on Windows, else ~/.digiready-agent");
  public static final ConfigKey HEARTBEAT_INTERVAL_SECONDS =
      key(
          "heartbeatIntervalSeconds",
          "60",
          "seconds between heartbeats, 1..3600; set here, it wins over the collector's value");
  public static final ConfigKey INVENTORY_CHECK_INTERVAL_SECONDS =
      key(
          "inventoryCheckIntervalSeconds",
          "3600",
          "seconds between inventory checks, 60..86400; set here, it wins over the collector's"
              + " value");
  public static final ConfigKey PROBE_TIMEOUT_MILLIS =
      key(
          "probeTimeoutMillis",
          "5000",
          "timeout of one probe, 100..60000, name resolution included");
  public static final ConfigKey COLLECTOR_TIMEOUT_MILLIS =
      key(
          "collectorTimeoutMillis",
          "30000",
          "connect and read timeout towards the collector, 500..300000");
  public static final ConfigKey PROXY_URL =
      key(
          "proxyUrl",
          "",
          "http://host:port for HTTP probes and the collector; empty: the system proxy settings");
  public static final ConfigKey CA_CERT_FILE =
      key("caCertFile", "", "PEM file of extra CA certificates trusted for an https collector");
  public static final ConfigKey SPOOL_MAX_BYTES =
      key(
          "spoolMaxBytes",
          "52428800",
          "bound of the spool in bytes, at least 65536; the oldest heartbeats are dropped first");
  public static final ConfigKey SPOOL_MAX_AGE_DAYS =
      key("spoolMaxAgeDays", "30", "spooled entries older than this are dropped, 1..3650");
  public static final ConfigKey SEND_BATCH_SIZE =
      key("sendBatchSize", "500", "heartbeats per request, 1..1000");
  public static final ConfigKey PROBE_TARGETS =
      key(
          "probeTargets",
          "",
          "local probe targets, added to the collector's: comma-separated kind:target, kind dns,"
              + " tcp or http, -lan after the kind for a LAN target");
  public static final ConfigKey LOG_LEVEL = key("logLevel", "info", "error, warn, info or debug");

  public static final List<ConfigKey> ALL =
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

  /**
   * The table the loader gathers values with (file < environment < flags, unknown keys refused).
   */
  public static final KeyTable TABLE = new KeyTable(ALL);

  private static ConfigKey key(String name, String def, String help) {
    return ConfigKey.key(name, def, help);
  }

  private static ConfigKey secret(String name, String help) {
    return ConfigKey.secret(name, "", help);
  }
}

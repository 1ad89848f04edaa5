package io.digiready.collector.config;

import io.digiready.config.ConfigKey;
import io.digiready.config.KeyTable;
import java.util.List;

/** Every key the collector understands, in the order the README lists them. */
public final class ConfigKeys {
  private ConfigKeys() {}

  public static final ConfigKey PORT = key("port", "8080", "TCP port of the HTTP(S) listener");

  public static final ConfigKey BIND_ADDRESS =
      key("bindAddress", "0.0.0.0", "address to listen on (127.0.0.1 behind a reverse proxy)");

  public static final ConfigKey HTTP_MAX_THREADS =
      key(
          "httpMaxThreads",
          "250",
          "threads that run requests; more wait in a bounded queue (bodies are read before"
              + " a thread is taken)");

  public static final ConfigKey HTTP_IDLE_TIMEOUT_SECONDS =
      key(
          "httpIdleTimeoutSeconds",
          "30",
          "a connection that sends or takes nothing for this long is closed");

  public static final ConfigKey MIN_REQUEST_BYTES_PER_SECOND =
      key(
          "minRequestBytesPerSecond",
          "1024",
          "a request body arriving slower than this on average (after 2 s) is refused with"
              + " 408; 0 turns the check off");

  public static final ConfigKey DATA_DIR =
      key("dataDir", "./data", "directory of the SQLite database and the generated admin token");

  public static final ConfigKey ADMIN_TOKEN =
      secret("adminToken", "", "admin API token; empty: read or generate <dataDir>/admin-token");

  public static final ConfigKey SQLITE_SYNCHRONOUS =
      key("sqliteSynchronous", "FULL", "FULL (a report is durable when acknowledged) or NORMAL");

  public static final ConfigKey STORAGE =
      key(
          "storage",
          "sqlite",
          "sqlite (embedded, in dataDir) or postgresql (several collectors on one database)");

  public static final ConfigKey JDBC_URL =
      key("jdbcUrl", "", "postgresql: jdbc:postgresql://host:5432/digiready");

  public static final ConfigKey JDBC_USER = key("jdbcUser", "", "postgresql: the database user");

  public static final ConfigKey JDBC_PASSWORD_FILE =
      key(
          "jdbcPasswordFile",
          "",
          "postgresql: file holding the user's password (empty: none, e.g. peer or trust)");

  public static final ConfigKey WRITER_QUEUE_CAPACITY =
      key("writerQueueCapacity", "10000", "pending writes before requests get 503");

  public static final ConfigKey HEARTBEAT_INTERVAL_SECONDS =
      key(
          "heartbeatIntervalSeconds",
          "60",
          "sent to agents; online = heartbeat within 3 intervals");

  public static final ConfigKey HEARTBEAT_RATE_LIMIT =
      key(
          "heartbeatRateLimit",
          "true",
          "refuse (429) a machine's heartbeats beyond 2 per interval after a burst of 1000;"
              + " false only for load tests that send faster than agents do");

  public static final ConfigKey INVENTORY_CHECK_INTERVAL_SECONDS =
      key(
          "inventoryCheckIntervalSeconds",
          "3600",
          "sent to agents: how often they look for changes");

  public static final ConfigKey PROBE_TARGETS =
      key(
          "probeTargets",
          "http:https://dichvucong.gov.vn,dns:dichvucong.gov.vn",
          "comma-separated kind:target, kind one of http, dns, tcp; suffix -lan for a LAN target");

  public static final ConfigKey WORKING_WINDOW_DAYS =
      key(
          "workingWindowDays",
          "7",
          "a machine not seen for longer is stale (decimals allowed: 0.5 is 12 hours)");

  public static final ConfigKey CONNECTIVITY_WINDOW_HOURS =
      key("connectivityWindowHours", "24", "window for 'working machine with internet'");

  public static final ConfigKey RAW_HEARTBEAT_RETENTION_DAYS =
      key("rawHeartbeatRetentionDays", "2", "days raw heartbeats are kept; 0 keeps none");

  public static final ConfigKey HOURLY_RETENTION_DAYS =
      key("hourlyRetentionDays", "400", "days hourly heartbeat buckets are kept");

  public static final ConfigKey UNIT_HISTORY_RETENTION_DAYS =
      key(
          "unitHistoryRetentionDays",
          "3650",
          "days each unit's daily figures (coverage history, period reports) are kept");

  public static final ConfigKey REPORT_LANGUAGE =
      key(
          "reportLanguage",
          "en",
          "vi or en: language of the CSV exports and period reports when a request has no lang");

  public static final ConfigKey MIN_MEMORY_GIB =
      key("minMemoryGib", "4", "readiness: installed memory at least this many GiB");

  public static final ConfigKey MIN_LOGICAL_CPUS =
      key("minLogicalCpus", "2", "readiness: at least this many logical CPUs");

  public static final ConfigKey UNSUPPORTED_OS =
      key(
          "unsupportedOs",
          "Windows XP,Windows Vista,Windows 7,Windows 8,Windows 8.1",
          "readiness: comma-separated 'family version' prefixes that fail the OS rule");

  public static final ConfigKey MIN_SYSTEM_DISK_FREE_RATIO =
      key("minSystemDiskFreeRatio", "0.10", "readiness: system disk free share at least");

  public static final ConfigKey MIN_SYSTEM_DISK_FREE_GIB =
      key("minSystemDiskFreeGib", "5", "readiness: system disk free GiB at least");

  public static final ConfigKey MAX_CLOCK_SKEW_SECONDS =
      key("maxClockSkewSeconds", "300", "readiness: agent clock within this of the collector's");

  public static final ConfigKey REQUIRE_ANTI_MALWARE =
      key(
          "requireAntiMalware",
          "true",
          "readiness: an anti-malware product enabled with current definitions (false: rule off)");

  public static final ConfigKey OS_UPDATED_WITHIN_DAYS =
      key(
          "osUpdatedWithinDays",
          "60",
          "readiness: newest OS update at most this many days old; 0 turns the rule off");

  public static final ConfigKey READINESS_WEIGHT_EQUIPMENT =
      key("readinessWeightEquipment", "1", "weight of equipment coverage in the readiness score");

  public static final ConfigKey READINESS_WEIGHT_CONNECTIVITY =
      key(
          "readinessWeightConnectivity",
          "1",
          "weight of connectivity coverage in the readiness score");

  public static final ConfigKey READINESS_WEIGHT_COMPLIANCE =
      key("readinessWeightCompliance", "1", "weight of compliance in the readiness score");

  public static final ConfigKey READINESS_WEIGHT_SOFTWARE =
      key(
          "readinessWeightSoftware",
          "0",
          "weight of software coverage (required applications) in the readiness score; 0 leaves"
              + " it out");

  public static final ConfigKey SOFTWARE_TARGET =
      key(
          "softwareTarget",
          "1.0",
          "share of working computers that should have every required application (0 to 1)");

  public static final ConfigKey ENROLLMENT_TOKEN_EXPIRY_DAYS =
      key(
          "enrollmentTokenExpiryDays",
          "30",
          "an enrollment token made without expiresAt stops working after this many days");

  public static final ConfigKey INVENTORIES_PER_HOUR =
      key(
          "inventoriesPerHour",
          "6",
          "inventories one machine may send per hour (in bursts of as many); past it 429 with"
              + " Retry-After, which the agent honours");

  public static final ConfigKey ENROLLMENTS_PER_MINUTE_PER_TOKEN =
      key(
          "enrollmentsPerMinutePerToken",
          "60",
          "enrollments one enrollment token may make per minute; past it 429 with Retry-After");

  public static final ConfigKey METRICS_PER_MACHINE =
      key("metricsPerMachine", "true", "export digiready_machine_* series");

  public static final ConfigKey TRUSTED_PROXIES =
      key(
          "trustedProxies",
          "",
          "IP addresses of balancers in front of this collector (comma-separated); only from"
              + " them is X-Forwarded-For believed, and a request they pass without it has no"
              + " known client");

  public static final ConfigKey METRICS_TOKEN =
      secret(
          "metricsToken",
          "",
          "bearer token Prometheus must send for /metrics (16+ characters); empty, and no"
              + " metricsUsername: /metrics answers loopback clients only");

  public static final ConfigKey METRICS_USERNAME =
      key(
          "metricsUsername",
          "",
          "basic auth user for /metrics (instead of or besides metricsToken); empty: none");

  public static final ConfigKey METRICS_PASSWORD =
      secret("metricsPassword", "", "basic auth password for /metrics");

  public static final ConfigKey TLS_KEYSTORE_FILE =
      key("tlsKeystoreFile", "", "PKCS12 keystore; set to serve HTTPS on the port");

  public static final ConfigKey TLS_KEYSTORE_PASSWORD =
      secret("tlsKeystorePassword", "", "password of the keystore");

  /** Every key, in the order the README lists them. */
  public static final List<ConfigKey> ALL =
      List.of(
          PORT,
          BIND_ADDRESS,
          TRUSTED_PROXIES,
          HTTP_MAX_THREADS,
          HTTP_IDLE_TIMEOUT_SECONDS,
          MIN_REQUEST_BYTES_PER_SECOND,
          DATA_DIR,
          ADMIN_TOKEN,
          SQLITE_SYNCHRONOUS,
          STORAGE,
          JDBC_URL,
          JDBC_USER,
          JDBC_PASSWORD_FILE,
          WRITER_QUEUE_CAPACITY,
          HEARTBEAT_INTERVAL_SECONDS,
          HEARTBEAT_RATE_LIMIT,
          INVENTORY_CHECK_INTERVAL_SECONDS,
          PROBE_TARGETS,
          WORKING_WINDOW_DAYS,
          CONNECTIVITY_WINDOW_HOURS,
          RAW_HEARTBEAT_RETENTION_DAYS,
          HOURLY_RETENTION_DAYS,
          UNIT_HISTORY_RETENTION_DAYS,
          REPORT_LANGUAGE,
          MIN_MEMORY_GIB,
          MIN_LOGICAL_CPUS,
          UNSUPPORTED_OS,
          MIN_SYSTEM_DISK_FREE_RATIO,
          MIN_SYSTEM_DISK_FREE_GIB,
          MAX_CLOCK_SKEW_SECONDS,
          REQUIRE_ANTI_MALWARE,
          OS_UPDATED_WITHIN_DAYS,
          READINESS_WEIGHT_EQUIPMENT,
          READINESS_WEIGHT_CONNECTIVITY,
          READINESS_WEIGHT_COMPLIANCE,
          READINESS_WEIGHT_SOFTWARE,
          SOFTWARE_TARGET,
          ENROLLMENT_TOKEN_EXPIRY_DAYS,
          ENROLLMENTS_PER_MINUTE_PER_TOKEN,
          INVENTORIES_PER_HOUR,
          METRICS_PER_MACHINE,
          METRICS_TOKEN,
          METRICS_USERNAME,
          METRICS_PASSWORD,
          TLS_KEYSTORE_FILE,
          TLS_KEYSTORE_PASSWORD);

  /**
   * The table the loader gathers values with (file < environment < flags, unknown keys refused).
   */
  public static final KeyTable TABLE = new KeyTable(ALL);

  private static ConfigKey key(String name, String def, String help) {
    return ConfigKey.key(name, def, help);
  }

  private static ConfigKey secret(String name, String def, String help) {
    return ConfigKey.secret(name, def, help);
  }
}

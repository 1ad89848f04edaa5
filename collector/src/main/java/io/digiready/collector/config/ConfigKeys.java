package io.digiready.collector.config;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every key the collector understands, in the order the README lists them. */
public final class ConfigKeys {
  private ConfigKeys() {}

  public static final List<ConfigKey> ALL =
      List.of(
          key("port", "8080", "TCP port of the HTTP(S) listener"),
          key("bindAddress", "0.0.0.0", "address to listen on (127.0.0.1 behind a reverse proxy)"),
          key(
              "httpMaxThreads",
              "250",
              "threads that run requests; more wait in a bounded queue (bodies are read before"
                  + " a thread is taken)"),
          key(
              "httpIdleTimeoutSeconds",
              "30",
              "a connection that sends or takes nothing for this long is closed"),
          key(
              "minRequestBytesPerSecond",
              "1024",
              "a request body arriving slower than this on average (after 2 s) is refused with"
                  + " 408; 0 turns the check off"),
          key(
              "dataDir",
              "./data",
              "directory of the SQLite database and the generated admin token"),
          secret(
              "adminToken", "", "admin API token; empty: read or generate <dataDir>/admin-token"),
          key(
              "sqliteSynchronous",
              "FULL",
              "FULL (a report is durable when acknowledged) or NORMAL"),
          key(
              "storage",
              "sqlite",
              "sqlite (embedded, in dataDir) or postgresql (several collectors on one database)"),
          key("jdbcUrl", "", "postgresql: jdbc:postgresql://host:5432/digiready"),
          key("jdbcUser", "", "postgresql: the database user"),
          key(
              "jdbcPasswordFile",
              "",
              "postgresql: file holding the user's password (empty: none, e.g. peer or trust)"),
          key("writerQueueCapacity", "10000", "pending writes before requests get 503"),
          key(
              "heartbeatIntervalSeconds",
              "60",
              "sent to agents; online = heartbeat within 3 intervals"),
          key(
              "heartbeatRateLimit",
              "true",
              "refuse (429) a machine's heartbeats beyond 2 per interval after a burst of 1000;"
                  + " false only for load tests that send faster than agents do"),
          key(
              "inventoryCheckIntervalSeconds",
              "3600",
              "sent to agents: how often they look for changes"),
          key(
              "probeTargets",
              "http:https://dichvucong.gov.vn,dns:dichvucong.gov.vn",
              "comma-separated kind:target, kind one of http, dns, tcp; suffix -lan for a LAN target"),
          key(
              "workingWindowDays",
              "7",
              "a machine not seen for longer is stale (decimals allowed: 0.5 is 12 hours)"),
          key("connectivityWindowHours", "24", "window for 'working machine with internet'"),
          key("rawHeartbeatRetentionDays", "2", "days raw heartbeats are kept; 0 keeps none"),
          key("hourlyRetentionDays", "400", "days hourly heartbeat buckets are kept"),
          key(
              "unitHistoryRetentionDays",
              "3650",
              "days each unit's daily figures (coverage history, period reports) are kept"),
          key(
              "reportLanguage",
              "en",
              "vi or en: language of the CSV exports and period reports when a request has no lang"),
          key("minMemoryGib", "4", "readiness: installed memory at least this many GiB"),
          key("minLogicalCpus", "2", "readiness: at least this many logical CPUs"),
          key(
              "unsupportedOs",
              "Windows XP,Windows Vista,Windows 7,Windows 8,Windows 8.1",
              "readiness: comma-separated 'family version' prefixes that fail the OS rule"),
          key("minSystemDiskFreeRatio", "0.10", "readiness: system disk free share at least"),
          key("minSystemDiskFreeGib", "5", "readiness: system disk free GiB at least"),
          key(
              "maxClockSkewSeconds",
              "300",
              "readiness: agent clock within this of the collector's"),
          key(
              "requireAntiMalware",
              "true",
              "readiness: an anti-malware product enabled with current definitions (false: rule off)"),
          key(
              "osUpdatedWithinDays",
              "60",
              "readiness: newest OS update at most this many days old; 0 turns the rule off"),
          key(
              "readinessWeightEquipment",
              "1",
              "weight of equipment coverage in the readiness score"),
          key(
              "readinessWeightConnectivity",
              "1",
              "weight of connectivity coverage in the readiness score"),
          key("readinessWeightCompliance", "1", "weight of compliance in the readiness score"),
          key(
              "enrollmentTokenExpiryDays",
              "30",
              "an enrollment token made without expiresAt stops working after this many days"),
          key(
              "enrollmentsPerMinutePerToken",
              "60",
              "enrollments one enrollment token may make per minute; past it 429 with Retry-After"),
          key("metricsPerMachine", "true", "export digiready_machine_* series"),
          secret(
              "metricsToken",
              "",
              "bearer token Prometheus must send for /metrics (16+ characters); empty, and no"
                  + " metricsUsername: /metrics answers loopback clients only"),
          key(
              "metricsUsername",
              "",
              "basic auth user for /metrics (instead of or besides metricsToken); empty: none"),
          secret("metricsPassword", "", "basic auth password for /metrics"),
          key("tlsKeystoreFile", "", "PKCS12 keystore; set to serve HTTPS on the port"),
          secret("tlsKeystorePassword", "", "password of the keystore"));

  public static final Map<String, ConfigKey> BY_NAME =
      ALL.stream().collect(Collectors.toMap(ConfigKey::name, Function.identity()));

  private static ConfigKey key(String name, String def, String help) {
    return new ConfigKey(name, def, help, false);
  }

  private static ConfigKey secret(String name, String def, String help) {
    return new ConfigKey(name, def, help, true);
  }
}

package io.digiready.collector.config;

import static io.digiready.collector.config.ConfigKeys.*;

import io.digiready.config.ConfigException;
import io.digiready.config.ConfigKey;
import io.digiready.config.KeyTable;
import io.digiready.protocol.Limits;
import io.digiready.protocol.ProbeTarget;
import io.digiready.protocol.ProbeTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one config loader: file (Java properties, UTF-8) < environment ({@code DIGIREADY_*}) < flags.
 * Unknown keys in the file or on the command line and bad values stop start-up naming the key.
 * Environment variables that are not keys are ignored, because agents on the same host share the
 * prefix.
 */
public final class ConfigLoader {
  /** The longest an enrollment token may live, by default or as set at its creation. */
  public static final int MAX_ENROLLMENT_TOKEN_DAYS = 366;

  private ConfigLoader() {}

  public static CollectorConfig load(
      Path configFile, Map<String, String> env, Map<String, String> flags) {
    return parse(ConfigKeys.TABLE.gather(configFile, env, flags));
  }

  private static CollectorConfig parse(Map<String, String> explicit) {
    Values v = new Values(explicit);
    String sync = v.get(SQLITE_SYNCHRONOUS).toUpperCase(Locale.ROOT);
    if (!sync.equals("FULL") && !sync.equals("NORMAL")) {
      throw v.bad(SQLITE_SYNCHRONOUS, "must be FULL or NORMAL");
    }
    double minRatio = v.decimal(MIN_SYSTEM_DISK_FREE_RATIO, 0, 1);
    var policy =
        new CollectorConfig.ReadinessPolicy(
            v.decimal(MIN_MEMORY_GIB, 0, 1 << 20),
            v.integer(MIN_LOGICAL_CPUS, 1, 4096),
            v.list(UNSUPPORTED_OS),
            minRatio,
            v.decimal(MIN_SYSTEM_DISK_FREE_GIB, 0, 1 << 30),
            v.integer(MAX_CLOCK_SKEW_SECONDS, 1, 86_400 * 366),
            v.decimal(READINESS_WEIGHT_EQUIPMENT, 0, 1000),
            v.decimal(READINESS_WEIGHT_CONNECTIVITY, 0, 1000),
            v.decimal(READINESS_WEIGHT_COMPLIANCE, 0, 1000),
            v.bool(REQUIRE_ANTI_MALWARE),
            v.integer(OS_UPDATED_WITHIN_DAYS, 0, 3650),
            v.decimal(READINESS_WEIGHT_SOFTWARE, 0, 1000),
            v.decimal(SOFTWARE_TARGET, 0, 1));
    if (policy.weightEquipment() + policy.weightConnectivity() + policy.weightCompliance() <= 0) {
      throw v.bad(READINESS_WEIGHT_EQUIPMENT, "the three readiness weights must not all be 0");
    }
    String user = v.get(METRICS_USERNAME);
    String password = v.get(METRICS_PASSWORD);
    if (user.isEmpty() != password.isEmpty()) {
      throw new ConfigException(
          METRICS_PASSWORD.name(),
          "metricsUsername and metricsPassword must be set together",
          null);
    }
    String engine = v.get(STORAGE).toLowerCase(Locale.ROOT);
    if (!engine.equals(CollectorConfig.Storage.SQLITE)
        && !engine.equals(CollectorConfig.Storage.POSTGRESQL)) {
      throw v.bad(STORAGE, "must be sqlite or postgresql");
    }
    String jdbcUrl = v.get(JDBC_URL);
    String passwordFile = v.get(JDBC_PASSWORD_FILE);
    if (engine.equals(CollectorConfig.Storage.POSTGRESQL)) {
      if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
        throw v.bad(
            JDBC_URL, "must be jdbc:postgresql://HOST[:PORT]/DATABASE with storage=postgresql");
      }
      if (!passwordFile.isEmpty() && !Files.isReadable(Path.of(passwordFile))) {
        throw v.bad(JDBC_PASSWORD_FILE, "must be a readable file");
      }
    } else if (!jdbcUrl.isEmpty()) {
      throw v.bad(JDBC_URL, "is only used with storage=postgresql");
    }
    var storage =
        new CollectorConfig.Storage(
            engine,
            jdbcUrl,
            v.get(JDBC_USER),
            passwordFile.isEmpty() ? null : Path.of(passwordFile));
    String reportLanguage = v.get(REPORT_LANGUAGE).toLowerCase(Locale.ROOT);
    if (!reportLanguage.equals("vi") && !reportLanguage.equals("en")) {
      throw v.bad(REPORT_LANGUAGE, "must be vi or en");
    }
    String metricsToken = v.get(METRICS_TOKEN);
    if (!metricsToken.isEmpty()
        && (metricsToken.length() < 16
            || metricsToken.length() > 512
            || !metricsToken.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
      throw v.bad(
          METRICS_TOKEN, "must be 16 to 512 printable ASCII characters without spaces, or empty");
    }
    String keystore = v.get(TLS_KEYSTORE_FILE);
    if (!keystore.isEmpty() && !Files.isReadable(Path.of(keystore))) {
      throw v.bad(TLS_KEYSTORE_FILE, "must be a readable PKCS12 file");
    }
    return new CollectorConfig(
        v.integer(PORT, 0, 65535),
        v.nonEmpty(BIND_ADDRESS),
        v.integer(HTTP_MAX_THREADS, 16, 10_000),
        v.integer(HTTP_IDLE_TIMEOUT_SECONDS, 1, 3600),
        v.integer(MIN_REQUEST_BYTES_PER_SECOND, 0, 1 << 30),
        Path.of(v.nonEmpty(DATA_DIR)),
        v.get(ADMIN_TOKEN),
        sync,
        storage,
        v.integer(WRITER_QUEUE_CAPACITY, 1, 10_000_000),
        v.integer(
            HEARTBEAT_INTERVAL_SECONDS,
            Limits.MIN_HEARTBEAT_INTERVAL_SECONDS,
            Limits.MAX_HEARTBEAT_INTERVAL_SECONDS),
        v.bool(HEARTBEAT_RATE_LIMIT),
        v.integer(INVENTORY_CHECK_INTERVAL_SECONDS, 60, 86_400 * 30),
        probeTargets(v),
        v.decimal(WORKING_WINDOW_DAYS, 0.0001, 3650),
        v.integer(CONNECTIVITY_WINDOW_HOURS, 1, 24 * 366),
        v.integer(RAW_HEARTBEAT_RETENTION_DAYS, 0, 3650),
        v.integer(HOURLY_RETENTION_DAYS, 1, 36500),
        policy,
        v.integer(ENROLLMENT_TOKEN_EXPIRY_DAYS, 1, MAX_ENROLLMENT_TOKEN_DAYS),
        v.integer(ENROLLMENTS_PER_MINUTE_PER_TOKEN, 1, 100_000),
        v.bool(METRICS_PER_MACHINE),
        metricsToken,
        user,
        password,
        keystore.isEmpty() ? null : Path.of(keystore),
        v.get(TLS_KEYSTORE_PASSWORD),
        v.integer(UNIT_HISTORY_RETENTION_DAYS, 1, 36500),
        reportLanguage,
        trustedProxies(v),
        v.integer(INVENTORIES_PER_HOUR, 1, 3600));
  }

  /** IP literals only: a name would make every request wait for a lookup, and could lie. */
  private static List<String> trustedProxies(Values v) {
    List<String> out = new ArrayList<>();
    for (String address : v.list(TRUSTED_PROXIES)) {
      if (!address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
        throw new ConfigException(
            TRUSTED_PROXIES.name(),
            "expected IP addresses such as 10.0.0.5, comma-separated",
            address);
      }
      out.add(address);
    }
    return List.copyOf(out);
  }

  private static List<ProbeTarget> probeTargets(Values v) {
    List<ProbeTarget> targets;
    try {
      targets = ProbeTargets.parse(v.get(PROBE_TARGETS));
    } catch (ProbeTargets.SyntaxException e) {
      throw new ConfigException(PROBE_TARGETS.name(), e.expectation(), e.found());
    }
    if (targets.size() > Limits.MAX_PROBES) {
      throw v.bad(PROBE_TARGETS, "at most " + Limits.MAX_PROBES + " targets");
    }
    return List.copyOf(targets);
  }

  /** The explicit values over the table's defaults; every getter names its key when it fails. */
  private record Values(Map<String, String> explicit) {
    String get(ConfigKey key) {
      return KeyTable.value(explicit, key);
    }

    ConfigException bad(ConfigKey key, String expectation) {
      return new ConfigException(key.name(), expectation, key.shown(get(key)));
    }

    String nonEmpty(ConfigKey key) {
      if (get(key).isEmpty()) {
        throw bad(key, "must not be empty");
      }
      return get(key);
    }

    int integer(ConfigKey key, int min, int max) {
      try {
        int value = Integer.parseInt(get(key));
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below with the key's name
      }
      throw bad(key, "must be a whole number from " + min + " to " + max);
    }

    double decimal(ConfigKey key, double min, double max) {
      try {
        double value = Double.parseDouble(get(key));
        if (Double.isFinite(value) && value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below with the key's name
      }
      throw bad(key, "must be a number from " + plain(min) + " to " + plain(max));
    }

    private static String plain(double value) {
      return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    boolean bool(ConfigKey key) {
      return switch (get(key).toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw bad(key, "must be true or false");
      };
    }

    List<String> list(ConfigKey key) {
      List<String> out = new ArrayList<>();
      for (String part : get(key).split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
      return List.copyOf(out);
    }
  }
}

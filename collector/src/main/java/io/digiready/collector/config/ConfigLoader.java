package io.digiready.collector.config;

import io.digiready.protocol.Limits;
import io.digiready.protocol.ProbeTarget;
import io.digiready.protocol.ProbeTargets;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

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
    Map<String, String> raw = new HashMap<>();
    for (ConfigKey key : ConfigKeys.ALL) {
      raw.put(key.name(), key.defaultValue());
    }
    if (configFile != null) {
      Properties file = new Properties();
      try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
        file.load(reader);
      } catch (IOException e) {
        throw new ConfigException("config: cannot read file. Found: " + configFile);
      }
      for (String name : file.stringPropertyNames()) {
        if (!ConfigKeys.BY_NAME.containsKey(name)) {
          throw new ConfigException(name + ": Unknown property. Found in: " + configFile);
        }
        raw.put(name, file.getProperty(name).strip());
      }
    }
    for (ConfigKey key : ConfigKeys.ALL) {
      String value = env.get(key.envVar());
      if (value != null) {
        raw.put(key.name(), value.strip());
      }
    }
    for (Map.Entry<String, String> flag : flags.entrySet()) {
      if (!ConfigKeys.BY_NAME.containsKey(flag.getKey())) {
        throw new ConfigException(flag.getKey() + ": Unknown property");
      }
      raw.put(flag.getKey(), flag.getValue().strip());
    }
    return parse(raw);
  }

  private static CollectorConfig parse(Map<String, String> raw) {
    Values v = new Values(raw);
    String sync = v.get("sqliteSynchronous").toUpperCase(Locale.ROOT);
    if (!sync.equals("FULL") && !sync.equals("NORMAL")) {
      throw v.bad("sqliteSynchronous", "must be FULL or NORMAL");
    }
    double minRatio = v.decimal("minSystemDiskFreeRatio", 0, 1);
    var policy =
        new CollectorConfig.ReadinessPolicy(
            v.decimal("minMemoryGib", 0, 1 << 20),
            v.integer("minLogicalCpus", 1, 4096),
            v.list("unsupportedOs"),
            minRatio,
            v.decimal("minSystemDiskFreeGib", 0, 1 << 30),
            v.integer("maxClockSkewSeconds", 1, 86_400 * 366),
            v.decimal("readinessWeightEquipment", 0, 1000),
            v.decimal("readinessWeightConnectivity", 0, 1000),
            v.decimal("readinessWeightCompliance", 0, 1000),
            v.bool("requireAntiMalware"),
            v.integer("osUpdatedWithinDays", 0, 3650));
    if (policy.weightEquipment() + policy.weightConnectivity() + policy.weightCompliance() <= 0) {
      throw v.bad("readinessWeightEquipment", "the three readiness weights must not all be 0");
    }
    String user = v.get("metricsUsername");
    String password = v.get("metricsPassword");
    if (user.isEmpty() != password.isEmpty()) {
      throw new ConfigException(
          "metricsPassword: metricsUsername and metricsPassword must be set together");
    }
    String engine = v.get("storage").toLowerCase(Locale.ROOT);
    if (!engine.equals(CollectorConfig.Storage.SQLITE)
        && !engine.equals(CollectorConfig.Storage.POSTGRESQL)) {
      throw v.bad("storage", "must be sqlite or postgresql");
    }
    String jdbcUrl = v.get("jdbcUrl");
    String passwordFile = v.get("jdbcPasswordFile");
    if (engine.equals(CollectorConfig.Storage.POSTGRESQL)) {
      if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
        throw v.bad(
            "jdbcUrl", "must be jdbc:postgresql://HOST[:PORT]/DATABASE with storage=postgresql");
      }
      if (!passwordFile.isEmpty() && !Files.isReadable(Path.of(passwordFile))) {
        throw v.bad("jdbcPasswordFile", "must be a readable file");
      }
    } else if (!jdbcUrl.isEmpty()) {
      throw v.bad("jdbcUrl", "is only used with storage=postgresql");
    }
    var storage =
        new CollectorConfig.Storage(
            engine,
            jdbcUrl,
            v.get("jdbcUser"),
            passwordFile.isEmpty() ? null : Path.of(passwordFile));
    String reportLanguage = v.get("reportLanguage").toLowerCase(Locale.ROOT);
    if (!reportLanguage.equals("vi") && !reportLanguage.equals("en")) {
      throw v.bad("reportLanguage", "must be vi or en");
    }
    String metricsToken = v.get("metricsToken");
    if (!metricsToken.isEmpty()
        && (metricsToken.length() < 16
            || metricsToken.length() > 512
            || !metricsToken.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
      throw v.bad(
          "metricsToken", "must be 16 to 512 printable ASCII characters without spaces, or empty");
    }
    String keystore = v.get("tlsKeystoreFile");
    if (!keystore.isEmpty() && !Files.isReadable(Path.of(keystore))) {
      throw v.bad("tlsKeystoreFile", "must be a readable PKCS12 file");
    }
    return new CollectorConfig(
        v.integer("port", 0, 65535),
        v.nonEmpty("bindAddress"),
        v.integer("httpMaxThreads", 16, 10_000),
        v.integer("httpIdleTimeoutSeconds", 1, 3600),
        v.integer("minRequestBytesPerSecond", 0, 1 << 30),
        Path.of(v.nonEmpty("dataDir")),
        v.get("adminToken"),
        sync,
        storage,
        v.integer("writerQueueCapacity", 1, 10_000_000),
        v.integer(
            "heartbeatIntervalSeconds",
            Limits.MIN_HEARTBEAT_INTERVAL_SECONDS,
            Limits.MAX_HEARTBEAT_INTERVAL_SECONDS),
        v.bool("heartbeatRateLimit"),
        v.integer("inventoryCheckIntervalSeconds", 60, 86_400 * 30),
        probeTargets(v),
        v.decimal("workingWindowDays", 0.0001, 3650),
        v.integer("connectivityWindowHours", 1, 24 * 366),
        v.integer("rawHeartbeatRetentionDays", 0, 3650),
        v.integer("hourlyRetentionDays", 1, 36500),
        policy,
        v.integer("enrollmentTokenExpiryDays", 1, MAX_ENROLLMENT_TOKEN_DAYS),
        v.integer("enrollmentsPerMinutePerToken", 1, 100_000),
        v.bool("metricsPerMachine"),
        metricsToken,
        user,
        password,
        keystore.isEmpty() ? null : Path.of(keystore),
        v.get("tlsKeystorePassword"),
        v.integer("unitHistoryRetentionDays", 1, 36500),
        reportLanguage);
  }

  private static List<ProbeTarget> probeTargets(Values v) {
    List<ProbeTarget> targets;
    try {
      targets = ProbeTargets.parse(v.get("probeTargets"));
    } catch (ProbeTargets.SyntaxException e) {
      throw new ConfigException("probeTargets: " + e.expectation() + ". Found: " + e.found());
    }
    if (targets.size() > Limits.MAX_PROBES) {
      throw v.bad("probeTargets", "at most " + Limits.MAX_PROBES + " targets");
    }
    return List.copyOf(targets);
  }

  private record Values(Map<String, String> raw) {
    String get(String key) {
      return raw.get(key);
    }

    ConfigException bad(String key, String expectation) {
      ConfigKey k = ConfigKeys.BY_NAME.get(key);
      String found = k != null && k.secret() ? "(hidden)" : raw.get(key);
      return new ConfigException(key + ": " + expectation + ". Found: " + found);
    }

    String nonEmpty(String key) {
      if (get(key).isEmpty()) {
        throw bad(key, "must not be empty");
      }
      return get(key);
    }

    int integer(String key, int min, int max) {
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

    double decimal(String key, double min, double max) {
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

    boolean bool(String key) {
      return switch (get(key).toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw bad(key, "must be true or false");
      };
    }

    List<String> list(String key) {
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

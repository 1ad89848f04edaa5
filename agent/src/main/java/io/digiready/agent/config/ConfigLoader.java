package io.digiready.agent.config;

import static io.digiready.agent.config.ConfigKeys.*;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The agent's one configuration loader: a properties file, then {@code DIGIREADY_*} environment
 * variables, then flags, each overriding the one before. Every key is consumed here; anything left
 * over is an error, because it is most likely a typo.
 */
public final class ConfigLoader {
  private static final Set<String> SECRET_KEYS = Set.of(ENROLLMENT_TOKEN);

  private ConfigLoader() {}

  public static AgentSettings load(Path file, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> merged = new HashMap<>();
    if (file != null) {
      merged.putAll(readFile(file));
    }
    for (String key : ALL) {
      String value = env.get(envName(key));
      if (value != null) {
        merged.put(key, value);
      }
    }
    merged.putAll(flags);
    return fromValues(merged);
  }

  static Map<String, String> readFile(Path file) {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new ConfigException("config", "expected a readable properties file", file.toString());
    }
    Map<String, String> values = new HashMap<>();
    for (String name : props.stringPropertyNames()) {
      if (!ALL.contains(name)) {
        throw new ConfigException(
            name, "unknown key, expected one of " + String.join(", ", ALL), name);
      }
      values.put(name, props.getProperty(name));
    }
    return values;
  }

  static AgentSettings fromValues(Map<String, String> values) {
    for (String key : values.keySet()) {
      if (!ALL.contains(key)) {
        throw new ConfigException(
            key, "unknown key, expected one of " + String.join(", ", ALL), key);
      }
    }
    Values v = new Values(values);
    return new AgentSettings(
        v.url(COLLECTOR_URL, false),
        v.secret(ENROLLMENT_TOKEN),
        v.path(STATE_DIR, defaultStateDir()),
        v.integer(HEARTBEAT_INTERVAL_SECONDS, 60, 1, 3600),
        v.integer(INVENTORY_CHECK_INTERVAL_SECONDS, 3600, 60, 86_400),
        v.integer(PROBE_TIMEOUT_MILLIS, 5000, 100, 60_000),
        v.integer(COLLECTOR_TIMEOUT_MILLIS, 30_000, 500, 300_000),
        v.url(PROXY_URL, true),
        v.existingFile(CA_CERT_FILE),
        v.longValue(SPOOL_MAX_BYTES, 50L * 1024 * 1024, 64 * 1024, 100L * 1024 * 1024 * 1024),
        v.integer(SPOOL_MAX_AGE_DAYS, 30, 1, 3650),
        v.integer(SEND_BATCH_SIZE, 500, 1, io.digiready.protocol.Limits.MAX_HEARTBEATS_PER_BATCH),
        v.has(PROBE_TARGETS)
            ? ProbeTargetsParser.parse(PROBE_TARGETS, v.raw(PROBE_TARGETS))
            : List.of(),
        v.oneOf(LOG_LEVEL, "info", List.of("error", "warn", "info", "debug")),
        new HashSet<>(values.keySet()));
  }

  /** Where identity, spool and sender state live when {@code stateDir} is not set. */
  public static Path defaultStateDir() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String programData = System.getenv().getOrDefault("ProgramData", "C:\\ProgramData");
      return Path.of(programData, "digiready-agent");
    }
    if ("root".equals(System.getProperty("user.name"))) {
      return Path.of("/var/lib/digiready-agent");
    }
    return Path.of(System.getProperty("user.home"), ".digiready-agent");
  }

  private record Values(Map<String, String> values) {
    boolean has(String key) {
      return values.containsKey(key);
    }

    String raw(String key) {
      return values.get(key).strip();
    }

    private String shown(String key) {
      return SECRET_KEYS.contains(key) ? "(hidden)" : raw(key);
    }

    URI url(String key, boolean proxy) {
      if (!has(key) || raw(key).isEmpty()) {
        return null;
      }
      String expectation =
          proxy
              ? "expected http://host:port"
              : "expected an http:// or https:// URL such as https://collector.example:8443";
      try {
        URI uri = new URI(raw(key).replaceAll("/+$", ""));
        boolean ok =
            uri.getHost() != null
                && (proxy
                    ? "http".equals(uri.getScheme()) && uri.getPort() > 0
                    : "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getUserInfo() == null
                && uri.getQuery() == null;
        if (!ok) {
          throw new ConfigException(key, expectation, shown(key));
        }
        return uri;
      } catch (java.net.URISyntaxException e) {
        throw new ConfigException(key, expectation, shown(key));
      }
    }

    String secret(String key) {
      if (!has(key) || raw(key).isEmpty()) {
        return null;
      }
      if (raw(key).length() > io.digiready.protocol.Limits.MAX_STRING_LENGTH) {
        throw new ConfigException(key, "expected at most 1024 characters", shown(key));
      }
      return raw(key);
    }

    Path path(String key, Path fallback) {
      if (!has(key) || raw(key).isEmpty()) {
        return fallback;
      }
      try {
        return Path.of(raw(key)).toAbsolutePath();
      } catch (java.nio.file.InvalidPathException e) {
        throw new ConfigException(key, "expected a directory path", raw(key));
      }
    }

    Path existingFile(String key) {
      if (!has(key) || raw(key).isEmpty()) {
        return null;
      }
      Path path = path(key, null);
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        throw new ConfigException(key, "expected a readable PEM file", raw(key));
      }
      return path;
    }

    int integer(String key, int fallback, int min, int max) {
      return (int) longValue(key, fallback, min, max);
    }

    long longValue(String key, long fallback, long min, long max) {
      if (!has(key)) {
        return fallback;
      }
      try {
        long value = Long.parseLong(raw(key));
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below with the same message as an out-of-range number
      }
      throw new ConfigException(
          key, "expected a whole number between " + min + " and " + max, raw(key));
    }

    String oneOf(String key, String fallback, List<String> allowed) {
      if (!has(key)) {
        return fallback;
      }
      String value = raw(key).toLowerCase(Locale.ROOT);
      if (!allowed.contains(value)) {
        throw new ConfigException(key, "expected one of " + String.join(", ", allowed), raw(key));
      }
      return value;
    }
  }
}

package io.digiready.agent.config;

import static io.digiready.agent.config.ConfigKeys.*;

import io.digiready.config.ConfigException;
import io.digiready.config.ConfigKey;
import io.digiready.config.KeyTable;
import io.digiready.protocol.Limits;
import io.digiready.protocol.ProbeTargets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's one configuration loader: a properties file (UTF-8, as the install scripts write it),
 * then {@code DIGIREADY_*} environment variables, then flags, each overriding the one before. Every
 * key is consumed here; anything left over in the file or the flags is an error, because it is most
 * likely a typo. Environment variables that are not keys are ignored: the launcher's own ({@code
 * DIGIREADY_AGENT_JAR}) and a collector's on the same host share the prefix.
 */
public final class ConfigLoader {
  /** More collectors than this is a typo, not a site's set of collectors. */
  static final int MAX_COLLECTOR_URLS = 8;

  private ConfigLoader() {}

  public static AgentSettings load(Path file, Map<String, String> env, Map<String, String> flags) {
    return parse(TABLE.gather(file, env, flags));
  }

  /** The file's values, read as the loader reads it (strict UTF-8, unknown keys refused). */
  static Map<String, String> readFile(Path file) {
    return TABLE.readFile(file);
  }

  private static AgentSettings parse(Map<String, String> explicit) {
    Values v = new Values(explicit);
    return new AgentSettings(
        v.collectorUrls(COLLECTOR_URL),
        v.secret(ENROLLMENT_TOKEN),
        v.path(STATE_DIR, defaultStateDir()),
        v.integer(HEARTBEAT_INTERVAL_SECONDS, 1, 3600),
        v.integer(INVENTORY_CHECK_INTERVAL_SECONDS, 60, 86_400),
        v.integer(PROBE_TIMEOUT_MILLIS, 100, 60_000),
        v.integer(COLLECTOR_TIMEOUT_MILLIS, 500, 300_000),
        v.proxyUrl(PROXY_URL),
        v.existingFile(CA_CERT_FILE),
        v.longValue(SPOOL_MAX_BYTES, 64 * 1024, 100L * 1024 * 1024 * 1024),
        v.integer(SPOOL_MAX_AGE_DAYS, 1, 3650),
        v.integer(SEND_BATCH_SIZE, 1, Limits.MAX_HEARTBEATS_PER_BATCH),
        v.probeTargets(PROBE_TARGETS),
        v.oneOf(LOG_LEVEL, List.of("error", "warn", "info", "debug")),
        java.util.Set.copyOf(explicit.keySet()));
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

  /** The explicit values over the table's defaults; every getter names its key when it fails. */
  private record Values(Map<String, String> explicit) {
    String raw(ConfigKey key) {
      return KeyTable.value(explicit, key);
    }

    private String shown(ConfigKey key, String value) {
      return key.shown(value);
    }

    List<URI> collectorUrls(ConfigKey key) {
      List<URI> urls = new ArrayList<>();
      for (String part : raw(key).split(",")) {
        String entry = part.strip();
        if (entry.isEmpty()) {
          continue;
        }
        URI uri = uri(entry);
        boolean ok =
            uri != null
                && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null
                && uri.getUserInfo() == null
                && uri.getQuery() == null;
        if (!ok) {
          throw new ConfigException(
              key.name(),
              "expected an http:// or https:// URL such as https://collector.example:8443, or"
                  + " several, comma-separated",
              entry);
        }
        if (urls.contains(uri)) {
          throw new ConfigException(key.name(), "expected each URL once", entry);
        }
        urls.add(uri);
      }
      if (urls.size() > MAX_COLLECTOR_URLS) {
        throw new ConfigException(
            key.name(),
            "expected at most " + MAX_COLLECTOR_URLS + " URLs",
            String.valueOf(urls.size()));
      }
      return List.copyOf(urls);
    }

    URI proxyUrl(ConfigKey key) {
      String value = raw(key);
      if (value.isEmpty()) {
        return null;
      }
      URI uri = uri(value);
      if (uri == null
          || !"http".equals(uri.getScheme())
          || uri.getHost() == null
          || uri.getPort() <= 0
          || uri.getUserInfo() != null
          || uri.getQuery() != null) {
        throw new ConfigException(key.name(), "expected http://host:port", value);
      }
      return uri;
    }

    private static URI uri(String text) {
      try {
        return new URI(text.replaceAll("/+$", ""));
      } catch (URISyntaxException e) {
        return null;
      }
    }

    String secret(ConfigKey key) {
      String value = raw(key);
      if (value.isEmpty()) {
        return null;
      }
      if (value.length() > Limits.MAX_STRING_LENGTH) {
        throw new ConfigException(
            key.name(),
            "expected at most " + Limits.MAX_STRING_LENGTH + " characters",
            shown(key, value));
      }
      return value;
    }

    Path path(ConfigKey key, Path fallback) {
      String value = raw(key);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        return Path.of(value).toAbsolutePath();
      } catch (InvalidPathException e) {
        throw new ConfigException(key.name(), "expected a path", value);
      }
    }

    Path existingFile(ConfigKey key) {
      Path path = path(key, null);
      if (path == null) {
        return null;
      }
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        throw new ConfigException(key.name(), "expected a readable PEM file", raw(key));
      }
      return path;
    }

    int integer(ConfigKey key, int min, int max) {
      return (int) longValue(key, min, max);
    }

    long longValue(ConfigKey key, long min, long max) {
      try {
        long value = Long.parseLong(raw(key));
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below with the same message as an out-of-range number
      }
      throw new ConfigException(
          key.name(), "expected a whole number between " + min + " and " + max, raw(key));
    }

    String oneOf(ConfigKey key, List<String> allowed) {
      String value = raw(key).toLowerCase(Locale.ROOT);
      if (!allowed.contains(value)) {
        throw new ConfigException(
            key.name(), "expected one of " + String.join(", ", allowed), raw(key));
      }
      return value;
    }

    List<io.digiready.protocol.ProbeTarget> probeTargets(ConfigKey key) {
      List<io.digiready.protocol.ProbeTarget> targets;
      try {
        targets = ProbeTargets.parse(raw(key));
      } catch (ProbeTargets.SyntaxException e) {
        throw new ConfigException(key.name(), e.expectation(), e.found());
      }
      // one place of a round is the collector itself
      if (targets.size() > Limits.MAX_PROBES - 1) {
        throw new ConfigException(
            key.name(),
            "expected at most " + (Limits.MAX_PROBES - 1) + " targets",
            String.valueOf(targets.size()));
      }
      return List.copyOf(targets);
    }
  }
}

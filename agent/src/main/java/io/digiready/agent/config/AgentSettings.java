package io.digiready.agent.config;

import io.digiready.config.ConfigKey;
import io.digiready.protocol.ProbeTarget;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The agent's validated configuration. {@code collectorUrls} is empty without a collector and holds
 * several URLs for fail-over, first one first. {@code explicitKeys} are the keys set by the file,
 * the environment or a flag: a value set locally wins over the collector's central one.
 */
public record AgentSettings(
    List<URI> collectorUrls,
    String enrollmentToken,
    Path stateDir,
    int heartbeatIntervalSeconds,
    int inventoryCheckIntervalSeconds,
    int probeTimeoutMillis,
    int collectorTimeoutMillis,
    URI proxyUrl,
    Path caCertFile,
    long spoolMaxBytes,
    int spoolMaxAgeDays,
    int sendBatchSize,
    List<ProbeTarget> probeTargets,
    String logLevel,
    Set<String> explicitKeys) {

  public boolean isExplicit(ConfigKey key) {
    return explicitKeys.contains(key.name());
  }

  public boolean hasCollector() {
    return !collectorUrls.isEmpty();
  }

  /** The collector URLs as configured, comma-separated; "(none)" without a collector. */
  public String collectorUrlText() {
    return collectorUrls.isEmpty()
        ? "(none)"
        : String.join(",", collectorUrls.stream().map(URI::toString).toList());
  }

  /** Keeps the enrollment token out of logs and exception messages. */
  @Override
  public String toString() {
    return "AgentSettings[collectorUrls="
        + collectorUrls
        + ", stateDir="
        + stateDir
        + ", heartbeatIntervalSeconds="
        + heartbeatIntervalSeconds
        + "]";
  }
}

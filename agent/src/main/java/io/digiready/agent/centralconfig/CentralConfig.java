package io.digiready.agent.centralconfig;

import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.config.ConfigKeys;
import io.digiready.protocol.AgentConfig;
import io.digiready.protocol.ProbeTarget;
import java.util.List;

/**
 * The collector's settings merged with the local ones: a district changes intervals and targets in
 * one place, and a key set locally (file, environment or flag) keeps its local value.
 */
public final class CentralConfig {
  /** What the service runs with now. */
  public record Effective(int heartbeatSeconds, int checkSeconds, List<ProbeTarget> targets) {}

  private final AgentSettings settings;
  private AgentConfig central;
  private Effective effective;

  /** Starts from the last agent-config received, or from the local settings alone. */
  public CentralConfig(AgentSettings settings, AgentConfig cached) {
    this.settings = settings;
    apply(cached);
  }

  /** Applies a newer agent-config; null keeps the last one. Returns the result. */
  public synchronized Effective apply(AgentConfig config) {
    if (config != null) {
      central = config;
    }
    int heartbeat =
        central == null || settings.isExplicit(ConfigKeys.HEARTBEAT_INTERVAL_SECONDS)
            ? settings.heartbeatIntervalSeconds()
            : central.heartbeatIntervalSeconds();
    int check =
        central == null
                || central.inventoryCheckIntervalSeconds() == null
                || settings.isExplicit(ConfigKeys.INVENTORY_CHECK_INTERVAL_SECONDS)
            ? settings.inventoryCheckIntervalSeconds()
            : central.inventoryCheckIntervalSeconds();
    List<ProbeTarget> targets =
        Targets.effective(
            central == null ? List.of() : central.probes(),
            settings.probeTargets(),
            settings.collectorUrls());
    effective = new Effective(heartbeat, check, targets);
    return effective;
  }

  public synchronized Effective effective() {
    return effective;
  }
}

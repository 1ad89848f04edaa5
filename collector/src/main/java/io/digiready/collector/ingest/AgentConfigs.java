package io.digiready.collector.ingest;

import io.digiready.collector.config.CollectorConfig;
import io.digiready.protocol.AgentConfig;

/** What every agent is told, from the collector's own config. */
public final class AgentConfigs {
  private AgentConfigs() {}

  public static AgentConfig of(CollectorConfig c) {
    return new AgentConfig(
        c.heartbeatIntervalSeconds(), c.inventoryCheckIntervalSeconds(), c.probeTargets());
  }
}

package io.digiready.agent.service;

import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.config.AgentVersion;
import io.digiready.agent.http.CollectorClient;
import io.digiready.agent.http.CollectorEndpoints;
import io.digiready.agent.http.TlsContexts;
import io.digiready.agent.inventory.OshiReader;
import io.digiready.agent.inventory.Readings;
import io.digiready.agent.probe.Prober;
import io.digiready.agent.probe.ProxyChoice;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import oshi.SystemInfo;

/** Builds the pieces every command shares from the settings. */
public final class Wiring {
  /** Each OSHI section gets this long before it is given up (Windows WMI can hang). */
  static final Duration SECTION_TIMEOUT = Duration.ofSeconds(30);

  private Wiring() {}

  public static Prober prober(AgentSettings s) {
    return new Prober(
        s.probeTimeoutMillis(), ProxyChoice.of(s.proxyUrl()), AgentVersion.userAgent());
  }

  /** Null when no collector is configured. */
  public static CollectorClient client(AgentSettings s) throws IOException {
    if (!s.hasCollector()) {
      return null;
    }
    return new CollectorClient(
        new CollectorEndpoints(s.collectorUrls(), Clock.systemUTC(), CollectorEndpoints.FAILBACK),
        TlsContexts.socketFactory(s.caCertFile()),
        ProxyChoice.of(s.proxyUrl()),
        s.collectorTimeoutMillis(),
        AgentVersion.userAgent());
  }

  /** One full reading of the machine, each section with its own timeout. */
  public static Readings readMachine(SystemInfo systemInfo) {
    return new OshiReader(systemInfo, SECTION_TIMEOUT).read();
  }

  /** What enrollment needs: host name and fingerprint. */
  public static Readings readIdentity(SystemInfo systemInfo) {
    return new OshiReader(systemInfo, SECTION_TIMEOUT).readIdentity();
  }
}

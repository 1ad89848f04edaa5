package io.digiready.agent.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.probe.Prober;
import io.digiready.agent.probe.ProxyChoice;
import io.digiready.agent.send.Answers;
import io.digiready.agent.send.CollectorClient;
import io.digiready.agent.send.TlsContexts;
import io.digiready.protocol.AgentConfig;
import io.digiready.protocol.Json;
import io.digiready.protocol.ProtocolValidator;
import io.digiready.protocol.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the pieces every command shares from the settings. */
public final class Wiring {
  private static final ObjectMapper JSON = Json.mapper();

  private Wiring() {}

  public static String version() {
    String v = Wiring.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public static String userAgent() {
    return "digiready-agent/" + version();
  }

  public static Prober prober(AgentSettings s) {
    return new Prober(s.probeTimeoutMillis(), ProxyChoice.of(s.proxyUrl()), userAgent());
  }

  /** Null when no collector is configured. */
  public static CollectorClient client(AgentSettings s) throws IOException {
    if (s.collectorUrl() == null) {
      return null;
    }
    return new CollectorClient(
        s.collectorUrl(),
        TlsContexts.socketFactory(s.caCertFile()),
        ProxyChoice.of(s.proxyUrl()),
        s.collectorTimeoutMillis(),
        userAgent());
  }

  /**
   * {@code GET /api/v1/agent-config}, validated; kept in the state directory so that a restart
   * while the collector is away still probes the central targets.
   */
  public static AgentConfig fetchAgentConfig(
      CollectorClient client, Identity identity, Path stateDir) throws IOException {
    CollectorClient.Response answer;
    try {
      answer = client.get("/api/v1/agent-config", identity == null ? null : identity.agentToken());
    } catch (IOException e) {
      throw new IOException("agent-config: " + Answers.describe(e));
    }
    if (!answer.ok()) {
      throw new IOException("agent-config: " + Answers.describe(answer));
    }
    AgentConfig config;
    try {
      config = JSON.readValue(answer.body(), AgentConfig.class);
      ProtocolValidator.agentConfig(config);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("agent-config: " + Json.describe(e));
    } catch (ValidationException e) {
      throw new IOException("agent-config: " + e.getMessage());
    }
    saveAgentConfig(stateDir, config);
    return config;
  }

  public static void saveAgentConfig(Path stateDir, AgentConfig config) {
    try {
      Files.createDirectories(stateDir);
      Files.write(stateDir.resolve("agent-config.json"), JSON.writeValueAsBytes(config));
    } catch (IOException e) {
      // only a cache
    }
  }

  /** The last agent-config received, or null. */
  public static AgentConfig cachedAgentConfig(Path stateDir) {
    Path file = stateDir.resolve("agent-config.json");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      AgentConfig config = JSON.readValue(file.toFile(), AgentConfig.class);
      ProtocolValidator.agentConfig(config);
      return config;
    } catch (IOException | ValidationException e) {
      return null;
    }
  }
}

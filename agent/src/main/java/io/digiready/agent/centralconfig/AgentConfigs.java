package io.digiready.agent.centralconfig;

import io.digiready.agent.http.Answers;
import io.digiready.agent.http.CollectorClient;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.json.Jackson;
import io.digiready.protocol.AgentConfig;
import io.digiready.protocol.Endpoints;
import io.digiready.protocol.ProtocolValidator;
import io.digiready.protocol.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The collector's {@code agent-config}: fetched, validated, and kept in the state directory so that
 * a restart while the collector is away still probes the central targets.
 */
public final class AgentConfigs {
  private static final String FILE = "agent-config.json";

  private AgentConfigs() {}

  /** {@code GET /api/v1/agent-config}, validated, then cached; IOException names the cause. */
  public static AgentConfig fetch(CollectorClient client, Identity identity, Path stateDir)
      throws IOException {
    CollectorClient.Response answer;
    try {
      answer = client.get(Endpoints.AGENT_CONFIG, identity == null ? null : identity.agentToken());
    } catch (IOException e) {
      throw new IOException("agent-config: " + Answers.describe(e));
    }
    if (!answer.ok()) {
      throw new IOException("agent-config: " + Answers.describe(answer));
    }
    AgentConfig config;
    try {
      config = AgentConfigJson.read(answer.body());
      ProtocolValidator.agentConfig(config);
    } catch (Jackson.BadJson e) {
      throw new IOException("agent-config: " + e.getMessage());
    } catch (ValidationException e) {
      throw new IOException("agent-config: " + e.getMessage());
    }
    save(stateDir, config);
    return config;
  }

  public static void save(Path stateDir, AgentConfig config) {
    try {
      Files.createDirectories(stateDir);
      Files.write(stateDir.resolve(FILE), AgentConfigJson.write(config));
    } catch (IOException e) {
      // only a cache
    }
  }

  /** The last agent-config received, or null. */
  public static AgentConfig cached(Path stateDir) {
    Path file = stateDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      AgentConfig config = AgentConfigJson.read(Files.readAllBytes(file));
      ProtocolValidator.agentConfig(config);
      return config;
    } catch (IOException | ValidationException e) {
      return null;
    }
  }
}

package io.digiready.agent.cli;

import io.digiready.agent.centralconfig.AgentConfigs;
import io.digiready.agent.centralconfig.Targets;
import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.http.CollectorClient;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.identity.IdentityStore;
import io.digiready.agent.probe.Prober;
import io.digiready.agent.service.Wiring;
import io.digiready.protocol.AgentConfig;
import io.digiready.protocol.ProbeResult;
import io.digiready.protocol.ProbeTarget;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "probe",
    description =
        "Run the connectivity probes once and print the results as JSON. Uses the local"
            + " probeTargets, plus the collector's targets when it is reachable.")
final class ProbeCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    AgentSettings s = options.load();
    AgentConfig central = centralConfig(s);
    List<ProbeTarget> targets =
        Targets.effective(
            central == null ? List.of() : central.probes(), s.probeTargets(), s.collectorUrls());
    List<ProbeResult> results = Wiring.prober(s).probeAll(targets);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("internetUp", Prober.internetUp(results));
    out.put("probes", results);
    Commands.printJson(System.out, out);
    return 0;
  }

  /** The live agent-config when the collector answers, else the last one received, else none. */
  private static AgentConfig centralConfig(AgentSettings s) {
    if (!s.hasCollector()) {
      return null;
    }
    try {
      Identity identity = new IdentityStore(s.stateDir()).load();
      CollectorClient client = Wiring.client(s);
      return AgentConfigs.fetch(client, identity, s.stateDir());
    } catch (IOException e) {
      LoggerFactory.getLogger(ProbeCommand.class)
          .warn("event=agent_config_unavailable reason=\"{}\"", e.getMessage());
      return AgentConfigs.cached(s.stateDir());
    }
  }
}

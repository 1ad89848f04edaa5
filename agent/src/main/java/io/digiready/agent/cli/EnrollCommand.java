package io.digiready.agent.cli;

import io.digiready.agent.centralconfig.AgentConfigs;
import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.enroll.Enroller;
import io.digiready.agent.http.CollectorClient;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.identity.IdentityStore;
import io.digiready.agent.inventory.InventoryMapper;
import io.digiready.agent.inventory.Readings;
import io.digiready.agent.service.Wiring;
import io.digiready.protocol.EnrollResponse;
import java.util.concurrent.Callable;
import oshi.SystemInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "enroll",
    description =
        "Enroll this machine with the collector using the unit's enrollment token, and store the"
            + " machine id and agent token in the state directory.")
final class EnrollCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--force", description = "Enroll again even if an identity is stored.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    AgentSettings s = options.load();
    if (!s.hasCollector()) {
      System.err.println("collectorUrl: expected a collector URL to enroll with. Found: none");
      return 2;
    }
    if (s.enrollmentToken() == null) {
      System.err.println("enrollmentToken: expected the unit's enrollment token. Found: none");
      return 2;
    }
    IdentityStore store = new IdentityStore(s.stateDir());
    Identity existing = store.load();
    if (existing != null && !force) {
      System.out.println(
          "already enrolled as " + existing.machineId() + " (use --force to enroll again)");
      return 0;
    }
    Readings readings = Wiring.readIdentity(new SystemInfo());
    CollectorClient client = Wiring.client(s);
    try {
      EnrollResponse r =
          Enroller.enroll(
              client,
              s.enrollmentToken(),
              InventoryMapper.hostname(readings.hostname()),
              InventoryMapper.toFingerprint(readings));
      store.save(
          new Identity(
              r.machineId(), r.agentToken(), client.base().toString(), s.enrollmentToken()));
      if (r.config() != null) {
        AgentConfigs.save(s.stateDir(), r.config());
      }
      System.out.println("enrolled as " + r.machineId());
      return 0;
    } catch (Enroller.EnrollException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }
}

package io.digiready.agent.cli;

import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.identity.Enroller;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.identity.IdentityStore;
import io.digiready.agent.inventory.InventoryMapper;
import io.digiready.agent.inventory.OshiReader;
import io.digiready.agent.inventory.Readings;
import io.digiready.agent.run.Wiring;
import io.digiready.agent.send.CollectorClient;
import io.digiready.protocol.EnrollResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import oshi.SystemInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "enroll",
    description =
        "Enrol this machine with the collector using the unit enrolment token, and store the"
            + " machine id and agent token in the state directory.")
final class EnrollCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--force", description = "Enrol again even if an identity is stored.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    AgentSettings s = options.load();
    if (s.collectorUrl() == null) {
      System.err.println("collectorUrl: expected a collector URL to enrol with. Found: none");
      return 2;
    }
    if (s.enrollmentToken() == null) {
      System.err.println("enrollmentToken: expected the unit's enrolment token. Found: none");
      return 2;
    }
    IdentityStore store = new IdentityStore(s.stateDir());
    Identity existing = store.load();
    if (existing != null && !force) {
      System.out.println(
          "already enrolled as " + existing.machineId() + " (use --force to enrol again)");
      return 0;
    }
    Readings readings = new OshiReader(new SystemInfo(), Duration.ofSeconds(30)).read();
    CollectorClient client = Wiring.client(s);
    try {
      EnrollResponse r =
          Enroller.enroll(
              client,
              s.enrollmentToken(),
              InventoryMapper.toInventory(readings, Wiring.version(), java.time.Instant.now())
                  .hostname(),
              InventoryMapper.toFingerprint(readings),
              null);
      store.save(new Identity(r.machineId(), r.agentToken(), s.collectorUrl().toString()));
      if (r.config() != null) {
        Wiring.saveAgentConfig(s.stateDir(), r.config());
      }
      System.out.println("enrolled as " + r.machineId());
      return 0;
    } catch (Enroller.EnrollException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }
}

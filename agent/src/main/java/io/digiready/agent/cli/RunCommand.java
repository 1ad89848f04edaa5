package io.digiready.agent.cli;

import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.service.AgentService;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "run",
    description = "Run the agent service: heartbeats, inventory, spool and sending.")
final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    return run(options.load());
  }

  static int run(AgentSettings s) throws Exception {
    AgentService service = new AgentService(s, Clock.systemUTC());
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
    service.start();
    service.awaitTermination();
    return 0;
  }
}

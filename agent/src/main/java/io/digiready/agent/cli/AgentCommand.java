package io.digiready.agent.cli;

import io.digiready.agent.config.AgentVersion;
import io.digiready.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "digiready-agent",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = AgentCommand.Version.class,
    description = "The digiready workstation agent.",
    subcommands = {
      RunCommand.class,
      InventoryCommand.class,
      ProbeCommand.class,
      EnrollCommand.class,
      StatusCommand.class
    })
public final class AgentCommand implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }

  /** Runs the command line and returns the exit code: 2 for any configuration error. */
  public static int execute(String... args) {
    // the system proxy settings apply unless proxyUrl names one; must precede any network use
    if (io.digiready.agent.probe.ProxyChoice.jvmReadsSystemProxies()) {
      System.setProperty("java.net.useSystemProxies", "true");
    }
    RunArgs run = RunArgs.parse(args);
    if (run != null) {
      return runWithoutPicocli(run);
    }
    CommandLine cl = new CommandLine(new AgentCommand());
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommandSpec().mixins().values().stream()
          .anyMatch(m -> m.userObject() instanceof ConfigOptions)) {
        ConfigOptions.addKeyOptions(sub.getCommandSpec());
      }
    }
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof ConfigException) {
            cmd.getErr().println(e.getMessage());
            return 2;
          }
          cmd.getErr().println("error: " + e.getMessage());
          return 1;
        });
    int code = cl.execute(args);
    return code;
  }

  /** {@code run} as picocli would run it, with the same exit codes and messages on errors. */
  private static int runWithoutPicocli(RunArgs run) {
    try {
      return RunCommand.run(run.load());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"digiready-agent " + AgentVersion.version()};
    }
  }
}

package io.digiready.agent;

import io.digiready.agent.cli.AgentCommand;

/** Entry point of the digiready agent jar. */
public final class AgentMain {
  private AgentMain() {}

  public static void main(String[] args) {
    System.exit(AgentCommand.execute(args));
  }
}

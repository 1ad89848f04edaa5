package io.digiready.agent;

/** Entry point of the digiready agent jar. */
public final class AgentMain {
  private AgentMain() {}

  public static void main(String[] args) {
    String version = AgentMain.class.getPackage().getImplementationVersion();
    if (args.length == 1 && args[0].equals("--version")) {
      System.out.println("digiready-agent " + (version == null ? "dev" : version));
      return;
    }
    System.err.println("usage: digiready-agent --version");
    System.exit(2);
  }
}

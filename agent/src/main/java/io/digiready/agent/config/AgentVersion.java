package io.digiready.agent.config;

/** The agent's version, from the jar's manifest ({@code dev} when run from classes). */
public final class AgentVersion {
  private AgentVersion() {}

  public static String version() {
    String v = AgentVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** {@code digiready-agent/0.1.0}, sent with every request. */
  public static String userAgent() {
    return "digiready-agent/" + version();
  }
}

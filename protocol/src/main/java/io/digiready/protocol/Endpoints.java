package io.digiready.protocol;

/**
 * The paths of the collector's API that agents and the simulator call: written once, used by the
 * agent, the simulator and the collector's routes.
 */
public final class Endpoints {
  private Endpoints() {}

  public static final String ENROLL = "/api/v1/enroll";
  public static final String HEARTBEATS = "/api/v1/heartbeats";
  public static final String INVENTORY = "/api/v1/inventory";
  public static final String AGENT_CONFIG = "/api/v1/agent-config";
  public static final String UNITS = "/api/v1/units";
}

package io.digiready.agent.identity;

/** Who this agent is to its collector. The token is a secret and never printed. */
public record Identity(String machineId, String agentToken, String collectorUrl) {

  @Override
  public String toString() {
    return "Identity[machineId=" + machineId + ", collectorUrl=" + collectorUrl + "]";
  }
}

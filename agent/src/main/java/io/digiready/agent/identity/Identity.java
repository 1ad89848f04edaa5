package io.digiready.agent.identity;

/**
 * Who this agent is to its collector. Both tokens are secrets and never printed. {@code
 * enrollmentToken} is the unit token this identity was obtained with, kept so that the agent can
 * enroll again when its agent token is revoked; null when it was not kept (identities stored before
 * it was).
 */
public record Identity(
    String machineId, String agentToken, String collectorUrl, String enrollmentToken) {

  public Identity(String machineId, String agentToken, String collectorUrl) {
    this(machineId, agentToken, collectorUrl, null);
  }

  @Override
  public String toString() {
    return "Identity[machineId=" + machineId + ", collectorUrl=" + collectorUrl + "]";
  }
}

package io.digiready.protocol;

/** Answer to a successful enrolment: the agent stores all three. */
public record EnrollResponse(String machineId, String agentToken, AgentConfig config) {

  /** Keeps the secret out of logs and exception messages. */
  @Override
  public String toString() {
    return "EnrollResponse[machineId=" + machineId + ", config=" + config + "]";
  }
}

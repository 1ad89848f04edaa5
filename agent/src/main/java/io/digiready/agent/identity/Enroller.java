package io.digiready.agent.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.agent.send.Answers;
import io.digiready.agent.send.CollectorClient;
import io.digiready.protocol.EnrollRequest;
import io.digiready.protocol.EnrollResponse;
import io.digiready.protocol.Fingerprint;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.Json;
import io.digiready.protocol.ProtocolValidator;
import io.digiready.protocol.ValidationException;
import java.io.IOException;

/** {@code POST /api/v1/enroll}: a unit enrolment token and the fingerprint buy an identity. */
public final class Enroller {
  private static final ObjectMapper JSON = Json.mapper();

  private Enroller() {}

  /** Why enrolment did not work, without the token in the message. */
  public static final class EnrollException extends Exception {
    private final boolean retryable;

    public EnrollException(String message, boolean retryable) {
      super(message);
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  public static EnrollResponse enroll(
      CollectorClient client,
      String enrollmentToken,
      String hostname,
      Fingerprint fingerprint,
      Inventory inventory)
      throws EnrollException {
    EnrollRequest request = new EnrollRequest(enrollmentToken, hostname, fingerprint, inventory);
    CollectorClient.Response answer;
    try {
      answer = client.post("/api/v1/enroll", JSON.writeValueAsBytes(request), null, true);
    } catch (IOException e) {
      throw new EnrollException("collector unreachable: " + Answers.describe(e), true);
    }
    if (!answer.ok()) {
      boolean retryable = answer.status() >= 500 || answer.status() == 429;
      throw new EnrollException("enrolment refused: " + Answers.describe(answer), retryable);
    }
    try {
      EnrollResponse response = JSON.readValue(answer.body(), EnrollResponse.class);
      if (response.machineId() == null
          || response.machineId().isBlank()
          || response.agentToken() == null
          || response.agentToken().isBlank()) {
        throw new EnrollException("enrolment answer lacks machineId or agentToken", true);
      }
      if (response.config() != null) {
        ProtocolValidator.agentConfig(response.config());
      }
      return response;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new EnrollException("enrolment answer is malformed: " + Json.describe(e), true);
    } catch (IOException | ValidationException e) {
      throw new EnrollException("enrolment answer is malformed: " + e.getMessage(), true);
    }
  }
}

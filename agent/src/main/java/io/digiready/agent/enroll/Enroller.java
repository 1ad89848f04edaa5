package io.digiready.agent.enroll;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.agent.http.Answers;
import io.digiready.agent.http.CollectorClient;
import io.digiready.protocol.Endpoints;
import io.digiready.protocol.EnrollRequest;
import io.digiready.protocol.EnrollResponse;
import io.digiready.protocol.Fingerprint;
import io.digiready.protocol.Json;
import io.digiready.protocol.ProtocolValidator;
import io.digiready.protocol.ValidationException;
import java.io.IOException;

/** {@code POST /api/v1/enroll}: a unit enrollment token and the fingerprint buy an identity. */
public final class Enroller {
  private static final ObjectMapper JSON = Json.mapper();

  private Enroller() {}

  /** Why enrollment did not work, without the token in the message. */
  public static final class EnrollException extends Exception {
    private final long retryAfterSeconds;

    public EnrollException(String message) {
      this(message, 0);
    }

    EnrollException(String message, long retryAfterSeconds) {
      super(message);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How long the collector asked to wait (429 or 503 with Retry-After), else 0. */
    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  public static EnrollResponse enroll(
      CollectorClient client, String enrollmentToken, String hostname, Fingerprint fingerprint)
      throws EnrollException {
    // the inventory follows through the spool; the enrollment stays small
    EnrollRequest request = new EnrollRequest(enrollmentToken, hostname, fingerprint, null);
    CollectorClient.Response answer;
    try {
      answer = client.post(Endpoints.ENROLL, JSON.writeValueAsBytes(request), null, true);
    } catch (IOException e) {
      throw new EnrollException("collector unreachable: " + Answers.describe(e));
    }
    if (!answer.ok()) {
      boolean askedToWait = answer.status() == 429 || answer.status() == 503;
      Long retryAfter = askedToWait ? answer.retryAfterSeconds() : null;
      throw new EnrollException(
          "enrollment refused: " + Answers.describe(answer), retryAfter == null ? 0 : retryAfter);
    }
    try {
      EnrollResponse response = JSON.readValue(answer.body(), EnrollResponse.class);
      if (response.machineId() == null
          || response.machineId().isBlank()
          || response.agentToken() == null
          || response.agentToken().isBlank()) {
        throw new EnrollException("enrollment answer lacks machineId or agentToken");
      }
      if (response.config() != null) {
        ProtocolValidator.agentConfig(response.config());
      }
      return response;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new EnrollException("enrollment answer is malformed: " + Json.describe(e));
    } catch (IOException | ValidationException e) {
      throw new EnrollException("enrollment answer is malformed: " + e.getMessage());
    }
  }
}

package io.digiready.agent.send;

import io.digiready.agent.probe.ProbeErrors;
import io.digiready.protocol.ErrorResponse;
import io.digiready.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** One-line descriptions of collector answers and connection failures, for logs and status. */
public final class Answers {
  private Answers() {}

  /** {@code HTTP 400 invalid_request: heartbeats[3].seq: must be >= 1}. */
  public static String describe(CollectorClient.Response r) {
    String detail;
    try {
      ErrorResponse err = Json.mapper().readValue(r.body(), ErrorResponse.class);
      detail = err.error() + (err.detail() == null ? "" : ": " + err.detail());
    } catch (IOException | RuntimeException e) {
      String text = new String(r.body(), StandardCharsets.UTF_8).strip();
      detail = text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
    return ("HTTP " + r.status() + " " + detail).strip();
  }

  /** {@code detail} of an error answer, or null. */
  public static String detail(CollectorClient.Response r) {
    try {
      return Json.mapper().readValue(r.body(), ErrorResponse.class).detail();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** {@code refused: Connection refused}, {@code tls_error: PKIX path building failed ...}. */
  public static String describe(IOException e) {
    return ProbeErrors.classify(e, false) + ": " + ProbeErrors.reason(e);
  }
}

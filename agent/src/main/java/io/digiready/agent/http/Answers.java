package io.digiready.agent.http;

import io.digiready.agent.json.Jackson;
import io.digiready.agent.json.JsonReader;
import io.digiready.agent.probe.ProbeErrors;
import io.digiready.protocol.ErrorResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** One-line descriptions of collector answers and connection failures, for logs and status. */
public final class Answers {
  private Answers() {}

  /** {@code HTTP 400 invalid_request: heartbeats[3].seq: must be >= 1}. */
  public static String describe(CollectorClient.Response r) {
    String detail;
    ErrorResponse err = error(r);
    if (err != null && err.error() != null) {
      detail = err.error() + (err.detail() == null ? "" : ": " + err.detail());
    } else {
      String text = new String(r.body(), StandardCharsets.UTF_8).strip();
      detail = text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
    if (detail.isBlank()) {
      detail = phrase(r.status());
    }
    return ("HTTP " + r.status() + " " + detail).strip();
  }

  /** HttpURLConnection hides the body of a 401 in streaming mode; say what it means anyway. */
  private static String phrase(int status) {
    return switch (status) {
      case 400 -> "invalid payload";
      case 401 -> "unauthorized (agent token unknown or revoked)";
      case 403 -> "forbidden (wrong machine)";
      case 413 -> "payload too large";
      case 503 -> "collector busy";
      default -> "";
    };
  }

  /** The error body of an answer, or null when it has none that reads as one. */
  public static ErrorResponse error(CollectorClient.Response r) {
    try {
      return Jackson.read(
          r.body(),
          ErrorResponse.class,
          o ->
              new ErrorResponse(
                  JsonReader.string(o, "error"),
                  JsonReader.string(o, "detail"),
                  JsonReader.string(o, "field")));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** {@code refused: Connection refused}, {@code tls_error: PKIX path building failed ...}. */
  public static String describe(IOException e) {
    return ProbeErrors.classify(e, false) + ": " + ProbeErrors.reason(e);
  }
}

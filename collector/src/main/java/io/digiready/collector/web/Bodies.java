package io.digiready.collector.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.collector.problem.Problem;
import io.digiready.protocol.Json;
import io.digiready.protocol.Limits;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads request bodies: checks the content type, lets Javalin enforce the size limit (after gzip
 * inflation), and parses with the wire mapper. Parse errors propagate to the one exception mapping.
 */
final class Bodies {
  static final ObjectMapper MAPPER = Json.mapper();

  private Bodies() {}

  static <T> T json(Context ctx, Class<T> type) throws IOException {
    return json(ctx, type, Limits.MAX_BODY_BYTES);
  }

  /** As {@link #json(Context, Class)} for a route whose bodies are smaller than the usual limit. */
  static <T> T json(Context ctx, Class<T> type, int maxBytes) throws IOException {
    requireType(ctx, "application/json");
    byte[] body = ctx.bodyAsBytes();
    return json(body, body.length, type, maxBytes);
  }

  /**
   * As {@link #json(Context, Class, int)} for the first {@code length} bytes of a body read
   * already, of a checked type.
   */
  static <T> T json(byte[] body, int length, Class<T> type, int maxBytes) throws IOException {
    if (length == 0) {
      throw Problem.invalid("body", "is required");
    }
    if (length > maxBytes) {
      throw tooLarge(maxBytes);
    }
    T value = MAPPER.readValue(body, 0, length, type);
    if (value == null) {
      throw Problem.invalid("body", "is required");
    }
    return value;
  }

  static ApiException tooLarge(int maxBytes) {
    return new ApiException(
        ErrorCode.TOO_LARGE, "body: must be at most " + maxBytes + " bytes (after gzip inflation)");
  }

  /**
   * A JSON body that may be left out: with no body at all (whatever the Content-Type, as {@code
   * curl -X POST} sends), {@code absent}.
   */
  static <T> T optionalJson(Context ctx, Class<T> type, T absent) throws IOException {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      return absent;
    }
    requireType(ctx, "application/json");
    T value = MAPPER.readValue(body, type);
    return value == null ? absent : value;
  }

  /** The raw body of the given media type; decoding is the reader's business (CSV is UTF-8). */
  static byte[] bytes(Context ctx, String mediaType) {
    requireType(ctx, mediaType);
    return ctx.bodyAsBytes();
  }

  private static void requireType(Context ctx, String mediaType) {
    requireType(ctx.header("Content-Type"), mediaType);
  }

  /** Refuses (415) a request whose Content-Type header is not {@code mediaType}. */
  static void requireType(String type, String mediaType) {
    String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!base.equals(mediaType)) {
      throw ApiException.unsupportedMediaType(mediaType);
    }
  }
}

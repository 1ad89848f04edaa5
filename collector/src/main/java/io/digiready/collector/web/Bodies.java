package io.digiready.collector.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.protocol.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads request bodies: checks the content type, lets Javalin enforce the size limit (after gzip
 * inflation), and parses with the wire mapper. Parse errors propagate to the one exception mapping.
 */
public final class Bodies {
  public static final ObjectMapper MAPPER = Json.mapper();

  private Bodies() {}

  public static <T> T json(Context ctx, Class<T> type) throws IOException {
    requireType(ctx, "application/json");
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ApiException.badRequest("body: is required");
    }
    T value = MAPPER.readValue(body, type);
    if (value == null) {
      throw ApiException.badRequest("body: is required");
    }
    return value;
  }

  public static String text(Context ctx, String mediaType) {
    requireType(ctx, mediaType);
    return new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
  }

  private static void requireType(Context ctx, String mediaType) {
    String type = ctx.header("Content-Type");
    String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!base.equals(mediaType)) {
      throw ApiException.unsupportedMediaType(mediaType);
    }
  }
}

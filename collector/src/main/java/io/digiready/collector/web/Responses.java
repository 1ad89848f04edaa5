package io.digiready.collector.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** JSON answers written with the wire mapper (UTF-8, ISO times). */
final class Responses {
  static final String JSON = "application/json; charset=utf-8";

  private Responses() {}

  static void json(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType(JSON).result(Bodies.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the answer", e);
    }
  }

  /** A 200 with JSON already written. */
  static void json(Context ctx, byte[] json) {
    ctx.status(200).contentType(JSON).result(json);
  }

  /** An error answer written on Jetty's own response, with its Retry-After when it has one. */
  static void error(Response response, Callback callback, ErrorMapping.Answer a) {
    json(response, callback, a.status(), a.body(), a.retryAfterSeconds());
  }

  /**
   * A JSON answer written on Jetty's own response, where no Javalin context exists (bodies refused
   * while collected, the heartbeat route, Jetty's error answers); {@code retryAfterSeconds} may be
   * null.
   */
  static void json(
      Response response, Callback callback, int status, Object body, String retryAfterSeconds) {
    byte[] json;
    try {
      json = Bodies.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      callback.failed(e);
      return;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    if (retryAfterSeconds != null) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfterSeconds);
    }
    response.write(true, ByteBuffer.wrap(json), callback);
  }
}

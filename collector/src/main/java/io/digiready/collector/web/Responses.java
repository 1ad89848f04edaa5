package io.digiready.collector.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;

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
}

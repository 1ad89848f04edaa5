package io.digiready.collector.web;

import io.digiready.protocol.ErrorResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty writes itself, before any route runs — a malformed request line or header
 * (400), headers too large (431), a path too long (414), a request that arrives while the collector
 * stops or every request slot is taken (503) — as {@code {"error","detail"}} like every other
 * answer instead of Jetty's HTML page. The cause is not shown: it may quote what the client sent.
 */
final class JettyErrors extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    Responses.json(
        response,
        callback,
        code,
        answer(code),
        code == 503 ? ErrorMapping.RETRY_AFTER_SECONDS : null);
  }

  static ErrorResponse answer(int code) {
    return switch (code) {
      case 400 -> new ErrorResponse("invalid_request", "request: malformed HTTP", null);
      case 404 -> new ErrorResponse("not_found", "path: no such endpoint", null);
      case 408 -> new ErrorResponse("request_timeout", "request: not received in time", null);
      case 413 -> new ErrorResponse("too_large", "body: too large", "body");
      case 414 -> new ErrorResponse("too_large", "path: too long", null);
      case 431 -> new ErrorResponse("too_large", "headers: too large", null);
      case 503 ->
          new ErrorResponse("unavailable", "the collector is stopping or busy; retry later", null);
      default ->
          code >= 500
              ? new ErrorResponse("internal_error", "the collector could not answer", null)
              : new ErrorResponse("invalid_request", "request: refused (" + code + ")", null);
    };
  }
}

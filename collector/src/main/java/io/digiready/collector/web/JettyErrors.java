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
    Responses.error(response, callback, answer(code));
  }

  static ErrorMapping.Answer answer(int code) {
    return switch (code) {
      case 400 ->
          new ErrorMapping.Answer(ErrorCode.INVALID_REQUEST, "request: malformed HTTP", null);
      case 404 -> new ErrorMapping.Answer(ErrorCode.NOT_FOUND, ErrorMapping.NO_SUCH_ENDPOINT, null);
      case 408 ->
          new ErrorMapping.Answer(ErrorCode.REQUEST_TIMEOUT, "request: not received in time", null);
      case 413 -> new ErrorMapping.Answer(ErrorCode.TOO_LARGE, "body: too large", "body");
      case 414 -> new ErrorMapping.Answer(ErrorCode.PATH_TOO_LONG, "path: too long", null);
      case 431 -> new ErrorMapping.Answer(ErrorCode.HEADERS_TOO_LARGE, "headers: too large", null);
      case 503 ->
          new ErrorMapping.Answer(
              ErrorCode.UNAVAILABLE, "the collector is stopping or busy; retry later", null);
      default ->
          code >= 500
              ? new ErrorMapping.Answer(
                  ErrorCode.INTERNAL_ERROR, "the collector could not answer", null)
              : new ErrorMapping.Answer(
                  code,
                  new ErrorResponse(
                      ErrorCode.INVALID_REQUEST.code(), "request: refused (" + code + ")", null),
                  null);
    };
  }
}

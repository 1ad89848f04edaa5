package io.digiready.collector.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.digiready.collector.store.QueueFullException;
import io.digiready.collector.store.StorageUnavailableException;
import io.digiready.protocol.ErrorResponse;
import io.digiready.protocol.Json;
import io.digiready.protocol.Limits;
import io.digiready.protocol.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where exceptions become HTTP statuses; handlers have no try/catch. */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  static final String RETRY_AFTER_SECONDS = "5";

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(
        ApiException.class, (e, ctx) -> send(ctx, e.status(), e.error(), e.getMessage()));
    routes.exception(
        ValidationException.class, (e, ctx) -> send(ctx, 400, "invalid_request", e.getMessage()));
    routes.exception(
        JsonProcessingException.class,
        (e, ctx) -> send(ctx, 400, "invalid_request", Json.describe(e)));
    routes.exception(HttpResponseException.class, ErrorMapping::javalin);
    routes.exception(
        QueueFullException.class,
        (e, ctx) -> unavailable(ctx, "the collector is busy; retry later"));
    routes.exception(
        StorageUnavailableException.class,
        (e, ctx) -> unavailable(ctx, "the database cannot take writes now; retry later"));
    routes.exception(
        IOException.class,
        (e, ctx) -> {
          // Also what a bad gzip stream or a cut-off upload becomes while the body is read.
          if (isTooLarge(e)) {
            tooLarge(ctx);
          } else {
            send(ctx, 400, "invalid_request", "body: unreadable (bad gzip or incomplete upload)");
          }
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          if (isTooLarge(e)) {
            tooLarge(ctx);
            return;
          }
          if (causedByUnreadableBody(e)) {
            // Jetty wraps a broken gzip stream in a RuntimeException while the body is read.
            send(ctx, 400, "invalid_request", "body: unreadable (bad gzip or incomplete upload)");
            return;
          }
          LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
          send(ctx, 500, "internal_error", "an unexpected error was logged by the collector");
        });
  }

  private static void javalin(HttpResponseException e, Context ctx) {
    switch (e.getStatus()) {
      case 413 -> tooLarge(ctx);
      case 404 -> send(ctx, 404, "not_found", "path: no such endpoint");
      case 405 -> send(ctx, 405, "method_not_allowed", "method: not allowed on this path");
      default -> {
        int status = e.getStatus() >= 500 ? 400 : e.getStatus();
        send(ctx, status, "invalid_request", "request: " + e.getMessage());
      }
    }
  }

  private static boolean isTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpResponseException h && h.getStatus() == 413) {
        return true;
      }
      String m = t.getMessage();
      if (m != null && (m.contains("413") || m.toLowerCase().contains("too large"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean causedByUnreadableBody(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static void tooLarge(Context ctx) {
    send(
        ctx,
        413,
        "too_large",
        "body: must be at most " + Limits.MAX_BODY_BYTES + " bytes (after gzip inflation)");
  }

  private static void unavailable(Context ctx, String detail) {
    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    send(ctx, 503, "unavailable", detail);
  }

  static void send(Context ctx, int status, String error, String detail) {
    Responses.json(ctx, status, new ErrorResponse(error, detail));
  }
}

package io.digiready.collector.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.digiready.collector.problem.Problem;
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
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where exceptions become HTTP statuses; handlers have no try/catch. */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  static final String RETRY_AFTER_SECONDS = "5";
  private static final String UNREADABLE = "body: unreadable (bad gzip or incomplete upload)";

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(Problem.class, ErrorMapping::problem);
    routes.exception(
        ApiException.class, (e, ctx) -> send(ctx, e.status(), e.error(), e.getMessage(), null));
    routes.exception(
        ValidationException.class,
        (e, ctx) -> send(ctx, 400, "invalid_request", e.getMessage(), e.field()));
    routes.exception(
        JsonProcessingException.class,
        (e, ctx) -> send(ctx, 400, "invalid_request", Json.describe(e), Json.fieldOf(e)));
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
          if (tooLarge(e)) {
            tooLarge(ctx);
          } else {
            send(ctx, 400, "invalid_request", UNREADABLE, "body");
          }
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          if (tooLarge(e)) {
            tooLarge(ctx);
          } else if (causedByUnreadableBody(e)) {
            // Jetty wraps a broken gzip stream in a RuntimeException while the body is read.
            send(ctx, 400, "invalid_request", UNREADABLE, "body");
          } else {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            send(
                ctx,
                500,
                "internal_error",
                "an unexpected error was logged by the collector",
                null);
          }
        });
  }

  private static void problem(Problem e, Context ctx) {
    switch (e.kind()) {
      case INVALID -> send(ctx, 400, "invalid_request", e.getMessage(), e.field());
      case UNAUTHORIZED -> send(ctx, 401, "unauthorized", e.getMessage(), e.field());
      case FORBIDDEN -> send(ctx, 403, "forbidden", e.getMessage(), e.field());
      case NOT_FOUND -> send(ctx, 404, "not_found", e.getMessage(), e.field());
      case CONFLICT -> send(ctx, 409, "conflict", e.getMessage(), e.field());
      case TOO_MANY_REQUESTS -> {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        ctx.header("Retry-After", String.valueOf(seconds));
        send(ctx, 429, "too_many_requests", e.getMessage(), e.field());
      }
    }
  }

  private static void javalin(HttpResponseException e, Context ctx) {
    switch (e.getStatus()) {
      case 413 -> tooLarge(ctx);
      case 404 -> send(ctx, 404, "not_found", "path: no such endpoint", null);
      case 405 -> send(ctx, 405, "method_not_allowed", "method: not allowed on this path", null);
      default -> {
        int status = e.getStatus() >= 500 ? 400 : e.getStatus();
        send(ctx, status, "invalid_request", "request: " + e.getMessage(), null);
      }
    }
  }

  /**
   * A body over the limit: Javalin's own 413 when it reads the body, or Jetty's when the inflated
   * gzip stream passes the limit while it is read; recognised by type and status, never by text.
   */
  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpResponseException h && h.getStatus() == 413) {
        return true;
      }
      if (t instanceof HttpException h && h.getCode() == 413) {
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
        "body: must be at most " + Limits.MAX_BODY_BYTES + " bytes (after gzip inflation)",
        "body");
  }

  private static void unavailable(Context ctx, String detail) {
    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    send(ctx, 503, "unavailable", detail, null);
  }

  static void send(Context ctx, int status, String error, String detail, String field) {
    Responses.json(ctx, status, new ErrorResponse(error, detail, field));
  }
}

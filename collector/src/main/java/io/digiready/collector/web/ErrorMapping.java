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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where exceptions become HTTP statuses; handlers have no try/catch. */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  private static final String UNREADABLE = "body: unreadable (bad gzip or incomplete upload)";
  static final String NO_SUCH_ENDPOINT = "path: no such endpoint";

  private ErrorMapping() {}

  /** An error answer: its status, its body and, for 429 and 503, when to retry. */
  record Answer(int status, ErrorResponse body, String retryAfterSeconds) {
    Answer(ErrorCode code, String detail, String field) {
      this(code, detail, field, code.retryAfterSeconds());
    }

    Answer(ErrorCode code, String detail, String field, String retryAfterSeconds) {
      this(code.status(), new ErrorResponse(code.code(), detail, field), retryAfterSeconds);
    }
  }

  static void register(RoutesConfig routes) {
    routes.exception(Exception.class, ErrorMapping::send);
    // Javalin has its own handler for its exceptions: the more specific class replaces it.
    routes.exception(HttpResponseException.class, ErrorMapping::send);
  }

  private static void send(Exception e, Context ctx) {
    Answer a = answer(e, ctx.method() + " " + ctx.path());
    if (a.retryAfterSeconds() != null) {
      ctx.header("Retry-After", a.retryAfterSeconds());
    }
    Responses.json(ctx, a.status(), a.body());
  }

  /**
   * The answer to an exception thrown while a request was handled ({@code request} names it in the
   * log when the exception is unexpected); a failed future's cause is what is answered.
   */
  static Answer answer(Throwable thrown, String request) {
    Throwable e = thrown;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof Problem p) {
      return problem(p);
    }
    if (e instanceof ApiException a) {
      return new Answer(a.code(), a.getMessage(), null);
    }
    if (e instanceof ValidationException v) {
      return new Answer(ErrorCode.INVALID_REQUEST, v.getMessage(), v.field());
    }
    if (e instanceof JsonProcessingException j) {
      return new Answer(ErrorCode.INVALID_REQUEST, Json.describe(j), Json.fieldOf(j));
    }
    if (e instanceof HttpResponseException h) {
      return javalin(h);
    }
    if (e instanceof QueueFullException) {
      return unavailable("the collector is busy; retry later");
    }
    if (e instanceof StorageUnavailableException) {
      return unavailable("the database cannot take writes now; retry later");
    }
    if (tooLarge(e)) {
      return tooLarge();
    }
    // Also what a bad gzip stream or a cut-off upload becomes while the body is read (Jetty wraps
    // a broken gzip stream in a RuntimeException).
    if (e instanceof IOException || causedByUnreadableBody(e)) {
      return new Answer(ErrorCode.INVALID_REQUEST, UNREADABLE, "body");
    }
    LOG.error("unexpected error on {}", request, e);
    return new Answer(
        ErrorCode.INTERNAL_ERROR, "an unexpected error was logged by the collector", null);
  }

  private static Answer problem(Problem e) {
    return switch (e.kind()) {
      case INVALID -> new Answer(ErrorCode.INVALID_REQUEST, e.getMessage(), e.field());
      case UNAUTHORIZED -> new Answer(ErrorCode.UNAUTHORIZED, e.getMessage(), e.field());
      case FORBIDDEN -> new Answer(ErrorCode.FORBIDDEN, e.getMessage(), e.field());
      case NOT_FOUND -> new Answer(ErrorCode.NOT_FOUND, e.getMessage(), e.field());
      case CONFLICT -> new Answer(ErrorCode.CONFLICT, e.getMessage(), e.field());
      case TOO_MANY_REQUESTS -> {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        yield new Answer(
            ErrorCode.TOO_MANY_REQUESTS, e.getMessage(), e.field(), String.valueOf(seconds));
      }
    };
  }

  private static Answer javalin(HttpResponseException e) {
    return switch (e.getStatus()) {
      case 413 -> tooLarge();
      case 404 -> new Answer(ErrorCode.NOT_FOUND, NO_SUCH_ENDPOINT, null);
      case 405 ->
          new Answer(ErrorCode.METHOD_NOT_ALLOWED, "method: not allowed on this path", null);
      default -> {
        int status = e.getStatus() >= 500 ? 400 : e.getStatus();
        yield new Answer(
            status,
            new ErrorResponse(ErrorCode.INVALID_REQUEST.code(), "request: " + e.getMessage(), null),
            null);
      }
    };
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

  private static Answer tooLarge() {
    return new Answer(
        ErrorCode.TOO_LARGE,
        "body: must be at most " + Limits.MAX_BODY_BYTES + " bytes (after gzip inflation)",
        "body");
  }

  private static Answer unavailable(String detail) {
    return new Answer(ErrorCode.UNAVAILABLE, detail, null);
  }
}

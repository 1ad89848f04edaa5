package io.digiready.collector.web;

import io.digiready.collector.ingest.HeartbeatService;
import io.digiready.collector.metrics.HttpMetrics;
import io.digiready.protocol.Endpoints;
import io.digiready.protocol.HeartbeatBatch;
import io.digiready.protocol.Limits;
import io.digiready.protocol.ProtocolValidator;
import java.time.Clock;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/v1/heartbeats}, the one route every agent calls every minute, served by Jetty
 * directly instead of through the servlet layer and Javalin: its answer is written by the writer's
 * answer thread after the commit, and the servlet layer's asynchronous request (start, complete,
 * the hand-back to a pool thread) and Javalin's per-request context cost as much CPU as the
 * collector's whole work on the request besides. Every other request passes on to Javalin.
 *
 * <p>The route does what a Javalin route with {@link Access#AGENT} does, with the same parts: the
 * agent token ({@link Auth}), then the body ({@link Bodies}, after gzip inflation, within {@link
 * Limits#MAX_BODY_BYTES}), its validation, and {@link ErrorMapping} for every failure; the request
 * is counted in {@code http_server_requests_seconds} under its route template.
 */
final class HeartbeatRoute extends Handler.Wrapper {
  static final String PATH = Endpoints.HEARTBEATS;

  private final Auth auth;
  private final HeartbeatService heartbeats;
  private final Clock clock;
  private final HttpMetrics metrics;

  HeartbeatRoute(Auth auth, HeartbeatService heartbeats, Clock clock, HttpMetrics metrics) {
    this.auth = auth;
    this.heartbeats = heartbeats;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.POST.is(request.getMethod())
        || !PATH.equals(HttpServer.withoutTrailingSlash(Request.getPathInContext(request)))) {
      return super.handle(request, response, callback);
    }
    Exchange exchange = new Exchange(request, response, callback);
    if (exchange.authorized()) {
      exchange.read();
    }
    return true;
  }

  /** One request: its body is collected (inflated as it is read), then the batch is staged. */
  private final class Exchange {
    private final long started = System.nanoTime();
    private final Request request;
    private final Response response;
    private final Callback callback;
    private Auth.AgentToken agent;
    private byte[] body = new byte[1024];
    private int size;

    Exchange(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    /** As a Javalin route: the token and the Content-Type are checked before the body is read. */
    // The route's catches hand every failure to the one mapping, as Javalin would.
    boolean authorized() {
      try {
        agent = auth.agentToken(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        Bodies.requireType(request.getHeaders().get(HttpHeader.CONTENT_TYPE), "application/json");
        return true;
      } catch (RuntimeException e) {
        fail(e);
        return false;
      }
    }

    /** {@link BodyBuffering} has the body already: this waits only while gzip inflates it. */
    void read() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this::read);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          fail(chunk.getFailure());
          return;
        }
        int n = chunk.remaining();
        if ((long) size + n > Limits.MAX_BODY_BYTES) {
          chunk.release();
          fail(Bodies.tooLarge(Limits.MAX_BODY_BYTES));
          return;
        }
        if (size + n > body.length) {
          body = Arrays.copyOf(body, Math.max(size + n, 2 * body.length));
        }
        chunk.getByteBuffer().get(body, size, n);
        size += n;
        chunk.release();
        if (chunk.isLast()) {
          submit();
          return;
        }
      }
    }

    private void submit() {
      try {
        HeartbeatBatch batch = Bodies.json(body, size, HeartbeatBatch.class, Limits.MAX_BODY_BYTES);
        ProtocolValidator.heartbeatBatch(batch, clock.instant());
        heartbeats
            .report(agent.machineId(), agent.tokenHash(), batch)
            .whenComplete(
                (ack, failure) -> {
                  if (failure == null) {
                    send(200, ack, null);
                  } else {
                    fail(failure);
                  }
                });
      } catch (Exception e) {
        fail(e);
      }
    }

    private void fail(Throwable failure) {
      ErrorMapping.Answer a = ErrorMapping.answer(failure, "POST " + PATH);
      send(a.status(), a.body(), a.retryAfterSeconds());
    }

    private void send(int status, Object answer, String retryAfterSeconds) {
      Responses.json(response, callback, status, answer, retryAfterSeconds);
      metrics.record("POST", PATH, status, System.nanoTime() - started);
    }
  }
}

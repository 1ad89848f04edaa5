package io.digiready.collector.web;

import io.digiready.collector.ingest.HeartbeatService;
import io.digiready.collector.metrics.HttpMetrics;
import io.digiready.protocol.HeartbeatBatch;
import io.digiready.protocol.ProtocolValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.http.HttpHeader;
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
 * <p>Its method, path, access and body limit are {@link Route#HEARTBEATS}'s in the one route table.
 * The route does what a Javalin route with that access does, with the same parts: the agent token
 * ({@link Auth}), then the body {@link BodyBuffering} holds already ({@link Bodies}, after gzip
 * inflation, within the route's limit), its validation, and {@link ErrorMapping} for every failure;
 * the request is counted in {@code http_server_requests_seconds} under its route template.
 */
final class HeartbeatRoute extends Handler.Wrapper {
  private static final Route ROUTE = Route.HEARTBEATS;

  private final Auth auth;
  private final HeartbeatService heartbeats;
  private final Clock clock;
  private final HttpMetrics metrics;

  HeartbeatRoute(Auth auth, HeartbeatService heartbeats, Clock clock, HttpMetrics metrics) {
    if (ROUTE.access() != Access.AGENT) {
      // The token check below is the agent's; another access would need its own check here.
      throw new IllegalStateException(ROUTE + " is served as an agent route");
    }
    this.auth = auth;
    this.heartbeats = heartbeats;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!ROUTE.matches(request.getMethod(), Request.getPathInContext(request))) {
      return super.handle(request, response, callback);
    }
    Exchange exchange = new Exchange(request, response, callback);
    if (exchange.authorized()) {
      exchange.submit();
    }
    return true;
  }

  /** One request: its token checked, then its body taken from the buffering and staged. */
  private final class Exchange {
    private final long started = System.nanoTime();
    private final Request request;
    private final Response response;
    private final Callback callback;
    private Auth.AgentToken agent;

    Exchange(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    /** As a Javalin route: the token and the Content-Type are checked before the body is parsed. */
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

    private void submit() {
      try {
        int max = ROUTE.maxBodyBytes();
        BodyBuffering.Held held = BodyBuffering.held(request);
        byte[] body = held == null ? EMPTY : held.bytes();
        int size = held == null ? 0 : held.length();
        if (size > 0 && GzipBodies.inflating(request)) {
          body = inflate(body, size, max);
          size = body.length;
        }
        HeartbeatBatch batch = Bodies.json(body, size, HeartbeatBatch.class, max);
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
      ErrorMapping.Answer a = ErrorMapping.answer(failure, ROUTE.method() + " " + ROUTE.path());
      Responses.error(response, callback, a);
      recorded(a.status());
    }

    private void send(int status, Object answer, String retryAfterSeconds) {
      Responses.json(response, callback, status, answer, retryAfterSeconds);
      recorded(status);
    }

    private void recorded(int status) {
      metrics.record(ROUTE.method(), ROUTE.path(), status, System.nanoTime() - started);
    }
  }

  private static final byte[] EMPTY = new byte[0];

  /**
   * The gzip body the buffering holds as sent, inflated here in one go instead of through Jetty's
   * chunk by chunk reading; past {@code max} inflated bytes it is refused (a zip bomb gets 413), a
   * broken stream is an {@link IOException} (400, as when Jetty inflated it).
   */
  static byte[] inflate(byte[] sent, int length, int max) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(sent, 0, length))) {
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) {
        throw Bodies.tooLarge(max);
      }
      return body;
    }
  }
}

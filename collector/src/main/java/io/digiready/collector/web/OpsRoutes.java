package io.digiready.collector.web;

import io.javalin.config.RoutesConfig;

/** /metrics and health. */
final class OpsRoutes {
  private OpsRoutes() {}

  static void register(RoutesConfig r, Services s) {
    r.get(
        "/metrics",
        ctx -> {
          ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
          s.metrics().scrape(ctx.outputStream());
        },
        Access.METRICS);
    r.get(
        "/health/live",
        ctx -> {
          // A dead writer is not a passing fault like a full disk: the process is ending.
          boolean live = s.writer().alive();
          Responses.json(ctx, live ? 200 : 503, HttpServer.status(live ? "up" : "down"));
        },
        Access.PUBLIC);
    r.get(
        "/health/ready",
        ctx -> {
          boolean ready = s.writer().healthy() && s.store().readable();
          if (!ready) {
            ctx.header("Retry-After", ErrorCode.RETRY_AFTER_SECONDS);
          }
          Responses.json(
              ctx, ready ? 200 : 503, HttpServer.status(ready ? "ready" : "unavailable"));
        },
        Access.PUBLIC);
  }
}

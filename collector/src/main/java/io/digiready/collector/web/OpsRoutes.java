package io.digiready.collector.web;

/** /metrics and health. */
final class OpsRoutes {
  private OpsRoutes() {}

  static void register(Registration r, Services s) {
    r.add(
        Route.METRICS,
        ctx -> {
          ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
          s.metrics().scrape(ctx.outputStream());
        });
    r.add(
        Route.HEALTH_LIVE,
        ctx -> {
          // A dead writer is not a passing fault like a full disk: the process is ending.
          boolean live = s.writer().alive();
          Responses.json(ctx, live ? 200 : 503, HttpServer.status(live ? "up" : "down"));
        });
    r.add(
        Route.HEALTH_READY,
        ctx -> {
          boolean ready = s.writer().healthy() && s.store().readable();
          // Not ready is the 503 of ErrorCode.UNAVAILABLE: its word and its Retry-After.
          ErrorCode down = ErrorCode.UNAVAILABLE;
          if (!ready) {
            ctx.header("Retry-After", down.retryAfterSeconds());
          }
          Responses.json(
              ctx, ready ? 200 : down.status(), HttpServer.status(ready ? "ready" : down.code()));
        });
  }
}

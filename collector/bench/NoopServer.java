import io.javalin.Javalin;

/**
 * The ceiling the collector is measured against: a Javalin 7 server that reads each POST body and
 * answers a constant JSON, nothing else (no gzip handler, no auth, no request metrics).
 *
 * <p>Run from the repository root (the collector's shaded jar carries Javalin and Jetty):
 * {@code java -cp collector/target/digiready-collector.jar collector/bench/NoopServer.java PORT}
 */
public final class NoopServer {
  private NoopServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    byte[] answer = "{\"accepted\":1,\"duplicates\":0}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.maxRequestSize = 2 * 1024 * 1024; // the collector's limit; batches are ~250 KB
              cfg.jetty.host = "127.0.0.1";
              cfg.jetty.port = port;
              cfg.routes.post(
                  "/api/v1/heartbeats",
                  ctx -> {
                    byte[] body = ctx.bodyAsBytes();
                    if (body.length == 0) {
                      ctx.status(400);
                    }
                    ctx.contentType("application/json").result(answer);
                  });
              cfg.routes.get("/health/ready", ctx -> ctx.result("ok"));
            })
        .start();
  }
}

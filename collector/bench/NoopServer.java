import io.javalin.Javalin;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The ceiling the collector is measured against: a Javalin 7 server that reads each POST body and
 * answers a constant JSON, nothing else (no gzip handler, no auth, no request metrics). With the
 * second argument {@code jetty}, a Jetty handler in front of Javalin answers the heartbeat POST
 * instead (as the collector's own heartbeat route is served): a ceiling without Javalin's and the
 * servlet layer's work on each request.
 *
 * <p>Run from the repository root (the collector's shaded jar carries Javalin and Jetty):
 * {@code java -cp collector/target/digiready-collector.jar collector/bench/NoopServer.java PORT
 * [jetty]}
 */
public final class NoopServer {
  private NoopServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    boolean jetty = args.length > 1 && args[1].equals("jetty");
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
              if (jetty) {
                cfg.jetty.modifyServer(server -> server.insertHandler(new JettyHeartbeats(answer)));
              }
            })
        .start();
  }

  /** Reads the heartbeat POST's body and answers the constant JSON, without Javalin. */
  private static final class JettyHeartbeats extends Handler.Wrapper {
    private final byte[] answer;

    JettyHeartbeats(byte[] answer) {
      this.answer = answer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (!"POST".equals(request.getMethod())
          || !"/api/v1/heartbeats".equals(Request.getPathInContext(request))) {
        return super.handle(request, response, callback);
      }
      Content.Source.asByteBufferAsync(request, 2 * 1024 * 1024)
          .whenComplete(
              (body, failure) -> {
                if (failure != null) {
                  Response.writeError(request, response, callback, failure);
                  return;
                }
                response.setStatus(body.hasRemaining() ? 200 : 400);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(answer), callback);
              });
      return true;
    }
  }
}

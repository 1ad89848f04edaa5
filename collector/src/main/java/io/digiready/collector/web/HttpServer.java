package io.digiready.collector.web;

import io.digiready.collector.coverage.MachineState;
import io.digiready.protocol.Limits;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The Javalin server: routes, the one exception mapping, gzip bodies, TLS, request metrics. */
public final class HttpServer {
  private final Javalin app;

  public HttpServer(Services s) {
    var config = s.config();
    app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.maxRequestSize = Limits.MAX_BODY_BYTES;
              cfg.jetty.host = config.bindAddress();
              cfg.jetty.port = config.port();
              cfg.jetty.modifyServer(HttpServer::gzip);
              if (config.tlsKeystoreFile() != null) {
                cfg.jetty.addConnector(
                    (server, http) ->
                        tls(
                            server,
                            http,
                            config.tlsKeystoreFile(),
                            config.tlsKeystorePassword(),
                            config.bindAddress(),
                            config.port()));
              }
              cfg.requestLogger.http((ctx, ms) -> record(s, ctx, ms));
              cfg.validation.register(Instant.class, Instant::parse);
              cfg.validation.register(MachineState.class, MachineState::fromLabel);
              ErrorMapping.register(cfg.routes);
              cfg.routes.beforeMatched(s.auth()::authorize);
              AgentRoutes.register(cfg.routes, s);
              AdminRoutes.register(cfg.routes, s);
              ReadRoutes.register(cfg.routes, s);
              SoftwareRoutes.register(cfg.routes, s);
              OpsRoutes.register(cfg.routes, s);
              PageRoutes.register(cfg.routes);
            });
  }

  /**
   * Inflates gzip request bodies, so the size limit applies to the inflated body (a zip bomb gets
   * 413). Deprecated in Jetty 12.1, but the replacement is not in Javalin's dependency set.
   */
  @SuppressWarnings("removal")
  private static void gzip(Server server) {
    var gzip = new org.eclipse.jetty.server.handler.gzip.GzipHandler();
    gzip.setInflateBufferSize(8192);
    server.insertHandler(gzip);
  }

  private static ServerConnector tls(
      Server server,
      HttpConfiguration http,
      Path keystore,
      String password,
      String host,
      int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
    ssl.setKeyStorePassword(password);
    ssl.setKeyStoreType("PKCS12");
    HttpConfiguration https = new HttpConfiguration(http);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // Agents often reach the collector by IP address; the certificate decides, not SNI.
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    ServerConnector connector =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }

  private static void record(Services s, Context ctx, Float ms) {
    String uri;
    try {
      var endpoint = ctx.endpoints().matchedHttpEndpoint();
      uri = endpoint == null ? "NOT_FOUND" : endpoint.path;
    } catch (RuntimeException e) {
      uri = "NOT_FOUND";
    }
    s.httpMetrics().record(ctx.method().name(), uri, ctx.statusCode(), (long) (ms * 1_000_000L));
  }

  public HttpServer start() {
    app.start();
    return this;
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    var connectors = app.jettyServer().server().getConnectors();
    return ((ServerConnector) connectors[0]).getLocalPort();
  }

  public void stop() {
    app.stop();
  }

  static Map<String, String> status(String value) {
    return Map.of("status", value);
  }
}

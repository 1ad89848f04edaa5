package io.digiready.collector.web;

import io.digiready.collector.coverage.MachineState;
import io.digiready.protocol.Limits;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Javalin server: routes, the one exception mapping, gzip bodies, TLS, request metrics, and the
 * limits that keep slow clients from taking its threads ({@link BodyBuffering}, a bounded pool, an
 * idle timeout).
 */
public final class HttpServer {
  private final Javalin app;
  private final BodyBuffering bodies;

  /** Requests waiting for a slot (without a thread); past it they get 503 at once. */
  static final int QUEUE_CAPACITY = 10_000;

  /** Longest a request waits for a slot before a 503. */
  static final Duration QUEUE_WAIT = Duration.ofSeconds(30);

  /** Threads kept out of the request slots: Jetty's selector and acceptor, health checks. */
  static final int SPARE_THREADS = 16;

  /**
   * How long a stopping server waits for requests in progress: a commit takes milliseconds; within
   * the service unit's 60 s stop timeout, with the writer's own wait after it.
   */
  static final Duration STOP_WAIT = Duration.ofSeconds(20);

  static final Duration SHUTDOWN_IDLE = Duration.ofMillis(100);

  /** The buffer Javalin copies an answer through (not Jetty's output buffer). */
  static final int RESPONSE_COPY_BYTES = 4096;

  /** Bodies being collected at once, at most (also at most an eighth of the heap). */
  static final long BODY_BUDGET_BYTES = 64L * 1024 * 1024;

  /**
   * A bounded set of threads. Jetty's own queue of tasks stays unbounded (Jetty needs it for its
   * internal work); requests are bounded by {@link #qos} instead.
   */
  private static QueuedThreadPool threadPool(ResumeBatching resumes, int maxThreads) {
    QueuedThreadPool pool = resumes.threadPool(maxThreads, Math.min(8, maxThreads), 60_000);
    pool.setName("JettyServerThreadPool");
    return pool;
  }

  /**
   * At most {@code maxThreads - SPARE_THREADS} requests run at once; the next {@link
   * #QUEUE_CAPACITY} wait (without a thread) up to {@link #QUEUE_WAIT}, the rest get 503. Health
   * checks skip the queue, so a flood of requests does not make the collector look dead.
   */
  private static QoSHandler qos(int maxThreads) {
    QoSHandler qos = new QoSHandler();
    qos.setMaxRequestCount(Math.max(8, maxThreads - SPARE_THREADS));
    qos.setMaxSuspendedRequestCount(QUEUE_CAPACITY);
    qos.setMaxSuspend(QUEUE_WAIT);
    qos.excludePath("/health/*");
    return qos;
  }

  /**
   * @param resumes the writer's answer scope: the server's thread pool comes from it.
   */
  public HttpServer(Services s, ResumeBatching resumes) {
    var config = s.config();
    bodies =
        new BodyBuffering(
            Route::maxBodyBytes,
            config.minRequestBytesPerSecond(),
            Math.min(BODY_BUDGET_BYTES, Runtime.getRuntime().maxMemory() / 8));
    app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.maxRequestSize = Limits.MAX_BODY_BYTES;
              // Javalin copies each answer to Jetty through a buffer of this size, allocated per
              // request (Jetty's 32 KiB by default): for the 30-byte heartbeat answer its zeroing
              // was a sixth of the answer thread's time. Larger answers go in several copies.
              cfg.http.responseBufferSize = RESPONSE_COPY_BYTES;
              cfg.http.compressionStrategy = answerCompression();
              cfg.jetty.host = config.bindAddress();
              cfg.jetty.port = config.port();
              cfg.jetty.threadPool = threadPool(resumes, config.httpMaxThreads());
              // Each handler inserted goes outside the ones before: bodies are collected as sent
              // (BodyBuffering), then wait for one of the request slots (QoS), then are inflated as
              // read (GzipBodies), then heartbeats are taken by their own route (which inflates the
              // body held by BodyBuffering itself) and the rest passed on to Javalin.
              cfg.jetty.modifyServer(
                  server ->
                      server.insertHandler(
                          new HeartbeatRoute(
                              s.auth(), s.heartbeats(), s.clock(), s.httpMetrics())));
              cfg.jetty.modifyServer(GzipBodies::insert);
              cfg.jetty.modifyServer(server -> server.insertHandler(qos(config.httpMaxThreads())));
              cfg.jetty.modifyServer(server -> server.insertHandler(bodies));
              cfg.jetty.modifyServer(HttpServer::graceful);
              // What Jetty answers itself (malformed requests, 503 while stopping) is JSON too.
              cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
              cfg.jetty.addConnector(
                  (server, http) -> {
                    // Jetty caches each connection's Authorization (and a few other) header
                    // values in a trie; where one connection carries many agents (a reverse proxy,
                    // the load benchmark) each request adds a new value, and the trie is filled
                    // and cleared over and over (its trie was 8 % of the request threads' time).
                    // An agent sends a request a minute: a cache hit saves it nothing.
                    http.setHeaderCacheSize(0);
                    ServerConnector connector =
                        config.tlsKeystoreFile() != null
                            ? tls(
                                server,
                                http,
                                config.tlsKeystoreFile(),
                                config.tlsKeystorePassword())
                            : new ServerConnector(server, new HttpConnectionFactory(http));
                    connector.setHost(config.bindAddress());
                    connector.setPort(config.port());
                    connector.setIdleTimeout(config.httpIdleTimeoutSeconds() * 1000L);
                    // A stopping server closes kept-alive connections once idle this long (Jetty's
                    // 1 s made every stop a second longer); one waiting for its answer stays.
                    connector.setShutdownIdleTimeout(SHUTDOWN_IDLE.toMillis());
                    return connector;
                  });
              cfg.requestLogger.http((ctx, ms) -> record(s, ctx, ms));
              cfg.validation.register(Instant.class, Instant::parse);
              cfg.validation.register(MachineState.class, MachineState::fromLabel);
              cfg.validation.register(java.time.LocalDate.class, java.time.LocalDate::parse);
              cfg.validation.register(
                  io.digiready.collector.reports.Language.class,
                  io.digiready.collector.reports.Language::fromCode);
              cfg.validation.register(
                  io.digiready.collector.sheet.FileFormat.class,
                  io.digiready.collector.sheet.FileFormat::fromCode);
              ErrorMapping.register(cfg.routes);
              cfg.routes.beforeMatched(s.auth()::authorize);
              Registration routes = new Registration(cfg.routes);
              routes.servedBefore(Route.HEARTBEATS);
              AgentRoutes.register(routes, s);
              AdminRoutes.register(routes, s);
              ReadRoutes.register(routes, s);
              SoftwareRoutes.register(routes, s);
              OpsRoutes.register(routes, s);
              HistoryRoutes.register(routes, s);
              PageRoutes.register(routes);
              routes.requireAll();
            });
  }

  /**
   * Javalin's gzip for answers of 1,500 bytes and more, with the JSON answers' media type named as
   * allowed: otherwise every answer, the 30-byte heartbeat answer too, is searched for ten excluded
   * media types without regard to case before its size rules compression out (5 % of the answer
   * thread at load).
   */
  private static CompressionStrategy answerCompression() {
    CompressionStrategy gzip = new CompressionStrategy(null, new Gzip(6));
    List<String> allowed = new ArrayList<>(gzip.getAllowedMimeTypes());
    // As set, and as Jetty's response reports it back (the form Javalin compares).
    allowed.add(Responses.JSON);
    allowed.add(Responses.JSON.replace("; ", ";"));
    gzip.setAllowedMimeTypes(allowed);
    return gzip;
  }

  /**
   * On stop, Jetty first stops accepting, answers requests that arrive meanwhile with 503, and
   * waits up to {@link #STOP_WAIT} for the requests in progress: a heartbeat waiting for its commit
   * gets its acknowledgement (the writer stops only after the server) instead of a 500 for the
   * closed connection, and its agent does not send it again. Outermost, so it counts every request.
   */
  private static void graceful(Server server) {
    server.insertHandler(new GracefulHandler());
    server.setStopTimeout(STOP_WAIT.toMillis());
  }

  private static ServerConnector tls(
      Server server, HttpConfiguration http, Path keystore, String password) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
    ssl.setKeyStorePassword(password);
    ssl.setKeyStoreType("PKCS12");
    HttpConfiguration https = new HttpConfiguration(http);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // Agents often reach the collector by IP address; the certificate decides, not SNI.
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    return new ServerConnector(
        server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
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
    return connector().getLocalPort();
  }

  /**
   * The socket send buffer of connections accepted from now on (the kernel's own, growing one when
   * never called): a test makes it small to fill it with a few hundred answers.
   */
  public void acceptedSendBufferBytes(int bytes) {
    connector().setAcceptedSendBufferSize(bytes);
  }

  private ServerConnector connector() {
    return (ServerConnector) app.jettyServer().server().getConnectors()[0];
  }

  public void stop() {
    app.stop();
  }

  static Map<String, String> status(String value) {
    return Map.of("status", value);
  }
}

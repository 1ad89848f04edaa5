package io.digiready.agent.http;

import io.digiready.agent.probe.ProxyChoice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * The HTTP calls to the collector, on {@link HttpURLConnection} (lighter at start-up than {@code
 * java.net.http}). Answers of any status come back as {@link Response}; only a failure to get an
 * answer at all is an exception. With several collector URLs, a request that gets no connection or
 * a 5xx is sent to the next one ({@link CollectorEndpoints}); the caller sees one answer.
 */
public final class CollectorClient {
  private static final int MAX_ANSWER_BYTES = 1024 * 1024;

  private final CollectorEndpoints endpoints;
  private final SSLSocketFactory tls;
  private final ProxyChoice proxies;
  private final int timeoutMillis;
  private final String userAgent;

  public CollectorClient(
      CollectorEndpoints endpoints,
      SSLSocketFactory tls,
      ProxyChoice proxies,
      int timeoutMillis,
      String userAgent) {
    this.endpoints = endpoints;
    this.tls = tls;
    this.proxies = proxies;
    this.timeoutMillis = timeoutMillis;
    this.userAgent = userAgent;
  }

  /** One collector, no fail-over. */
  public CollectorClient(
      URI base, SSLSocketFactory tls, ProxyChoice proxies, int timeoutMillis, String userAgent) {
    this(
        new CollectorEndpoints(List.of(base), Clock.systemUTC(), CollectorEndpoints.FAILBACK),
        tls,
        proxies,
        timeoutMillis,
        userAgent);
  }

  /** Every configured collector, in order. */
  public List<URI> urls() {
    return endpoints.all();
  }

  /** The collector in use: the one that answered last. */
  public URI base() {
    return endpoints.current();
  }

  /** A status and the body; {@code retryAfterSeconds} is null unless the collector sent one. */
  public record Response(int status, byte[] body, Long retryAfterSeconds) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  public Response post(String path, byte[] json, String bearer, boolean gzip) throws IOException {
    byte[] body = gzip ? gzip(json) : json;
    return exchange(base -> post(base, path, body, bearer, gzip));
  }

  public Response get(String path, String bearer) throws IOException {
    return exchange(
        base -> {
          HttpURLConnection conn = open(base, path, bearer);
          conn.setRequestMethod("GET");
          return answer(conn);
        });
  }

  private interface Call {
    Response to(URI base) throws IOException;
  }

  /**
   * Tries the collectors in order until one answers below 500; otherwise returns the last 5xx, or
   * throws the last connection failure. Nothing is acknowledged here: a request that timed out
   * after the first collector stored it is stored once by the collectors' seq dedupe.
   */
  private Response exchange(Call call) throws IOException {
    IOException failure = null;
    Response serverError = null;
    for (URI base : endpoints.order()) {
      try {
        Response r = call.to(base);
        if (r.status() < 500) {
          endpoints.answered(base);
          return r;
        }
        serverError = r;
      } catch (IOException e) {
        failure = e;
      }
    }
    if (serverError != null) {
      return serverError;
    }
    throw failure;
  }

  private Response post(URI base, String path, byte[] body, String bearer, boolean gzip)
      throws IOException {
    HttpURLConnection conn = open(base, path, bearer);
    conn.setRequestMethod("POST");
    conn.setDoOutput(true);
    conn.setRequestProperty("Content-Type", "application/json");
    if (gzip) {
      conn.setRequestProperty("Content-Encoding", "gzip");
    }
    conn.setFixedLengthStreamingMode(body.length);
    try (OutputStream out = conn.getOutputStream()) {
      out.write(body);
    }
    return answer(conn);
  }

  private HttpURLConnection open(URI base, String path, String bearer) throws IOException {
    URI uri = URI.create(base.toString() + path);
    HttpURLConnection conn = (HttpURLConnection) uri.toURL().openConnection(proxies.forUrl(uri));
    if (tls != null && conn instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(tls);
    }
    conn.setConnectTimeout(timeoutMillis);
    conn.setReadTimeout(timeoutMillis);
    conn.setUseCaches(false);
    conn.setInstanceFollowRedirects(false);
    conn.setRequestProperty("User-Agent", userAgent);
    conn.setRequestProperty("Accept", "application/json");
    if (bearer != null) {
      conn.setRequestProperty("Authorization", "Bearer " + bearer);
    }
    return conn;
  }

  private static Response answer(HttpURLConnection conn) throws IOException {
    int status = conn.getResponseCode();
    byte[] body;
    try (InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream()) {
      body = in == null ? new byte[0] : in.readNBytes(MAX_ANSWER_BYTES);
    }
    return new Response(status, body, retryAfter(conn.getHeaderField("Retry-After")));
  }

  static Long retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds >= 0 ? seconds : null;
    } catch (NumberFormatException e) {
      return null; // an HTTP date: fall back to our own back-off
    }
  }

  static byte[] gzip(byte[] json) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(json.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
      gz.write(json);
    }
    return buf.toByteArray();
  }
}

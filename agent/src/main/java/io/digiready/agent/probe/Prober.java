package io.digiready.agent.probe;

import io.digiready.protocol.HostPort;
import io.digiready.protocol.ProbeError;
import io.digiready.protocol.ProbeResult;
import io.digiready.protocol.ProbeTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Runs dns, tcp and http probes, each within {@code probeTimeoutMillis} including name resolution,
 * and classifies every failure (see {@link ProbeError}). Never throws: a failure is a result.
 */
public final class Prober {
  private final int timeoutMillis;
  private final ProxyChoice proxies;
  private final String userAgent;

  public Prober(int timeoutMillis, ProxyChoice proxies, String userAgent) {
    this.timeoutMillis = timeoutMillis;
    this.proxies = proxies;
    this.userAgent = userAgent;
  }

  public List<ProbeResult> probeAll(List<ProbeTarget> targets) {
    List<ProbeResult> results = new ArrayList<>(targets.size());
    for (ProbeTarget target : targets) {
      results.add(probe(target));
    }
    return results;
  }

  /** At least one internet target succeeded in this round. */
  public static boolean internetUp(List<ProbeResult> results) {
    return results.stream().anyMatch(r -> r.internet() && r.ok());
  }

  public ProbeResult probe(ProbeTarget target) {
    long start = System.nanoTime();
    Attempt attempt = new Attempt(target, start);
    try {
      return switch (target.kind()) {
        case DNS -> {
          Resolver.resolve(target.target(), timeoutMillis);
          yield attempt.ok();
        }
        case TCP -> tcp(attempt);
        case HTTP -> http(attempt);
      };
    } catch (TimeoutException e) {
      return attempt.failed(ProbeError.TIMEOUT, "no answer within " + timeoutMillis + " ms");
    } catch (UnknownHostException e) {
      return attempt.failed(ProbeError.DNS_FAILURE, "cannot resolve " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      return attempt.failed(ProbeErrors.classify(e, false), ProbeErrors.reason(e));
    }
  }

  private ProbeResult tcp(Attempt attempt) throws IOException, TimeoutException {
    HostPort hp = HostPort.parse(attempt.target.target());
    if (hp == null) {
      return attempt.failed(ProbeError.NETWORK_ERROR, "not host:port");
    }
    InetAddress[] addresses = Resolver.resolve(hp.host(), timeoutMillis);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(addresses[0], hp.port()), attempt.remaining());
    }
    return attempt.ok();
  }

  private ProbeResult http(Attempt attempt) throws IOException, TimeoutException {
    URI uri = URI.create(attempt.target.target());
    Proxy proxy = proxies.forUrl(uri);
    boolean viaProxy = proxy.type() != Proxy.Type.DIRECT;
    if (!viaProxy) {
      // resolve with a deadline first; the connection below then hits the JVM's address cache
      Resolver.resolve(uri.getHost(), timeoutMillis);
    }
    HttpURLConnection conn = (HttpURLConnection) uri.toURL().openConnection(proxy);
    try {
      conn.setInstanceFollowRedirects(false);
      conn.setUseCaches(false);
      conn.setRequestProperty("User-Agent", userAgent);
      conn.setRequestProperty("Connection", "close");
      // HttpURLConnection takes the read timeout only before connecting: each phase gets what is
      // left of the budget, so a probe ends within twice the timeout at worst
      int left = attempt.remaining();
      conn.setConnectTimeout(left);
      conn.setReadTimeout(left);
      int status = conn.getResponseCode();
      drain(conn);
      if (status >= 200 && status < 400) {
        return attempt.ok();
      }
      if (viaProxy && (status == 407 || status == 502 || status == 504)) {
        return attempt.failedWithLatency(ProbeError.PROXY_ERROR, "proxy answered HTTP " + status);
      }
      return attempt.failedWithLatency(ProbeError.HTTP_STATUS, "HTTP " + status);
    } catch (IOException e) {
      return attempt.failed(ProbeErrors.classify(e, viaProxy), ProbeErrors.reason(e));
    } finally {
      conn.disconnect();
    }
  }

  private static void drain(HttpURLConnection conn) {
    try (InputStream in =
        conn.getResponseCode() >= 400 ? conn.getErrorStream() : conn.getInputStream()) {
      if (in != null) {
        in.readNBytes(4096);
      }
    } catch (IOException e) {
      // the status line is what counts
    }
  }

  private final class Attempt {
    final ProbeTarget target;
    final long start;

    Attempt(ProbeTarget target, long start) {
      this.target = target;
      this.start = start;
    }

    long elapsedMillis() {
      return (System.nanoTime() - start) / 1_000_000;
    }

    int remaining() throws TimeoutException {
      long left = timeoutMillis - elapsedMillis();
      if (left <= 0) {
        throw new TimeoutException();
      }
      return (int) left;
    }

    ProbeResult ok() {
      return new ProbeResult(
          target.target(), target.kind(), target.internet(), true, elapsedMillis(), null, null);
    }

    ProbeResult failed(String error, String detail) {
      return new ProbeResult(
          target.target(), target.kind(), target.internet(), false, null, error, shorten(detail));
    }

    ProbeResult failedWithLatency(String error, String detail) {
      return new ProbeResult(
          target.target(),
          target.kind(),
          target.internet(),
          false,
          elapsedMillis(),
          error,
          shorten(detail));
    }
  }

  private static String shorten(String detail) {
    if (detail == null) {
      return null;
    }
    return detail.length() <= 200 ? detail : detail.substring(0, 200);
  }
}

package io.digiready.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.digiready.protocol.ProbeError;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeResult;
import io.digiready.protocol.ProbeTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProberTest {
  private HttpServer http;
  private final Prober prober = new Prober(1500, ProxyChoice.of(null), "test");
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/204",
        ex -> {
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    http.createContext(
        "/500",
        ex -> {
          ex.sendResponseHeaders(500, 0);
          ex.getResponseBody().write("boom".getBytes());
          ex.close();
        });
    http.createContext(
        "/302",
        ex -> {
          ex.getResponseHeaders().add("Location", "/elsewhere");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    http.start();
  }

  @AfterEach
  void stop() throws Exception {
    http.stop(0);
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + path;
  }

  @Test
  void localhost_resolves() {
    ProbeResult r = prober.probe(new ProbeTarget(ProbeKind.DNS, "localhost", false));
    assertThat(r.ok()).isTrue();
    assertThat(r.error()).isNull();
    assertThat(r.latencyMillis()).isNotNull().isGreaterThanOrEqualTo(0);
  }

  @Test
  void a_name_that_cannot_exist_is_a_dns_failure() {
    ProbeResult r = prober.probe(new ProbeTarget(ProbeKind.DNS, "no-such-host.invalid", true));
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isIn(ProbeError.DNS_FAILURE, ProbeError.TIMEOUT);
  }

  @Test
  void a_closed_port_is_refused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ProbeResult r = prober.probe(new ProbeTarget(ProbeKind.TCP, "127.0.0.1:" + port, false));
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isEqualTo(ProbeError.REFUSED);
    ProbeResult h =
        prober.probe(new ProbeTarget(ProbeKind.HTTP, "http://127.0.0.1:" + port + "/", true));
    assertThat(h.error()).isEqualTo(ProbeError.REFUSED);
  }

  @Test
  void an_open_port_connects() {
    ProbeResult r =
        prober.probe(
            new ProbeTarget(ProbeKind.TCP, "127.0.0.1:" + http.getAddress().getPort(), false));
    assertThat(r.ok()).isTrue();
  }

  @Test
  void http_204_and_302_are_ok() {
    ProbeResult r = prober.probe(new ProbeTarget(ProbeKind.HTTP, url("/204"), true));
    assertThat(r.ok()).isTrue();
    assertThat(r.latencyMillis()).isNotNull();
    assertThat(prober.probe(new ProbeTarget(ProbeKind.HTTP, url("/302"), true)).ok()).isTrue();
  }

  @Test
  void http_500_is_an_http_status_failure_with_the_code() {
    ProbeResult r = prober.probe(new ProbeTarget(ProbeKind.HTTP, url("/500"), true));
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isEqualTo(ProbeError.HTTP_STATUS);
    assertThat(r.detail()).isEqualTo("HTTP 500");
    assertThat(r.latencyMillis()).isNotNull();
  }

  @Test
  void a_server_that_never_answers_times_out_within_the_timeout() throws Exception {
    ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    toClose.add(silent);
    List<Socket> accepted = new ArrayList<>();
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (!silent.isClosed()) {
                  accepted.add(silent.accept()); // accept and say nothing
                }
              } catch (Exception e) {
                // closed
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    Prober quick = new Prober(400, ProxyChoice.of(null), "test");
    long start = System.nanoTime();
    ProbeResult r =
        quick.probe(
            new ProbeTarget(
                ProbeKind.HTTP, "http://127.0.0.1:" + silent.getLocalPort() + "/", true));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isEqualTo(ProbeError.TIMEOUT);
    // honoured: well under the 5 s default, nowhere near "forever"
    assertThat(tookMillis).isLessThan(3000);
  }

  @Test
  void a_proxy_that_refuses_is_a_proxy_error() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Prober viaProxy =
        new Prober(1500, ProxyChoice.of(java.net.URI.create("http://127.0.0.1:" + port)), "test");
    ProbeResult r = viaProxy.probe(new ProbeTarget(ProbeKind.HTTP, url("/204"), true));
    assertThat(r.error()).isEqualTo(ProbeError.PROXY_ERROR);
  }

  @Test
  void internet_is_up_when_one_internet_target_succeeded() {
    ProbeResult lanOk = new ProbeResult("c", ProbeKind.TCP, false, true, 1L, null, null);
    ProbeResult netDown = new ProbeResult("i", ProbeKind.HTTP, true, false, null, "timeout", null);
    ProbeResult netOk = new ProbeResult("j", ProbeKind.HTTP, true, true, 5L, null, null);
    assertThat(Prober.internetUp(List.of(lanOk, netDown))).isFalse();
    assertThat(Prober.internetUp(List.of(lanOk, netDown, netOk))).isTrue();
  }
}

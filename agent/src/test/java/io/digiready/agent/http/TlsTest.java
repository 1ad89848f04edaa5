package io.digiready.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.digiready.agent.probe.Prober;
import io.digiready.agent.probe.ProxyChoice;
import io.digiready.protocol.ProbeError;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeResult;
import io.digiready.protocol.ProbeTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A collector with its own CA: trusted only through caCertFile, never silently. */
class TlsTest {
  @TempDir Path dir;
  private HttpsServer server;
  private Path caPem;

  @BeforeEach
  void startHttpsServer() throws Exception {
    Path keystore = dir.resolve("server.p12");
    caPem = dir.resolve("ca.pem");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(
        keytool,
        "-genkeypair",
        "-keyalg",
        "EC",
        "-alias",
        "collector",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "san=ip:127.0.0.1",
        "-validity",
        "2",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit");
    run(
        keytool,
        "-exportcert",
        "-rfc",
        "-alias",
        "collector",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        caPem.toString());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ctx));
    server.createContext(
        "/api/v1/agent-config",
        ex -> {
          byte[] body = "{\"heartbeatIntervalSeconds\":60,\"probes\":[]}".getBytes();
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  private URI url() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void an_untrusted_certificate_is_a_tls_error_with_the_reason() {
    Prober prober = new Prober(3000, ProxyChoice.of(null), "test");
    ProbeResult r =
        prober.probe(new ProbeTarget(ProbeKind.HTTP, url() + "/api/v1/agent-config", false));
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isEqualTo(ProbeError.TLS_ERROR);
    assertThat(r.detail()).containsIgnoringCase("certification path");
  }

  @Test
  void the_collector_is_refused_without_its_ca_and_reached_with_the_ca_file() throws Exception {
    CollectorClient plain = new CollectorClient(url(), null, ProxyChoice.of(null), 3000, "test");
    assertThatThrownBy(() -> plain.get("/api/v1/agent-config", null))
        .isInstanceOf(IOException.class)
        .satisfies(e -> assertThat(Answers.describe((IOException) e)).startsWith("tls_error: "));
    CollectorClient trusting =
        new CollectorClient(
            url(), TlsContexts.socketFactory(caPem), ProxyChoice.of(null), 3000, "test");
    assertThat(trusting.get("/api/v1/agent-config", null).status()).isEqualTo(200);
  }

  @Test
  void a_ca_file_without_certificates_is_rejected() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
    assertThatThrownBy(() -> TlsContexts.socketFactory(empty))
        .isInstanceOf(io.digiready.config.ConfigException.class)
        .hasMessageStartingWith("caCertFile: expected")
        .hasMessageEndingWith("Found: " + empty);
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector serves HTTPS itself with a PKCS12 keystore; agents enroll and report over it. */
class TlsTest {
  static final String PASS = "changeit-test";
  @TempDir Path dir;

  @Test
  void an_agent_enrolls_and_reports_over_https_with_a_throwaway_ca() throws Exception {
    Path keystore = makeServerKeystore();
    try (TestCollector c =
        new TestCollector(
            dir.resolve("data"),
            "tlsKeystoreFile",
            keystore.toString(),
            "tlsKeystorePassword",
            PASS)) {
      Http https =
          new Http("https://127.0.0.1:" + c.collector.port(), client(dir.resolve("ca.crt")));
      assertThat(
              https
                  .post(
                      "/api/v1/units",
                      TestCollector.ADMIN,
                      Fixtures.unit("a", "Xã Phú Lộc", null, "commune", 1))
                  .status())
          .isEqualTo(201);
      String token =
          https
              .post("/api/v1/units/a/enrollment-tokens", TestCollector.ADMIN, "")
              .json()
              .get("token")
              .asText();
      var enrolled =
          https.post(
              "/api/v1/enroll",
              null,
              Fixtures.enroll(token, "PC-1", Fixtures.fingerprint("u", "s", "o")));
      assertThat(enrolled.status()).isEqualTo(201);
      String machine = enrolled.json().get("machineId").asText();
      var ack =
          https.post(
              "/api/v1/heartbeats",
              enrolled.json().get("agentToken").asText(),
              Fixtures.batch(Fixtures.heartbeat(machine, 1, c.clock.instant(), true)));
      assertThat(ack.status()).isEqualTo(200);
      assertThat(ack.json().get("accepted").asInt()).isEqualTo(1);

      Http plain = new Http("http://127.0.0.1:" + c.collector.port());
      assertThatThrownBy(() -> plain.get("/health/live", null).status())
          .isInstanceOf(AssertionError.class);
    }
  }

  private static HttpClient client(Path caCert) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(caCert)) {
      trust.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A CA, and a server key signed by it for 127.0.0.1, with the chain in one PKCS12 file. */
  private Path makeServerKeystore() throws Exception {
    Path ca = dir.resolve("ca.p12");
    Path server = dir.resolve("server.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-dname",
        "CN=digiready test CA",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        ca.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASS);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        ca.toString(),
        "-storepass",
        PASS,
        "-file",
        dir.resolve("ca.crt").toString());
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-dname",
        "CN=127.0.0.1",
        "-validity",
        "2",
        "-keystore",
        server.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASS);
    keytool(
        "-certreq",
        "-alias",
        "server",
        "-keystore",
        server.toString(),
        "-storepass",
        PASS,
        "-file",
        dir.resolve("server.csr").toString());
    keytool(
        "-gencert",
        "-alias",
        "ca",
        "-keystore",
        ca.toString(),
        "-storepass",
        PASS,
        "-infile",
        dir.resolve("server.csr").toString(),
        "-outfile",
        dir.resolve("server.crt").toString(),
        "-rfc",
        "-ext",
        "san=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2");
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ca",
        "-file",
        dir.resolve("ca.crt").toString(),
        "-keystore",
        server.toString(),
        "-storepass",
        PASS);
    keytool(
        "-importcert",
        "-alias",
        "server",
        "-file",
        dir.resolve("server.crt").toString(),
        "-keystore",
        server.toString(),
        "-storepass",
        PASS);
    return server;
  }

  private static void keytool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(out).isZero();
  }
}

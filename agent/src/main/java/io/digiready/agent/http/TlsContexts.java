package io.digiready.agent.http;

import io.digiready.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust for the collector connection: the JVM's CAs, plus the CAs of an optional PEM file for
 * provinces that run their own CA. There is deliberately no way to turn verification off.
 */
public final class TlsContexts {
  private TlsContexts() {}

  /**
   * Null when no CA file is configured: the JVM default then applies unchanged. A file without
   * certificates is a configuration error (exit code 2), not something to run without.
   */
  public static SSLSocketFactory socketFactory(Path caCertFile) throws IOException {
    if (caCertFile == null) {
      return null;
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (X509Certificate ca : jvmDefaultCas()) {
        store.setCertificateEntry("jvm-" + n++, ca);
      }
      int added = 0;
      try (InputStream in = Files.newInputStream(caCertFile)) {
        for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          store.setCertificateEntry("file-" + added++, cert);
        }
      }
      if (added == 0) {
        throw new ConfigException(
            "caCertFile", "expected at least one PEM certificate", caCertFile.toString());
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new ConfigException("caCertFile", "expected PEM certificates", caCertFile.toString());
    }
  }

  private static X509Certificate[] jvmDefaultCas() throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        return x509.getAcceptedIssuers();
      }
    }
    return new X509Certificate[0];
  }
}

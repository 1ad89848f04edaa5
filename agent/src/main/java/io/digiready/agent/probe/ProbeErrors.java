package io.digiready.agent.probe;

import io.digiready.protocol.ProbeError;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** Maps an I/O failure to a {@link ProbeError} value and a short reason without secrets. */
public final class ProbeErrors {
  private ProbeErrors() {}

  public static String classify(Throwable e, boolean viaProxy) {
    String message = String.valueOf(e.getMessage());
    if (viaProxy
        && (message.contains("Unable to tunnel through proxy")
            || e instanceof ConnectException
            || e instanceof UnknownHostException)) {
      return ProbeError.PROXY_ERROR;
    }
    if (e instanceof UnknownHostException) {
      return ProbeError.DNS_FAILURE;
    }
    if (e instanceof SocketTimeoutException) {
      return ProbeError.TIMEOUT;
    }
    if (e instanceof NoRouteToHostException) {
      return ProbeError.NETWORK_ERROR;
    }
    if (e instanceof ConnectException) {
      return message.toLowerCase(java.util.Locale.ROOT).contains("refused")
          ? ProbeError.REFUSED
          : ProbeError.NETWORK_ERROR;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException || t instanceof CertificateException) {
        return ProbeError.TLS_ERROR;
      }
    }
    return ProbeError.NETWORK_ERROR;
  }

  /** The innermost cause's message: for TLS that is the useful part ("PKIX path building ..."). */
  public static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }
}

package io.digiready.protocol;

/**
 * Why a probe failed, as the wire value of {@link ProbeResult#error()}. Kept as strings on the wire
 * so that a collector accepts a kind added by a newer agent.
 */
public final class ProbeError {
  public static final String DNS_FAILURE = "dns_failure";
  public static final String TIMEOUT = "timeout";
  public static final String REFUSED = "refused";
  public static final String TLS_ERROR = "tls_error";
  public static final String HTTP_STATUS = "http_status";
  public static final String PROXY_ERROR = "proxy_error";

  /** No route, network down, connection reset: the network failed in some other way. */
  public static final String NETWORK_ERROR = "network_error";

  private ProbeError() {}
}

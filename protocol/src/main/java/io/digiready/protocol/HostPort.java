package io.digiready.protocol;

/** A {@code host:port} pair as used by tcp probes; IPv6 hosts are written {@code [::1]:443}. */
public record HostPort(String host, int port) {

  /** Returns null when the text is not {@code host:port} with a port in 1..65535. */
  public static HostPort parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      return null;
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      return port >= 1 && port <= 65535 && !host.isBlank() ? new HostPort(host, port) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}

package io.digiready.agent.probe;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The Linux convention for a service's proxy: {@code https_proxy} for https URLs, {@code
 * http_proxy} for http (lower or upper case), and {@code no_proxy}, a comma-separated list of host
 * names or domain suffixes that go direct ({@code *} for all).
 */
final class EnvProxy {
  private EnvProxy() {}

  static Proxy forUrl(URI url, Map<String, String> env) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (bypassed(host, get(env, "no_proxy"))) {
      return Proxy.NO_PROXY;
    }
    String proxy = get(env, "https".equals(url.getScheme()) ? "https_proxy" : "http_proxy");
    if (proxy == null || proxy.isBlank()) {
      return Proxy.NO_PROXY;
    }
    try {
      URI p = URI.create(proxy.contains("://") ? proxy.strip() : "http://" + proxy.strip());
      if (p.getHost() == null) {
        return Proxy.NO_PROXY;
      }
      int port = p.getPort() > 0 ? p.getPort() : 80;
      return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port));
    } catch (IllegalArgumentException e) {
      return Proxy.NO_PROXY;
    }
  }

  private static String get(Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null ? v : env.get(name.toUpperCase(Locale.ROOT));
  }

  private static boolean bypassed(String host, String noProxy) {
    if (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1")) {
      return true;
    }
    if (noProxy == null) {
      return false;
    }
    for (String raw : noProxy.split(",")) {
      String entry = raw.strip().toLowerCase(Locale.ROOT);
      if (entry.equals("*")) {
        return true;
      }
      if (entry.startsWith(".")) {
        entry = entry.substring(1);
      }
      if (!entry.isEmpty() && (host.equals(entry) || host.endsWith("." + entry))) {
        return true;
      }
    }
    return false;
  }
}

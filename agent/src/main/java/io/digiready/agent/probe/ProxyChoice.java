package io.digiready.agent.probe;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;

/**
 * Which proxy an HTTP request goes through: the configured {@code proxyUrl}, or else the system's
 * proxy settings. On Windows and macOS those are read by the JVM ({@code
 * java.net.useSystemProxies}, set at start-up). On Linux the JVM would read GNOME's desktop
 * settings through GIO, which a service does not have and which costs megabytes of memory, so there
 * the system proxy is the {@code https_proxy}/{@code http_proxy}/{@code no_proxy} environment, the
 * convention of Linux services.
 */
public final class ProxyChoice {
  private final Proxy configured;

  private ProxyChoice(Proxy configured) {
    this.configured = configured;
  }

  public static ProxyChoice system() {
    return new ProxyChoice(null);
  }

  /** True where the JVM's own system-proxy lookup is worth its cost (see the class comment). */
  public static boolean jvmReadsSystemProxies() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    return os.contains("win") || os.contains("mac");
  }

  public static ProxyChoice of(URI proxyUrl) {
    if (proxyUrl == null) {
      return system();
    }
    return new ProxyChoice(
        new Proxy(
            Proxy.Type.HTTP,
            InetSocketAddress.createUnresolved(proxyUrl.getHost(), proxyUrl.getPort())));
  }

  /** The proxy for this URL: {@link Proxy#NO_PROXY} when the request goes direct. */
  public Proxy forUrl(URI url) {
    if (configured != null) {
      return configured;
    }
    if (!jvmReadsSystemProxies()) {
      return EnvProxy.forUrl(url, System.getenv());
    }
    ProxySelector selector = ProxySelector.getDefault();
    if (selector == null) {
      return Proxy.NO_PROXY;
    }
    List<Proxy> proxies = selector.select(url);
    return proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
  }
}

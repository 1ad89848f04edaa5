package io.digiready.agent.probe;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;

/**
 * Which proxy an HTTP request goes through: the configured {@code proxyUrl}, or else whatever the
 * system proxy settings say ({@code java.net.useSystemProxies}, set at start-up).
 */
public final class ProxyChoice {
  private final Proxy configured;

  private ProxyChoice(Proxy configured) {
    this.configured = configured;
  }

  public static ProxyChoice system() {
    return new ProxyChoice(null);
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
    ProxySelector selector = ProxySelector.getDefault();
    if (selector == null) {
      return Proxy.NO_PROXY;
    }
    List<Proxy> proxies = selector.select(url);
    return proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
  }
}

package io.digiready.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvProxyTest {
  private static final Map<String, String> ENV =
      Map.of(
          "https_proxy", "http://proxy.tinh.gov.vn:3128",
          "HTTP_PROXY", "proxy.tinh.gov.vn:8080",
          "no_proxy", ".noi-bo.vn,collector");

  @Test
  void https_and_http_urls_use_their_own_proxy_variable() {
    Proxy https = EnvProxy.forUrl(URI.create("https://dichvucong.gov.vn/"), ENV);
    InetSocketAddress a = (InetSocketAddress) https.address();
    assertThat(a.getHostString()).isEqualTo("proxy.tinh.gov.vn");
    assertThat(a.getPort()).isEqualTo(3128);
    Proxy http = EnvProxy.forUrl(URI.create("http://example.org/"), ENV);
    assertThat(((InetSocketAddress) http.address()).getPort()).isEqualTo(8080);
  }

  @Test
  void no_proxy_hosts_domains_and_localhost_go_direct() {
    assertThat(EnvProxy.forUrl(URI.create("https://collector:8443/"), ENV))
        .isEqualTo(Proxy.NO_PROXY);
    assertThat(EnvProxy.forUrl(URI.create("https://vpdt.noi-bo.vn/"), ENV))
        .isEqualTo(Proxy.NO_PROXY);
    assertThat(EnvProxy.forUrl(URI.create("http://127.0.0.1:9/"), ENV)).isEqualTo(Proxy.NO_PROXY);
    assertThat(EnvProxy.forUrl(URI.create("https://x.org/"), Map.of())).isEqualTo(Proxy.NO_PROXY);
  }
}

package io.digiready.agent.centralconfig;

import io.digiready.protocol.Limits;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The probe targets of a round: the collector itself, each one when there are several (a LAN
 * target, so "LAN up, internet down" is visible), then the collector's central targets, then the
 * local ones; duplicates once.
 */
public final class Targets {
  private Targets() {}

  public static List<ProbeTarget> effective(
      List<ProbeTarget> central, List<ProbeTarget> local, List<URI> collectorUrls) {
    Map<String, ProbeTarget> byKey = new LinkedHashMap<>();
    for (URI url : collectorUrls) {
      ProbeTarget collector = collectorTarget(url);
      byKey.putIfAbsent(key(collector), collector);
    }
    for (List<ProbeTarget> list : List.of(central, local)) {
      for (ProbeTarget t : list) {
        byKey.putIfAbsent(key(t), t);
      }
    }
    List<ProbeTarget> all = new ArrayList<>(byKey.values());
    return all.size() > Limits.MAX_PROBES ? all.subList(0, Limits.MAX_PROBES) : all;
  }

  /** {@code tcp host:port} of the collector URL, or null when there is no collector. */
  public static ProbeTarget collectorTarget(URI collectorUrl) {
    if (collectorUrl == null) {
      return null;
    }
    int port = collectorUrl.getPort();
    if (port < 0) {
      port = "https".equals(collectorUrl.getScheme()) ? 443 : 80;
    }
    String host = collectorUrl.getHost();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return new ProbeTarget(ProbeKind.TCP, host + ":" + port, false);
  }

  private static String key(ProbeTarget t) {
    return t.kind() + " " + t.target();
  }
}

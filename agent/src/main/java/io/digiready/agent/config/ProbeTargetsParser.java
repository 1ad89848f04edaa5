package io.digiready.agent.config;

import io.digiready.protocol.Limits;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code probeTargets}: comma-separated {@code kind:target:scope} entries, where kind is
 * {@code dns}, {@code tcp} or {@code http}, and scope is {@code internet} or {@code lan}, e.g.
 * {@code http:https://dichvucong.gov.vn:internet,tcp:10.0.0.5:445:lan,dns:example.org:internet}.
 * The target is everything between the first and the last colon, so URLs and host:port need no
 * escaping.
 */
public final class ProbeTargetsParser {
  static final String EXPECTATION =
      "expected comma-separated kind:target:scope entries with kind dns|tcp|http and scope"
          + " internet|lan, e.g. http:https://example.org:internet";

  private ProbeTargetsParser() {}

  public static List<ProbeTarget> parse(String key, String value) {
    List<ProbeTarget> targets = new ArrayList<>();
    if (value.isBlank()) {
      return targets;
    }
    for (String raw : value.split(",")) {
      String entry = raw.strip();
      int first = entry.indexOf(':');
      int last = entry.lastIndexOf(':');
      if (first <= 0 || last <= first + 1) {
        throw new ConfigException(key, EXPECTATION, entry);
      }
      ProbeKind kind = kind(key, entry, entry.substring(0, first));
      String target = entry.substring(first + 1, last).strip();
      String scope = entry.substring(last + 1).strip().toLowerCase(Locale.ROOT);
      if (!scope.equals("internet") && !scope.equals("lan")) {
        throw new ConfigException(key, EXPECTATION, entry);
      }
      checkTarget(key, kind, target, entry);
      targets.add(new ProbeTarget(kind, target, scope.equals("internet")));
    }
    if (targets.size() > Limits.MAX_PROBES - 1) {
      throw new ConfigException(
          key,
          "expected at most " + (Limits.MAX_PROBES - 1) + " targets",
          String.valueOf(targets.size()));
    }
    return targets;
  }

  private static ProbeKind kind(String key, String entry, String kind) {
    return switch (kind.strip().toLowerCase(Locale.ROOT)) {
      case "dns" -> ProbeKind.DNS;
      case "tcp" -> ProbeKind.TCP;
      case "http" -> ProbeKind.HTTP;
      default -> throw new ConfigException(key, EXPECTATION, entry);
    };
  }

  private static void checkTarget(String key, ProbeKind kind, String target, String entry) {
    boolean ok =
        switch (kind) {
          case DNS -> !target.isEmpty() && !target.contains(":") && !target.contains("/");
          case TCP -> HostPort.parse(target) != null;
          case HTTP -> isHttpUrl(target);
        };
    if (!ok || target.length() > Limits.MAX_STRING_LENGTH) {
      throw new ConfigException(key, EXPECTATION, entry);
    }
  }

  static boolean isHttpUrl(String target) {
    try {
      URI uri = new URI(target);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }
}

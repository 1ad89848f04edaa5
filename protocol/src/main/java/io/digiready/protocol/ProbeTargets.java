package io.digiready.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one text form of probe targets, read by the agent ({@code probeTargets}) and the collector
 * ({@code probeTargets}, handed to agents): comma-separated {@code kind:target} entries, where kind
 * is {@code dns} (resolve a name), {@code tcp} ({@code host:port}) or {@code http} (a URL). A
 * target is an internet target unless its kind carries {@code -lan}:
 *
 * <pre>{@code http:https://dichvucong.gov.vn,dns:dichvucong.gov.vn,tcp-lan:10.0.0.5:445}</pre>
 *
 * <p>Everything after the first colon is the target, so URLs and ports need no escaping. The
 * agent's former {@code kind:target:scope} form ({@code tcp:10.0.0.5:445:lan}) is refused with the
 * entry as it is written now, so an old config file fails loudly instead of probing {@code
 * 445:lan}.
 */
public final class ProbeTargets {
  /** What a well-formed value looks like; the start of every syntax message. */
  public static final String EXPECTATION =
      "expected comma-separated kind:target entries, kind dns, tcp or http, with -lan after the"
          + " kind for a LAN target (e.g. http:https://dichvucong.gov.vn,tcp-lan:10.0.0.5:445)";

  private static final String LAN_SUFFIX = "-lan";

  private ProbeTargets() {}

  /** An entry that is not a probe target; callers prefix the name of their key. */
  public static final class SyntaxException extends IllegalArgumentException {
    private final String expectation;
    private final String found;

    SyntaxException(String expectation, String found) {
      super(expectation + ". Found: " + found);
      this.expectation = expectation;
      this.found = found;
    }

    public String expectation() {
      return expectation;
    }

    /** The offending entry, as written. */
    public String found() {
      return found;
    }
  }

  /**
   * Parses a comma-separated list; blank entries are skipped, so {@code ""} is no target at all.
   * The number of targets is left to the caller, whose bound differs (the agent adds its own).
   */
  public static List<ProbeTarget> parse(String text) {
    List<ProbeTarget> targets = new ArrayList<>();
    if (text == null) {
      return targets;
    }
    for (String raw : text.split(",")) {
      String entry = raw.strip();
      if (!entry.isEmpty()) {
        targets.add(parseEntry(entry));
      }
    }
    return targets;
  }

  /** One {@code kind[-lan]:target} entry. */
  public static ProbeTarget parseEntry(String entry) {
    int colon = entry.indexOf(':');
    if (colon <= 0) {
      throw new SyntaxException(EXPECTATION, entry);
    }
    String kindText = entry.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    boolean lan = kindText.endsWith(LAN_SUFFIX);
    ProbeKind kind =
        kind(lan ? kindText.substring(0, kindText.length() - LAN_SUFFIX.length()) : kindText);
    String target = entry.substring(colon + 1).strip();
    if (kind == null || target.isEmpty()) {
      throw new SyntaxException(EXPECTATION, entry);
    }
    if (!lan) {
      ProbeTarget retired = retiredForm(kind, target);
      if (retired != null) {
        throw new SyntaxException(
            "the kind:target:scope form is no longer read; write " + format(retired), entry);
      }
    }
    if (target.length() > Limits.MAX_STRING_LENGTH || !wellFormed(kind, target)) {
      throw new SyntaxException(EXPECTATION, entry);
    }
    return new ProbeTarget(kind, target, !lan);
  }

  /** The entry that {@link #parseEntry} reads back as this target. */
  public static String format(ProbeTarget target) {
    return target.kind().name().toLowerCase(Locale.ROOT)
        + (Boolean.FALSE.equals(target.internet()) ? LAN_SUFFIX : "")
        + ":"
        + target.target();
  }

  /** {@code 10.0.0.5:445:lan} of a tcp entry means the old form; null when it is not that. */
  private static ProbeTarget retiredForm(ProbeKind kind, String target) {
    int last = target.lastIndexOf(':');
    if (last < 0) {
      return null;
    }
    String scope = target.substring(last + 1).strip().toLowerCase(Locale.ROOT);
    String rest = target.substring(0, last).strip();
    if ((!scope.equals("internet") && !scope.equals("lan")) || rest.isEmpty()) {
      return null;
    }
    return new ProbeTarget(kind, rest, scope.equals("internet"));
  }

  private static ProbeKind kind(String text) {
    return switch (text) {
      case "dns" -> ProbeKind.DNS;
      case "tcp" -> ProbeKind.TCP;
      case "http" -> ProbeKind.HTTP;
      default -> null;
    };
  }

  private static boolean wellFormed(ProbeKind kind, String target) {
    return switch (kind) {
      case DNS -> !target.contains(":") && !target.contains("/") && !target.contains(" ");
      case TCP -> HostPort.parse(target) != null;
      case HTTP -> isHttpUrl(target);
    };
  }

  private static boolean isHttpUrl(String target) {
    try {
      URI uri = new URI(target);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}

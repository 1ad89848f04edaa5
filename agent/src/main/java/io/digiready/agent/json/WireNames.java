package io.digiready.agent.json;

import io.digiready.protocol.ProbeKind;
import java.util.Locale;

/** Names the wire format gives enum values (their {@code @JsonProperty}). */
public final class WireNames {
  private WireNames() {}

  /** {@code dns}, {@code tcp}, {@code http}. */
  public static String of(ProbeKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}

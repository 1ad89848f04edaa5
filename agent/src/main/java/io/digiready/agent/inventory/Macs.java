package io.digiready.agent.inventory;

import io.digiready.protocol.Placeholders;
import java.util.Locale;
import java.util.regex.Pattern;

/** MAC addresses in the one wire form, {@code aa:bb:cc:dd:ee:ff}. */
public final class Macs {
  private static final Pattern HEX12 = Pattern.compile("[0-9a-f]{12}");

  private Macs() {}

  /**
   * Accepts {@code AA-BB-CC-DD-EE-FF}, {@code aa:bb:...} or bare hex; returns null for anything
   * else, for placeholders such as all zeros, and for 20-byte InfiniBand-style addresses.
   */
  public static String normalize(String raw) {
    String cleaned = Placeholders.clean(raw);
    if (cleaned == null) {
      return null;
    }
    String hex = cleaned.replaceAll("[-:.\\s]", "").toLowerCase(Locale.ROOT);
    if (!HEX12.matcher(hex).matches()) {
      return null;
    }
    StringBuilder mac = new StringBuilder(17);
    for (int i = 0; i < 12; i += 2) {
      if (i > 0) {
        mac.append(':');
      }
      mac.append(hex, i, i + 2);
    }
    return Placeholders.clean(mac.toString());
  }
}

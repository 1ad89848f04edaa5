package io.digiready.agent.software;

import io.digiready.protocol.Inventory;
import io.digiready.protocol.Limits;
import io.digiready.protocol.Placeholders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns OSHI's installed applications into the report's {@code software} list. Pure: tested with
 * fixtures. Placeholders and blanks become null, an application without a name is dropped, the list
 * is sorted by name (so that its hash only changes when the software does) and bounded: at most
 * {@link Limits#MAX_SOFTWARE} entries and {@link #MAX_TEXT_CHARS} characters of text, so that a
 * report stays far below the collector's body limit.
 */
public final class SoftwareMapper {
  /** About 1 MB of names, versions and vendors at most; real PCs use a few percent of it. */
  static final int MAX_TEXT_CHARS = 1_000_000;

  /** Epoch values above this are milliseconds (10^11 seconds is the year 5138). */
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;

  /** Install dates before this are a reset clock or a placeholder, not an installation. */
  private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

  private static final Comparator<Inventory.Software> ORDER =
      Comparator.comparing(Inventory.Software::name, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(s -> s.version() == null ? "" : s.version());

  private SoftwareMapper() {}

  /** The software list, or null when the applications could not be read at all. */
  public static List<Inventory.Software> toSoftware(List<AppReading> apps, ZoneId zone) {
    if (apps == null) {
      return null;
    }
    List<Inventory.Software> all = new ArrayList<>();
    for (AppReading app : apps) {
      String name = app == null ? null : Placeholders.cleanAndCut(app.name());
      if (name != null) {
        all.add(
            new Inventory.Software(
                name,
                Placeholders.cleanAndCut(app.version()),
                vendor(app.vendor()),
                installDate(app.timestamp(), zone)));
      }
    }
    all.sort(ORDER);
    List<Inventory.Software> bounded = new ArrayList<>();
    long chars = 0;
    for (Inventory.Software s : all) {
      chars += s.name().length() + length(s.version()) + length(s.vendor());
      if (bounded.size() == Limits.MAX_SOFTWARE || chars > MAX_TEXT_CHARS) {
        break;
      }
      bounded.add(s);
    }
    return bounded;
  }

  /** A Debian maintainer is {@code Name <address>}: the name is the vendor. */
  static String vendor(String raw) {
    String clean = Placeholders.clean(raw);
    if (clean != null && clean.endsWith(">") && clean.indexOf('<') > 0) {
      clean = Placeholders.clean(clean.substring(0, clean.indexOf('<')));
    }
    return Placeholders.cleanAndCut(clean);
  }

  static LocalDate installDate(long timestamp, ZoneId zone) {
    if (timestamp <= 0) {
      return null;
    }
    Instant at =
        timestamp > MILLIS_THRESHOLD
            ? Instant.ofEpochMilli(timestamp)
            : Instant.ofEpochSecond(timestamp);
    LocalDate date = at.atZone(zone).toLocalDate();
    return date.isBefore(EARLIEST) ? null : date;
  }

  /**
   * A digest of the list, to send it only when it changed; null for null. Fed field by field rather
   * than through JSON: the list can hold 2,000 entries and the agent's heap is small.
   */
  public static String hash(List<Inventory.Software> software) {
    if (software == null) {
      return null;
    }
    MessageDigest digest = sha256();
    for (Inventory.Software s : software) {
      update(digest, s.name());
      update(digest, s.version());
      update(digest, s.vendor());
      update(digest, s.installDate() == null ? null : s.installDate().toString());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String value) {
    if (value == null) {
      digest.update((byte) 0);
    } else {
      digest.update((byte) 1);
      digest.update(value.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }
}

package io.digiready.agent.protection;

import io.digiready.protocol.Inventory;
import io.digiready.protocol.Limits;
import io.digiready.protocol.Placeholders;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns what the OS said about anti-malware and updates into the report's {@code protection} and
 * {@code updates} sections. Pure: no WMI, no files; every case is tested with recorded answers.
 */
public final class ProtectionMapper {
  public static final String SECURITY_CENTER = "securityCenter";
  public static final String DEFENDER = "defender";
  public static final String CLAMAV = "clamav";

  /**
   * Signatures older than this are out of date: Defender's own default ({@code AVSignatureDue}, 7
   * days), used for Defender on Windows Server and for ClamAV's database.
   */
  static final Duration SIGNATURES_MAX_AGE = Duration.ofDays(7);

  static final String DEFENDER_NAME = "Microsoft Defender Antivirus";
  static final String CLAMAV_NAME = "ClamAV";
  static final String CLAMAV_DAEMON = "clamav-daemon.service";
  static final String CLAMAV_FRESHCLAM = "clamav-freshclam.service";

  private static final Pattern FILETIME_HEX = Pattern.compile("[0-9a-fA-F]{16}");
  private static final DateTimeFormatter US_DATE =
      DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DAY_FIRST_DATE =
      DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter COMPACT_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private ProtectionMapper() {}

  /**
   * Security Center when it answered (a workstation), else Defender (Windows Server has no Security
   * Center), else a running ClamAV (Linux); {@code antiMalware} null when none of them answered.
   */
  public static Inventory.Protection protection(ProtectionReading r, Instant now) {
    if (r == null) {
      return null;
    }
    if (r.securityCenter() != null) {
      return securityCenter(r.securityCenter());
    }
    if (r.defender() != null) {
      return defender(r.defender());
    }
    if (r.scannerUnits() != null) {
      return clamav(r.scannerUnits(), r.scannerDatabaseEpochSeconds(), now);
    }
    return new Inventory.Protection(null, null);
  }

  /** Rows of {@code AntiVirusProduct}: {@code displayName} and {@code productState}. */
  static Inventory.Protection securityCenter(List<Map<String, Object>> rows) {
    List<Inventory.AntiMalware> products = new ArrayList<>();
    for (Map<String, Object> raw : rows) {
      if (products.size() == Limits.MAX_ANTI_MALWARE_PRODUCTS) {
        break;
      }
      Map<String, Object> row = anyCase(raw);
      String name = Placeholders.cleanAndCut(string(row.get("displayName")));
      Long state = number(row.get("productState"));
      products.add(
          new Inventory.AntiMalware(
              name == null ? "(unnamed product)" : name,
              state == null ? null : enabled(state),
              state == null ? null : upToDate(state)));
    }
    return new Inventory.Protection(products, SECURITY_CENTER);
  }

  /**
   * {@code productState} is three bytes: the kind of product, the scanner state and the definitions
   * state. Scanner nibble 1 is "on" (0 off, 2 snoozed, 3 expired); definitions 0 are up to date, 1
   * out of date. E.g. 397568 = 0x061100: on, up to date; 393472 = 0x060100: off; 397584 = 0x061110:
   * on, out of date.
   */
  static boolean enabled(long productState) {
    return ((productState >> 12) & 0xF) == 1;
  }

  static boolean upToDate(long productState) {
    return ((productState >> 4) & 0xF) == 0;
  }

  /**
   * {@code MSFT_MpComputerStatus}: enabled when the service, the antivirus and real-time protection
   * are all on; up to date when the signatures are at most {@link #SIGNATURES_MAX_AGE} old.
   */
  static Inventory.Protection defender(Map<String, Object> raw) {
    Map<String, Object> row = anyCase(raw);
    Boolean enabled = null;
    for (String key :
        List.of("AMServiceEnabled", "AntivirusEnabled", "RealTimeProtectionEnabled")) {
      Boolean on = bool(row.get(key));
      if (on != null) {
        enabled = (enabled == null || enabled) && on;
      }
    }
    Long age = number(row.get("AntivirusSignatureAge"));
    Boolean upToDate = age == null ? null : age <= SIGNATURES_MAX_AGE.toDays();
    return new Inventory.Protection(
        List.of(new Inventory.AntiMalware(DEFENDER_NAME, enabled, upToDate)), DEFENDER);
  }

  /**
   * ClamAV counts when one of its services runs: enabled when the scanning daemon runs (only
   * freshclam running means signatures are kept but nothing scans); up to date when the newest
   * signature file is at most {@link #SIGNATURES_MAX_AGE} old. Installed but stopped: unknown.
   */
  static Inventory.Protection clamav(
      Map<String, String> units, Long databaseEpochSeconds, Instant now) {
    boolean daemon = "active".equals(units.get(CLAMAV_DAEMON));
    boolean freshclam = "active".equals(units.get(CLAMAV_FRESHCLAM));
    if (!daemon && !freshclam) {
      return new Inventory.Protection(null, null);
    }
    Boolean upToDate =
        databaseEpochSeconds == null
            ? null
            : Duration.between(Instant.ofEpochSecond(databaseEpochSeconds), now)
                    .compareTo(SIGNATURES_MAX_AGE)
                <= 0;
    return new Inventory.Protection(
        List.of(new Inventory.AntiMalware(CLAMAV_NAME, daemon, upToDate)), CLAMAV);
  }

  /** The newest update from the hotfixes (Windows) or the package logs (Linux). */
  public static Inventory.Updates updates(UpdatesReading r, ZoneId zone) {
    if (r == null) {
      return null;
    }
    Instant last = newestHotfix(r.hotfixInstalledOn(), zone);
    if (last == null) {
      last = newestDpkgInstall(r.packageLog(), zone);
    }
    if (last == null) {
      last = newestAptRun(r.aptHistory(), zone);
    }
    return new Inventory.Updates(last, r.rebootPending());
  }

  /**
   * {@code InstalledOn} reads {@code 11/14/2025} (month first, as WMI writes it), on some systems
   * {@code 20251114} or a 64-bit FILETIME in hex; a date becomes local midnight.
   */
  static Instant newestHotfix(List<String> installedOn, ZoneId zone) {
    Instant newest = null;
    for (String raw : installedOn == null ? List.<String>of() : installedOn) {
      Instant at = hotfixTime(raw == null ? "" : raw.strip(), zone);
      if (at != null && (newest == null || at.isAfter(newest))) {
        newest = at;
      }
    }
    return newest;
  }

  private static Instant hotfixTime(String text, ZoneId zone) {
    if (FILETIME_HEX.matcher(text).matches()) {
      long ticks = Long.parseUnsignedLong(text, 16); // 100 ns since 1601-01-01
      long epochMillis = ticks / 10_000 - 11_644_473_600_000L;
      return plausible(Instant.ofEpochMilli(epochMillis));
    }
    for (DateTimeFormatter format : List.of(US_DATE, COMPACT_DATE, DAY_FIRST_DATE)) {
      try {
        return plausible(LocalDate.parse(text, format).atStartOfDay(zone).toInstant());
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }

  /** The newest {@code status installed} line of dpkg.log ({@code 2025-11-20 10:11:12 ...}). */
  static Instant newestDpkgInstall(List<String> lines, ZoneId zone) {
    Instant newest = null;
    for (String line : lines == null ? List.<String>of() : lines) {
      String[] f = line.split(" ");
      if (f.length >= 5 && f[2].equals("status") && f[3].equals("installed")) {
        Instant at = logTime(f[0] + " " + f[1], zone);
        if (at != null && (newest == null || at.isAfter(newest))) {
          newest = at;
        }
      }
    }
    return newest;
  }

  /** The newest {@code End-Date: 2025-11-20 10:11:15} of apt's history.log. */
  static Instant newestAptRun(List<String> lines, ZoneId zone) {
    Instant newest = null;
    for (String line : lines == null ? List.<String>of() : lines) {
      if (line.startsWith("End-Date:")) {
        Instant at =
            logTime(line.substring("End-Date:".length()).strip().replaceAll("\\s+", " "), zone);
        if (at != null && (newest == null || at.isAfter(newest))) {
          newest = at;
        }
      }
    }
    return newest;
  }

  private static Instant logTime(String text, ZoneId zone) {
    try {
      return plausible(LocalDateTime.parse(text, LOG_TIME).atZone(zone).toInstant());
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** A reset clock or a bad field gives dates the protocol refuses: those are unknown. */
  private static Instant plausible(Instant at) {
    return at.isBefore(Limits.EARLIEST_TIME) ? null : at;
  }

  private static Map<String, Object> anyCase(Map<String, Object> row) {
    Map<String, Object> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    out.putAll(row);
    return out;
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  private static Long number(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    return null;
  }
}

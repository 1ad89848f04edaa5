package io.digiready.agent.protection;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Linux side of protection and updates: files and one {@code systemctl} call. Thin on purpose;
 * {@link ProtectionMapper} reads the answers.
 *
 * <p>The known scanner is ClamAV. It counts as installed when one of its systemd units ({@code
 * clamav-daemon.service}, {@code clamav-freshclam.service}) has a unit file in a systemd unit
 * directory; only then is {@code systemctl is-active} asked (2 s at most) for their state. The age
 * of its signatures is the newest modification time of {@code /var/lib/clamav/*.cvd|*.cld}.
 */
public final class LinuxSecurity {
  static final List<String> SCANNER_UNITS =
      List.of(ProtectionMapper.CLAMAV_DAEMON, ProtectionMapper.CLAMAV_FRESHCLAM);
  static final List<Path> UNIT_DIRS =
      List.of(
          Path.of("/etc/systemd/system"),
          Path.of("/run/systemd/system"),
          Path.of("/usr/lib/systemd/system"),
          Path.of("/lib/systemd/system"));
  static final Path CLAMAV_DATABASE = Path.of("/var/lib/clamav");
  static final Path DPKG_LOG = Path.of("/var/log/dpkg.log");
  static final Path APT_HISTORY = Path.of("/var/log/apt/history.log");
  static final Path REBOOT_REQUIRED = Path.of("/var/run/reboot-required");
  static final Path DPKG_STATUS = Path.of("/var/lib/dpkg/status");

  /** The end of a log is where the newest entries are; this much of it is read. */
  static final int LOG_TAIL_BYTES = 64 * 1024;

  private LinuxSecurity() {}

  /** The installed scanner units and their state, or null when none is installed. */
  public static Map<String, String> scannerUnits() {
    List<String> installed = installedUnits(UNIT_DIRS);
    if (installed.isEmpty()) {
      return null;
    }
    Map<String, String> states = new LinkedHashMap<>();
    List<String> answer = isActive(installed);
    for (int i = 0; i < installed.size(); i++) {
      states.put(installed.get(i), i < answer.size() ? answer.get(i).strip() : "unknown");
    }
    return states;
  }

  static List<String> installedUnits(List<Path> unitDirs) {
    List<String> installed = new ArrayList<>();
    for (String unit : SCANNER_UNITS) {
      if (unitDirs.stream().anyMatch(dir -> Files.exists(dir.resolve(unit)))) {
        installed.add(unit);
      }
    }
    return installed;
  }

  /**
   * One line per unit ({@code active}, {@code inactive}, {@code failed}, ...); empty on failure.
   */
  private static List<String> isActive(List<String> units) {
    List<String> command = new ArrayList<>(List.of("systemctl", "is-active"));
    command.addAll(units);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
      p.getOutputStream().close();
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return List.of();
      }
      // is-active exits 3 when a unit is not active; its lines are the answer all the same
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** The newest modification time of ClamAV's signature files, or null. */
  public static Long scannerDatabaseEpochSeconds() {
    return scannerDatabaseEpochSeconds(CLAMAV_DATABASE);
  }

  static Long scannerDatabaseEpochSeconds(Path dir) {
    try (var files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".cvd") || f.toString().endsWith(".cld"))
          .map(
              f -> {
                try {
                  return Files.getLastModifiedTime(f).toInstant().getEpochSecond();
                } catch (IOException e) {
                  return null;
                }
              })
          .filter(t -> t != null)
          .max(Long::compare)
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** The end of {@code /var/log/dpkg.log}, or null. */
  public static List<String> packageLog() {
    return tail(DPKG_LOG);
  }

  /** The end of {@code /var/log/apt/history.log}, or null. */
  public static List<String> aptHistory() {
    return tail(APT_HISTORY);
  }

  /** The last lines of a log (its final {@link #LOG_TAIL_BYTES}), or null when it is unreadable. */
  static List<String> tail(Path file) {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, f.length() - LOG_TAIL_BYTES);
      byte[] bytes = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(bytes);
      List<String> lines =
          new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n")));
      if (start > 0 && !lines.isEmpty()) {
        lines.remove(0); // cut in the middle
      }
      return lines;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * True when Debian's and Ubuntu's update tools flagged a reboot ({@code
   * /var/run/reboot-required}); false on a dpkg system without the flag; null elsewhere (no such
   * flag to read).
   */
  public static Boolean rebootRequired() {
    return rebootRequired(REBOOT_REQUIRED, DPKG_STATUS);
  }

  static Boolean rebootRequired(Path flag, Path dpkgStatus) {
    if (Files.exists(flag)) {
      return true;
    }
    return Files.exists(dpkgStatus) ? false : null;
  }
}

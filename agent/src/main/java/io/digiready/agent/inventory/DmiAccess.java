package io.digiready.agent.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Why Linux gave no serial number: the kernel's DMI table ({@code /sys/devices/virtual/dmi/id})
 * holds the system serial and UUID in files only root (or CAP_DAC_READ_SEARCH, which the service
 * unit grants) may read. A container, WSL or a board without SMBIOS has no table at all, and "needs
 * root" would send the technician after the wrong fix.
 *
 * <p>The files are opened, not checked with {@link Files#isReadable}: access(2) ignores the
 * capabilities of a non-root user, so it would call unreadable what the service can read.
 */
public enum DmiAccess {
  /** No DMI directory, or none of the serial files in it: nothing to read, with any rights. */
  NO_TABLE("no DMI table (%s missing): this machine or container exposes no serial numbers"),
  /** The files exist but opening one was refused. */
  NO_PERMISSION(
      "no permission to read %s/product_serial: run the agent as root or with"
          + " CAP_DAC_READ_SEARCH (the systemd unit grants it)"),
  /** Readable: the firmware left the serial empty or a placeholder. */
  READABLE("the firmware's DMI table (%s) holds no real serial number");

  public static final Path LINUX_DMI = Path.of("/sys/devices/virtual/dmi/id");
  static final List<String> SERIAL_FILES = List.of("product_serial", "product_uuid");

  private final String reason;

  DmiAccess(String reason) {
    this.reason = reason;
  }

  /** The log line's reason, naming the directory that was looked at. */
  public String reason(Path dmiDir) {
    return String.format(reason, dmiDir);
  }

  /** Looks at the serial files of {@code dmiDir}. */
  public static DmiAccess of(Path dmiDir) {
    return of(dmiDir, DmiAccess::open);
  }

  /** As {@link #of(Path)}, with the way a file is opened given (a refusal is a test's input). */
  static DmiAccess of(Path dmiDir, Opener opener) {
    boolean anyFile = false;
    for (String name : SERIAL_FILES) {
      Path file = dmiDir.resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      anyFile = true;
      try {
        opener.open(file);
        return READABLE;
      } catch (AccessDeniedException e) {
        // try the next file: one readable file is enough to read a serial
      } catch (IOException e) {
        // an unreadable file for another reason (an I/O error) says nothing about rights
      }
    }
    return anyFile ? NO_PERMISSION : NO_TABLE;
  }

  private static void open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      in.read();
    }
  }

  /** Opens and reads a file; throws {@link AccessDeniedException} when that is refused. */
  @FunctionalInterface
  interface Opener {
    void open(Path file) throws IOException;
  }
}

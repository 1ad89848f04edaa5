package io.digiready.collector.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The database holds every machine's serials and the token hashes: its files are readable by the
 * collector's user only (mode 0600), whatever the umask. SQLite gives the WAL and shared-memory
 * files the database file's mode, so creating the database file first is enough for new files;
 * files of an older install are narrowed at start. On a file system without POSIX permissions the
 * directory's protection is all there is.
 */
public final class OwnerOnly {
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

  private OwnerOnly() {}

  /** Creates the directory (and parents) owner-only if it does not exist; leaves one that does. */
  public static void directory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createDirectory(dir, attribute(DIR));
    } catch (UnsupportedOperationException e) {
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException e) {
      // made meanwhile by someone else
    }
  }

  /** Creates {@code file} empty and owner-only if it does not exist, else narrows its mode. */
  public static void file(Path file) throws IOException {
    try {
      Files.createFile(file, attribute(FILE));
    } catch (FileAlreadyExistsException e) {
      narrow(file);
    } catch (UnsupportedOperationException e) {
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
    }
  }

  /** The database file, created owner-only if new, and its WAL and shared-memory files narrowed. */
  static void databaseFiles(Path database) throws IOException {
    file(database);
    for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
      Path side = database.resolveSibling(database.getFileName() + suffix);
      if (Files.exists(side)) {
        narrow(side);
      }
    }
  }

  /** Sets an existing file to owner-only. */
  public static void narrow(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, FILE);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> p) {
    return PosixFilePermissions.asFileAttribute(p);
  }
}

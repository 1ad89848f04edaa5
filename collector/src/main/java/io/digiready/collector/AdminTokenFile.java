package io.digiready.collector;

import io.digiready.collector.fleet.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The admin token when none is configured: generated once into an owner-only file. */
final class AdminTokenFile {
  static final String NAME = "admin-token";

  private AdminTokenFile() {}

  /** The token kept in {@code <dataDir>/admin-token}, if the file exists. */
  static java.util.Optional<String> read(Path dataDir) throws IOException {
    Path file = dataDir.resolve(NAME);
    if (!Files.exists(file)) {
      return java.util.Optional.empty();
    }
    String token = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (token.isEmpty()) {
      throw new IOException("admin token file is empty: " + file.toAbsolutePath());
    }
    return java.util.Optional.of(token);
  }

  /** Writes a token into an owner-only {@code <dataDir>/admin-token}; prints the path only. */
  static void write(Path dataDir, String token) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(NAME);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    System.out.println("Generated an admin token in " + file.toAbsolutePath());
  }

  /** Reads or creates {@code <dataDir>/admin-token}; prints the path, never the token. */
  static String readOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(NAME);
    if (!Files.exists(file)) {
      Files.createDirectories(dataDir);
      String token = Tokens.newToken();
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file); // non-POSIX file systems: rely on the data dir's permissions
      } catch (FileAlreadyExistsException e) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
      System.out.println("Generated an admin token in " + file.toAbsolutePath());
      return token;
    }
    String token = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (token.isEmpty()) {
      throw new IOException("admin token file is empty: " + file.toAbsolutePath());
    }
    System.out.println("Admin token read from " + file.toAbsolutePath());
    return token;
  }
}

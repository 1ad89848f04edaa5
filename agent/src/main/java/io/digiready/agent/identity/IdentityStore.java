package io.digiready.agent.identity;

import io.digiready.agent.spool.Files2;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;

/**
 * Keeps the identity in {@code identity.properties} in the state directory, readable by the owner
 * only (mode 600 on Linux, an owner-only ACL on Windows), since it holds the agent token and the
 * enrollment token it was obtained with.
 */
public final class IdentityStore {
  private final Path file;

  public IdentityStore(Path stateDir) {
    this.file = stateDir.resolve("identity.properties");
  }

  public Identity load() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (NoSuchFileException e) {
      return null;
    }
    String id = p.getProperty("machineId");
    String token = p.getProperty("agentToken");
    if (id == null || id.isBlank() || token == null || token.isBlank()) {
      throw new IOException(file + ": expected machineId and agentToken");
    }
    return new Identity(id, token, p.getProperty("collectorUrl"), p.getProperty("enrollmentToken"));
  }

  public void save(Identity identity) throws IOException {
    Files.createDirectories(file.getParent());
    Properties p = new Properties();
    p.setProperty("machineId", identity.machineId());
    p.setProperty("agentToken", identity.agentToken());
    if (identity.collectorUrl() != null) {
      p.setProperty("collectorUrl", identity.collectorUrl());
    }
    if (identity.enrollmentToken() != null) {
      p.setProperty("enrollmentToken", identity.enrollmentToken());
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    p.store(buf, "digiready agent identity: keep private");
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    // writeDurably fills this same temporary file, which is private before the token is in it
    ownerOnly(Files.createFile(tmp));
    Files2.writeDurably(file, buf.toByteArray());
    ownerOnly(file);
  }

  /** Restricts a file to its owner; on POSIX before any secret is written to it. */
  static void ownerOnly(Path path) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      return;
    }
    AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
    if (acl != null) {
      AclEntry owner =
          AclEntry.newBuilder()
              .setType(AclEntryType.ALLOW)
              .setPrincipal(Files.getOwner(path))
              .setPermissions(EnumSet.allOf(AclEntryPermission.class))
              .build();
      acl.setAcl(List.of(owner));
    }
  }
}

package io.digiready.agent.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * What {@code status} shows from another process: the last success, the last error, and the spool's
 * depth. Rewritten (without fsync: it is a display, not data) whenever it changes.
 */
public final class SenderState {
  private static final ObjectMapper JSON = Json.mapper();

  /** The persisted form. */
  public record Snapshot(
      Instant lastSuccess,
      Instant lastErrorTime,
      Integer lastErrorStatus,
      String lastErrorMessage,
      Long spoolDepth,
      Long spoolDroppedEntries,
      Long lastSeq,
      Instant updated) {}

  private final Path file;
  private Snapshot snapshot;
  private boolean dirty;

  public SenderState(Path file) {
    this.file = file;
    Snapshot loaded = null;
    try {
      loaded = read(file);
    } catch (IOException e) {
      // a damaged display file is simply started afresh
    }
    this.snapshot =
        loaded != null ? loaded : new Snapshot(null, null, null, null, 0L, 0L, null, null);
  }

  public static Snapshot read(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), Snapshot.class);
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return null;
    }
  }

  public synchronized Snapshot snapshot() {
    return snapshot;
  }

  public synchronized void success(Instant at) {
    Snapshot s = snapshot;
    snapshot =
        new Snapshot(
            at,
            s.lastErrorTime(),
            s.lastErrorStatus(),
            s.lastErrorMessage(),
            s.spoolDepth(),
            s.spoolDroppedEntries(),
            s.lastSeq(),
            at);
    dirty = true;
  }

  /** {@code status} is the HTTP status, or null when no answer came. */
  public synchronized void error(Instant at, Integer status, String message) {
    Snapshot s = snapshot;
    snapshot =
        new Snapshot(
            s.lastSuccess(),
            at,
            status,
            message,
            s.spoolDepth(),
            s.spoolDroppedEntries(),
            s.lastSeq(),
            at);
    dirty = true;
  }

  public synchronized void spool(Instant at, long depth, long dropped, Long lastSeq) {
    Snapshot s = snapshot;
    snapshot =
        new Snapshot(
            s.lastSuccess(),
            s.lastErrorTime(),
            s.lastErrorStatus(),
            s.lastErrorMessage(),
            depth,
            dropped,
            lastSeq != null ? lastSeq : s.lastSeq(),
            at);
    dirty = true;
  }

  /** Writes the snapshot if it changed since the last write. */
  public synchronized void flush() {
    if (!dirty) {
      return;
    }
    dirty = false;
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, JSON.writeValueAsBytes(snapshot));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // status display only; the spool is what must not fail
    }
  }
}

package io.digiready.agent.send;

import io.digiready.agent.json.Jackson;
import io.digiready.agent.json.JsonReader;
import io.digiready.agent.json.JsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code status} shows from another process: the last success, the last error, and the spool's
 * depth. Rewritten (without fsync: it is a display, not data) whenever it changes.
 */
public final class SenderState {
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
      loaded = readFast(file);
    } catch (IOException | RuntimeException e) {
      // a damaged display file is simply started afresh
    }
    this.snapshot =
        loaded != null ? loaded : new Snapshot(null, null, null, null, 0L, 0L, null, null);
  }

  public static Snapshot read(Path file) throws IOException {
    try {
      return Jackson.mapper().readValue(file.toFile(), Snapshot.class);
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return null;
    }
  }

  /** {@link #read} without Jackson when the file is as this class writes it. */
  static Snapshot readFast(Path file) throws IOException {
    byte[] json;
    try {
      json = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
    try {
      return fromMap(JsonReader.object(json));
    } catch (JsonReader.Unsupported e) {
      return read(file);
    }
  }

  private static Snapshot fromMap(Map<String, Object> o) {
    return new Snapshot(
        JsonReader.instant(o, "lastSuccess"),
        JsonReader.instant(o, "lastErrorTime"),
        JsonReader.integer(o, "lastErrorStatus"),
        JsonReader.string(o, "lastErrorMessage"),
        JsonReader.longValue(o, "spoolDepth"),
        JsonReader.longValue(o, "spoolDroppedEntries"),
        JsonReader.longValue(o, "lastSeq"),
        JsonReader.instant(o, "updated"));
  }

  /** The file's content: what the wire format's Jackson mapper writes for the record. */
  static byte[] toJson(Snapshot s) {
    return new JsonWriter()
        .beginObject()
        .name("lastSuccess")
        .value(s.lastSuccess())
        .name("lastErrorTime")
        .value(s.lastErrorTime())
        .name("lastErrorStatus")
        .value(s.lastErrorStatus())
        .name("lastErrorMessage")
        .value(s.lastErrorMessage())
        .name("spoolDepth")
        .value(s.spoolDepth())
        .name("spoolDroppedEntries")
        .value(s.spoolDroppedEntries())
        .name("lastSeq")
        .value(s.lastSeq())
        .name("updated")
        .value(s.updated())
        .endObject()
        .toBytes();
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
      Files.write(tmp, toJson(snapshot));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // status display only; the spool is what must not fail
    }
  }
}

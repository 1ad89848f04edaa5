package io.digiready.agent.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The last acknowledged heartbeat id and the total of dropped entries, replaced atomically. */
final class SpoolCursor {
  private final Path file;
  private long ackedId;
  private long droppedTotal;

  private SpoolCursor(Path file, long ackedId, long droppedTotal) {
    this.file = file;
    this.ackedId = ackedId;
    this.droppedTotal = droppedTotal;
  }

  static SpoolCursor load(Path file) throws IOException {
    try {
      String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split("\\s+");
      return new SpoolCursor(file, Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (NoSuchFileException e) {
      return new SpoolCursor(file, 0, 0);
    } catch (RuntimeException e) {
      throw new IOException("spool cursor " + file + " is unreadable: " + e.getMessage());
    }
  }

  /** Reads the dropped total without opening the spool (for {@code status}). */
  static long[] peek(Path file) throws IOException {
    SpoolCursor c = load(file);
    return new long[] {c.ackedId, c.droppedTotal};
  }

  long ackedId() {
    return ackedId;
  }

  long droppedTotal() {
    return droppedTotal;
  }

  void save(long newAckedId, long newDroppedTotal) throws IOException {
    Files2.writeDurably(
        file, (newAckedId + " " + newDroppedTotal + "\n").getBytes(StandardCharsets.US_ASCII));
    ackedId = newAckedId;
    droppedTotal = newDroppedTotal;
  }
}

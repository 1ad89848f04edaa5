package io.digiready.agent.heartbeat;

import io.digiready.agent.spool.Files2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The heartbeat sequence number. A heartbeat is spooled first and its number persisted after; after
 * a crash between the two, the agent starts from the newest spooled number ({@link #atLeast}), so a
 * restart neither repeats a number the collector would drop as a duplicate nor leaves a gap it
 * would count as a lost heartbeat.
 */
public final class SeqCounter {
  private final Path file;
  private long last;

  public SeqCounter(Path file) throws IOException {
    this.file = file;
    this.last = read(file);
  }

  public static long read(Path file) throws IOException {
    try {
      return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (NoSuchFileException e) {
      return 0;
    } catch (NumberFormatException e) {
      throw new IOException(file + ": expected a whole number");
    }
  }

  /** The number the next heartbeat gets; {@link #commit} it once that heartbeat is spooled. */
  public synchronized long peekNext() {
    return last + 1;
  }

  /** Persists {@code seq} as the last number used, if it is above the current one. */
  public synchronized void commit(long seq) throws IOException {
    if (seq > last) {
      Files2.writeDurably(file, (seq + "\n").getBytes(StandardCharsets.US_ASCII));
      last = seq;
    }
  }

  /** Raises the counter to a number found in the spool after a crash. */
  public synchronized void atLeast(long seq) throws IOException {
    commit(seq);
  }

  public synchronized long last() {
    return last;
  }
}

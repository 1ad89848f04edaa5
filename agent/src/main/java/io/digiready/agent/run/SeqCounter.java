package io.digiready.agent.run;

import io.digiready.agent.spool.Files2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The heartbeat sequence number, persisted before each heartbeat is spooled: a crash between the
 * two leaves a gap (an honest lost heartbeat), never a repeated number the collector would drop as
 * a duplicate.
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

  public synchronized long next() throws IOException {
    long seq = last + 1;
    Files2.writeDurably(file, (seq + "\n").getBytes(StandardCharsets.US_ASCII));
    last = seq;
    return seq;
  }

  public synchronized long last() {
    return last;
  }
}

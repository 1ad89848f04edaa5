package io.digiready.agent.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The last acknowledged heartbeat id and the total of dropped entries, replaced atomically but not
 * fsynced: it changes with every acknowledgement, and losing the latest version to a power cut only
 * resends entries the collector already has (it drops them as duplicates). An unreadable cursor is
 * treated the same way: start from the oldest entry still in the spool.
 */
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
      return new SpoolCursor(file, 0, 0);
    }
  }

  long ackedId() {
    return ackedId;
  }

  long droppedTotal() {
    return droppedTotal;
  }

  void save(long newAckedId, long newDroppedTotal) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, newAckedId + " " + newDroppedTotal + "\n", StandardCharsets.US_ASCII);
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ackedId = newAckedId;
    droppedTotal = newDroppedTotal;
  }
}

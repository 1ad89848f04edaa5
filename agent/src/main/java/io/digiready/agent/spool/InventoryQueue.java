package io.digiready.agent.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Pending inventories, one durable file each ({@code inv-<id>-<timeMillis>.json}). There are few
 * (one at start, one per change, one a day), so a file per entry is simpler than a log.
 */
final class InventoryQueue {
  private final Path dir;
  private final TreeMap<Long, Path> files = new TreeMap<>();
  private final TreeMap<Long, Long> sizes = new TreeMap<>();
  private final TreeMap<Long, Long> times = new TreeMap<>();

  InventoryQueue(Path dir) throws IOException {
    this.dir = dir;
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.toList()) {
        String name = p.getFileName().toString();
        if (name.matches("inv-\\d{20}-\\d+\\.json\\.tmp")) {
          Files.deleteIfExists(p); // a write that never finished
        } else if (name.matches("inv-\\d{20}-\\d+\\.json")) {
          long id = Long.parseLong(name.substring(4, 24));
          long time = Long.parseLong(name.substring(25, name.length() - 5));
          files.put(id, p);
          sizes.put(id, Files.size(p));
          times.put(id, time);
        }
      }
    }
  }

  void append(byte[] payload, long timeMillis) throws IOException {
    long id = files.isEmpty() ? 1 : files.lastKey() + 1;
    Path p = dir.resolve(String.format("inv-%020d-%d.json", id, timeMillis));
    Files2.writeDurably(p, payload);
    files.put(id, p);
    sizes.put(id, (long) payload.length);
    times.put(id, timeMillis);
  }

  Entry oldest() throws IOException {
    if (files.isEmpty()) {
      return null;
    }
    long id = files.firstKey();
    return new Entry(Entry.Kind.INVENTORY, id, times.get(id), Files.readAllBytes(files.get(id)));
  }

  long oldestTimeMillis() {
    return files.isEmpty() ? Long.MAX_VALUE : times.firstEntry().getValue();
  }

  void remove(long id) throws IOException {
    Path p = files.remove(id);
    sizes.remove(id);
    times.remove(id);
    if (p != null) {
      Files.deleteIfExists(p);
    }
  }

  int count() {
    return files.size();
  }

  long bytes() {
    return sizes.values().stream().mapToLong(Long::longValue).sum();
  }
}

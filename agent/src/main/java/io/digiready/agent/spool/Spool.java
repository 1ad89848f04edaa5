package io.digiready.agent.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable, bounded spool every report passes through before it is sent.
 *
 * <p>Heartbeats go to append-only segment files, fsynced on every append; a cursor file records the
 * last acknowledged id and the total of dropped entries. Inventories are rare and large, so each is
 * its own file. When the spool exceeds {@code maxBytes} or holds entries older than {@code maxAge},
 * whole segments of the oldest heartbeats are dropped first and counted.
 */
public final class Spool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Spool.class);

  private final Path dir;
  private final long maxBytes;
  private final Duration maxAge;
  private final Clock clock;
  private final long segmentMaxBytes;
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private final InventoryQueue inventories;
  private final SpoolCursor cursor;
  private FileChannel active;
  private long nextId;

  private Spool(Path dir, long maxBytes, Duration maxAge, Clock clock) throws IOException {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.maxAge = maxAge;
    this.clock = clock;
    this.segmentMaxBytes = Math.max(4096, Math.min(1024 * 1024, maxBytes / 8));
    Files.createDirectories(dir);
    this.cursor = SpoolCursor.load(dir.resolve("cursor"));
    this.inventories = new InventoryQueue(dir);
    recoverSegments();
  }

  public static Spool open(Path dir, long maxBytes, Duration maxAge, Clock clock)
      throws IOException {
    return new Spool(dir, maxBytes, maxAge, clock);
  }

  private void recoverSegments() throws IOException {
    List<String> notes = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p :
          files.filter(f -> f.getFileName().toString().matches("hb-\\d{20}\\.seg")).toList()) {
        long firstId = Long.parseLong(p.getFileName().toString().substring(3, 23));
        segments.put(firstId, Segment.recover(p, firstId, notes));
      }
    }
    notes.forEach(log::warn);
    long lastId = segments.isEmpty() ? 0 : segments.lastEntry().getValue().lastId;
    nextId = Math.max(lastId, cursor.ackedId()) + 1;
    // never append behind a gap: a segment cut short in the middle ends its file
    if (segments.isEmpty() || segments.lastEntry().getValue().lastId + 1 != nextId) {
      segments.put(nextId, Segment.create(dir, nextId));
    }
    active = FileChannel.open(segments.lastEntry().getValue().path, StandardOpenOption.APPEND);
    removeAckedSegments();
  }

  /** Appends a heartbeat and returns only once it is on disk; returns its spool id. */
  public synchronized long appendHeartbeat(byte[] payload) throws IOException {
    Segment seg = segments.lastEntry().getValue();
    long now = clock.millis();
    boolean full = seg.bytes + Segment.HEADER_BYTES + payload.length > segmentMaxBytes;
    boolean expired = seg.lastTimeMillis < now - maxAge.toMillis();
    // a new file, so that the old one can be dropped whole by the size or age bound
    if (seg.bytes > 0 && (full || expired)) {
      active.close();
      seg = Segment.create(dir, nextId);
      segments.put(nextId, seg);
      active = FileChannel.open(seg.path, StandardOpenOption.APPEND);
    }
    long id = nextId++;
    ByteBuffer record = Segment.encode(id, now, payload);
    while (record.hasRemaining()) {
      active.write(record);
    }
    active.force(false);
    seg.lastId = id;
    seg.bytes += Segment.HEADER_BYTES + payload.length;
    seg.lastTimeMillis = now;
    enforceBounds();
    return id;
  }

  public synchronized void appendInventory(byte[] payload) throws IOException {
    inventories.append(payload, clock.millis());
    enforceBounds();
  }

  /** Unacknowledged heartbeats, oldest first. */
  public synchronized List<Entry> peekHeartbeats(int max) throws IOException {
    List<Entry> out = new ArrayList<>();
    long after = cursor.ackedId();
    Map.Entry<Long, Segment> e = segments.floorEntry(after + 1);
    if (e == null) {
      e = segments.firstEntry();
    }
    for (Segment seg : segments.tailMap(e.getKey(), true).values()) {
      if (out.size() >= max) {
        break;
      }
      out.addAll(seg.read(after, max - out.size()));
    }
    return out;
  }

  /** The newest heartbeat not yet acknowledged, or null (to recover its seq after a crash). */
  public synchronized Entry newestUnackedHeartbeat() throws IOException {
    for (Segment seg : segments.descendingMap().values()) {
      if (seg.count() > 0 && seg.lastId > cursor.ackedId()) {
        List<Entry> last = seg.read(seg.lastId - 1, 1);
        return last.isEmpty() ? null : last.get(0);
      }
    }
    return null;
  }

  /** The oldest unacknowledged inventory, or null. */
  public synchronized Entry peekInventory() throws IOException {
    return inventories.oldest();
  }

  /** Heartbeats up to and including {@code id} were acknowledged by the collector. */
  public synchronized void ackHeartbeats(long id) throws IOException {
    if (id > cursor.ackedId()) {
      cursor.save(Math.min(id, nextId - 1), cursor.droppedTotal());
      removeAckedSegments();
    }
  }

  public synchronized void ackInventory(Entry entry) throws IOException {
    inventories.remove(entry.id());
  }

  /** Moves an entry the collector called invalid to {@code dead-letter.jsonl}, then acks it. */
  public synchronized void deadLetter(Entry entry, String reason) throws IOException {
    String line =
        "{\"time\":\""
            + java.time.Instant.ofEpochMilli(clock.millis())
            + "\",\"kind\":\""
            + entry.kind().name().toLowerCase(java.util.Locale.ROOT)
            + "\",\"reason\":"
            + quote(reason)
            + ",\"entry\":"
            + new String(entry.payload(), StandardCharsets.UTF_8)
            + "}\n";
    try (FileChannel ch =
        FileChannel.open(
            dir.resolve("dead-letter.jsonl"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
      ch.force(false);
    }
    if (entry.kind() == Entry.Kind.HEARTBEAT) {
      ackHeartbeats(entry.id());
    } else {
      ackInventory(entry);
    }
  }

  private static String quote(String s) {
    return "\""
        + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ")
        + "\"";
  }

  /** Entries waiting to be sent. */
  public synchronized long depth() {
    return (nextId - 1 - cursor.ackedId()) + inventories.count();
  }

  public synchronized long droppedTotal() {
    return cursor.droppedTotal();
  }

  public synchronized long sizeBytes() {
    long total = inventories.bytes();
    for (Segment s : segments.values()) {
      total += s.bytes;
    }
    return total;
  }

  private void enforceBounds() throws IOException {
    long cutoff = clock.millis() - maxAge.toMillis();
    long dropped = 0;
    while (segments.size() > 1) {
      Segment oldest = segments.firstEntry().getValue();
      boolean tooOld = oldest.lastTimeMillis < cutoff && oldest.count() > 0;
      if (!tooOld && sizeBytes() <= maxBytes) {
        break;
      }
      long unsent = Math.max(0, oldest.lastId - Math.max(oldest.firstId - 1, cursor.ackedId()));
      // the cursor moves first: a crash between the two leaves a file that is merely acked
      cursor.save(Math.max(cursor.ackedId(), oldest.lastId), cursor.droppedTotal() + unsent);
      segments.remove(oldest.firstId);
      Files.deleteIfExists(oldest.path);
      dropped += unsent;
    }
    // inventories alone over the bound, or too old: drop the oldest of them too
    while (inventories.count() > 0
        && (sizeBytes() > maxBytes || inventories.oldestTimeMillis() < cutoff)) {
      cursor.save(cursor.ackedId(), cursor.droppedTotal() + 1);
      inventories.remove(inventories.oldest().id());
      dropped++;
    }
    if (dropped > 0) {
      log.warn(
          "event=spool_full_dropped entries={} droppedTotal={} maxBytes={}",
          dropped,
          cursor.droppedTotal(),
          maxBytes);
    }
  }

  private void removeAckedSegments() throws IOException {
    while (segments.size() > 1) {
      Segment oldest = segments.firstEntry().getValue();
      if (oldest.lastId > cursor.ackedId()) {
        break;
      }
      segments.remove(oldest.firstId);
      Files.deleteIfExists(oldest.path);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    active.close();
  }
}

package io.digiready.agent.spool;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One append-only file of heartbeat records with consecutive ids. A record is {@code length,
 * crc32c, id, timeMillis, payload}; the checksum covers id, time and payload, so a record torn by a
 * crash or power loss is recognised and cut off when the file is opened.
 */
final class Segment {
  static final int HEADER_BYTES = 24;
  static final int MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

  final Path path;
  final long firstId;
  long lastId;
  long bytes;
  long lastTimeMillis;

  // where the record after cachedAfterId starts, so a peek does not rescan the whole file
  private long cachedAfterId = -1;
  private long cachedPosition;

  private Segment(Path path, long firstId) {
    this.path = path;
    this.firstId = firstId;
    this.lastId = firstId - 1;
  }

  static String fileName(long firstId) {
    return String.format("hb-%020d.seg", firstId);
  }

  static Segment create(Path dir, long firstId) throws IOException {
    Segment s = new Segment(dir.resolve(fileName(firstId)), firstId);
    try (FileChannel ch =
        FileChannel.open(s.path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files2.syncDirectory(dir);
    return s;
  }

  /**
   * Reads the file up to its last intact record and cuts off anything after it. Returns the number
   * of bytes cut (0 for a clean file).
   */
  static Segment recover(Path path, long firstId, List<String> notes) throws IOException {
    Segment s = new Segment(path, firstId);
    long good = 0;
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        DataInputStream in =
            new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), 65536))) {
      long size = ch.size();
      while (good < size) {
        Entry e = readRecord(in, s.lastId + 1);
        if (e == null) {
          break;
        }
        good += HEADER_BYTES + e.payload().length;
        s.lastId = e.id();
        s.lastTimeMillis = e.timeMillis();
      }
      if (good < size) {
        notes.add(
            "event=spool_torn_tail_skipped file="
                + path.getFileName()
                + " keptBytes="
                + good
                + " cutBytes="
                + (size - good));
      }
    }
    if (good < java.nio.file.Files.size(path)) {
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
        ch.truncate(good);
        ch.force(true);
      }
    }
    s.bytes = good;
    return s;
  }

  /** The next record, or null at a clean end, a torn record, a bad checksum or an id gap. */
  private static Entry readRecord(DataInputStream in, long expectedId) throws IOException {
    try {
      int length = in.readInt();
      int crc = in.readInt();
      long id = in.readLong();
      long time = in.readLong();
      if (length < 0 || length > MAX_PAYLOAD_BYTES || id != expectedId) {
        return null;
      }
      byte[] payload = in.readNBytes(length);
      if (payload.length != length || crc != checksum(id, time, payload)) {
        return null;
      }
      return new Entry(Entry.Kind.HEARTBEAT, id, time, payload);
    } catch (EOFException e) {
      return null;
    }
  }

  static int checksum(long id, long time, byte[] payload) {
    CRC32C crc = new CRC32C();
    ByteBuffer head = ByteBuffer.allocate(16).putLong(id).putLong(time).flip();
    crc.update(head);
    crc.update(payload);
    return (int) crc.getValue();
  }

  static ByteBuffer encode(long id, long time, byte[] payload) {
    return ByteBuffer.allocate(HEADER_BYTES + payload.length)
        .putInt(payload.length)
        .putInt(checksum(id, time, payload))
        .putLong(id)
        .putLong(time)
        .put(payload)
        .flip();
  }

  long count() {
    return lastId - firstId + 1;
  }

  /** Records with id > {@code afterId}, oldest first, at most {@code max}. */
  List<Entry> read(long afterId, int max) throws IOException {
    List<Entry> out = new ArrayList<>();
    if (afterId >= lastId) {
      return out;
    }
    long id = firstId;
    long position = 0;
    if (afterId >= cachedAfterId && cachedAfterId >= firstId - 1) {
      id = cachedAfterId + 1;
      position = cachedPosition;
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ch.position(position);
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), 65536));
      for (; id <= lastId && out.size() < max && position < bytes; id++) {
        if (id == afterId + 1) {
          cachedAfterId = afterId;
          cachedPosition = position;
        }
        if (id <= afterId) {
          int length = in.readInt();
          in.skipNBytes(HEADER_BYTES - 4 + (long) length);
          position += HEADER_BYTES + length;
          continue;
        }
        Entry e = readRecord(in, id);
        if (e == null) {
          throw new IOException("spool segment " + path.getFileName() + " changed under us");
        }
        position += HEADER_BYTES + e.payload().length;
        out.add(e);
      }
    }
    return out;
  }
}

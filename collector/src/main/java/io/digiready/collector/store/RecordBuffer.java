package io.digiready.collector.store;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The bytes of raw heartbeat records as the writer thread builds them. {@link
 * ByteArrayOutputStream#write(int)} takes a lock for every byte, and the records are written a byte
 * at a time (variable-length integers): a quarter of the writer's own CPU under batch load. Only
 * one thread ever writes one buffer.
 */
final class RecordBuffer extends ByteArrayOutputStream {
  RecordBuffer() {
    super(64);
  }

  @Override
  public void write(int b) {
    if (count == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (count + len > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
    }
    System.arraycopy(b, off, buf, count, len);
    count += len;
  }
}

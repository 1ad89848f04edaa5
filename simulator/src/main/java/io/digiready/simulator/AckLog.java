package io.digiready.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every heartbeat the collector acknowledged, so that a fault test can check afterwards that
 * nothing acknowledged was lost. Optionally written to a file as {@code machineId seq} lines.
 */
public final class AckLog implements AutoCloseable {
  private final Map<String, AtomicLong> highestSeq = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> count = new ConcurrentHashMap<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final BufferedWriter file;

  public AckLog(Path file) {
    try {
      this.file = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void acknowledged(String machineId, long seq, boolean newlyStored) {
    highestSeq.computeIfAbsent(machineId, k -> new AtomicLong()).accumulateAndGet(seq, Math::max);
    count.computeIfAbsent(machineId, k -> new AtomicLong()).incrementAndGet();
    (newlyStored ? accepted : duplicates).incrementAndGet();
    if (file != null) {
      synchronized (file) {
        try {
          file.write(machineId + " " + seq + "\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  public long accepted() {
    return accepted.get();
  }

  public long duplicates() {
    return duplicates.get();
  }

  public Map<String, AtomicLong> highestSeqByMachine() {
    return highestSeq;
  }

  @Override
  public void close() {
    if (file != null) {
      synchronized (file) {
        try {
          file.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}

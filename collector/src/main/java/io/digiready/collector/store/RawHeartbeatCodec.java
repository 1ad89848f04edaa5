package io.digiready.collector.store;

import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.ProbeError;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Heartbeats as compact binary records, appended one after the other: about 35 bytes for a
 * heartbeat with three probes, where its JSON takes about 600. Numbers are LEB128 varints (signed
 * ones zigzag-encoded), times are whole seconds after a base the caller knows (the start of the
 * row's hour), sizes are MiB, probe targets are ids of the {@code probe_targets} table.
 *
 * <p>A record: {@code seq, at - base, agentTime - at, presence bits, [uptime], [memory MiB], [disk
 * free MiB], [disk total MiB], [agent RSS MiB], [agent CPU centiseconds], [spool dropped], probe
 * count, probes}; a probe: {@code target id, bits (kind, ok, internet, has error, has latency, has
 * detail), [error code], [latency ms], [detail]}. Probe details (free text) are kept only in the
 * machine's last heartbeat, not in the raw history.
 */
public final class RawHeartbeatCodec {
  /**
   * Consecutive sequence numbers whose records share a stored row of a machine hour. Appending to a
   * row rewrites all of it, so rows stop growing at about 64 records (2 KB, within one page).
   */
  static final long PART_SEQS = 64;

  private static final long MIB = 1024 * 1024;

  /** The stored part of a machine hour that holds the record of this sequence number. */
  static long part(long seq) {
    return Math.floorDiv(seq, PART_SEQS);
  }

  // Presence bits of a record.
  private static final int INTERNET_KNOWN = 1;
  private static final int INTERNET_UP = 1 << 1;
  private static final int UPTIME = 1 << 2;
  private static final int MEMORY = 1 << 3;
  private static final int DISK_FREE = 1 << 4;
  private static final int DISK_TOTAL = 1 << 5;
  private static final int AGENT_RSS = 1 << 6;
  private static final int AGENT_CPU = 1 << 7;
  private static final int SPOOL_DROPPED = 1 << 8;

  // Bits of a probe.
  private static final int KIND_MASK = 0b11;
  private static final int OK_KNOWN = 1 << 2;
  private static final int OK = 1 << 3;
  private static final int INTERNET_SCOPE_KNOWN = 1 << 4;
  private static final int INTERNET_SCOPE = 1 << 5;
  private static final int HAS_ERROR = 1 << 6;
  private static final int HAS_LATENCY = 1 << 7;
  private static final int HAS_DETAIL = 1 << 8;

  private static final ProbeKind[] KINDS = ProbeKind.values();

  /** Error codes: 0 means a kind this collector does not know (kept as "error"). */
  private static final List<String> ERRORS =
      List.of(
          "error",
          ProbeError.DNS_FAILURE,
          ProbeError.TIMEOUT,
          ProbeError.REFUSED,
          ProbeError.TLS_ERROR,
          ProbeError.HTTP_STATUS,
          ProbeError.PROXY_ERROR,
          ProbeError.NETWORK_ERROR);

  /** A decoded record: the heartbeat (sizes rounded to MiB) and when it happened. */
  public record Decoded(Instant at, Heartbeat heartbeat) {}

  private RawHeartbeatCodec() {}

  /**
   * Appends one heartbeat.
   *
   * @param baseSecond epoch second the record's time is relative to (the row's hour, or 0)
   * @param targetIds the id of a probe's kind and target
   * @param details whether to keep the probes' free-text details (the last heartbeat only)
   */
  public static void append(
      RecordBuffer out,
      Heartbeat h,
      Instant at,
      long baseSecond,
      ToIntFunction<ProbeResult> targetIds,
      boolean details) {
    long atSecond = at.getEpochSecond();
    unsigned(out, h.seq());
    unsigned(out, atSecond - baseSecond);
    signed(out, h.agentTime().getEpochSecond() - atSecond);
    int bits = 0;
    if (h.internetUp() != null) {
      bits |= INTERNET_KNOWN | (h.internetUp() ? INTERNET_UP : 0);
    }
    bits |= h.uptimeSeconds() != null ? UPTIME : 0;
    bits |= h.memoryUsedBytes() != null ? MEMORY : 0;
    bits |= h.systemDiskFreeBytes() != null ? DISK_FREE : 0;
    bits |= h.systemDiskTotalBytes() != null ? DISK_TOTAL : 0;
    bits |= h.agentResidentBytes() != null ? AGENT_RSS : 0;
    bits |= h.agentCpuSeconds() != null ? AGENT_CPU : 0;
    bits |= h.spoolDroppedEntries() != null ? SPOOL_DROPPED : 0;
    unsigned(out, bits);
    if (h.uptimeSeconds() != null) {
      unsigned(out, Math.max(0, h.uptimeSeconds()));
    }
    mib(out, h.memoryUsedBytes());
    mib(out, h.systemDiskFreeBytes());
    mib(out, h.systemDiskTotalBytes());
    mib(out, h.agentResidentBytes());
    if (h.agentCpuSeconds() != null) {
      unsigned(out, Math.max(0, Math.round(h.agentCpuSeconds() * 100)));
    }
    if (h.spoolDroppedEntries() != null) {
      unsigned(out, Math.max(0, h.spoolDroppedEntries()));
    }
    List<ProbeResult> probes = h.probes() == null ? List.of() : h.probes();
    unsigned(out, probes.size());
    for (ProbeResult p : probes) {
      unsigned(out, targetIds.applyAsInt(p));
      int pbits = p.kind().ordinal();
      if (p.ok() != null) {
        pbits |= OK_KNOWN | (p.ok() ? OK : 0);
      }
      if (p.internet() != null) {
        pbits |= INTERNET_SCOPE_KNOWN | (p.internet() ? INTERNET_SCOPE : 0);
      }
      pbits |= p.error() != null ? HAS_ERROR : 0;
      pbits |= p.latencyMillis() != null ? HAS_LATENCY : 0;
      boolean detail = details && p.detail() != null;
      pbits |= detail ? HAS_DETAIL : 0;
      unsigned(out, pbits);
      if (p.error() != null) {
        unsigned(out, Math.max(0, ERRORS.indexOf(p.error())));
      }
      if (p.latencyMillis() != null) {
        unsigned(out, Math.max(0, p.latencyMillis()));
      }
      if (detail) {
        byte[] text = p.detail().getBytes(StandardCharsets.UTF_8);
        unsigned(out, text.length);
        out.write(text, 0, text.length);
      }
    }
  }

  /** Every record of a body, in the order they were appended. */
  public static List<Decoded> decode(
      byte[] body, long baseSecond, String machineId, IntFunction<Target> targets) {
    List<Decoded> out = new ArrayList<>();
    Reader in = new Reader(body);
    while (in.more()) {
      long seq = in.unsigned();
      Instant at = Instant.ofEpochSecond(baseSecond + in.unsigned());
      Instant agentTime = at.plusSeconds(in.signed());
      int bits = (int) in.unsigned();
      Boolean internet = (bits & INTERNET_KNOWN) != 0 ? (bits & INTERNET_UP) != 0 : null;
      Long uptime = (bits & UPTIME) != 0 ? in.unsigned() : null;
      Long memory = (bits & MEMORY) != 0 ? in.unsigned() * MIB : null;
      Long diskFree = (bits & DISK_FREE) != 0 ? in.unsigned() * MIB : null;
      Long diskTotal = (bits & DISK_TOTAL) != 0 ? in.unsigned() * MIB : null;
      Long rss = (bits & AGENT_RSS) != 0 ? in.unsigned() * MIB : null;
      Double cpu = (bits & AGENT_CPU) != 0 ? in.unsigned() / 100.0 : null;
      Long dropped = (bits & SPOOL_DROPPED) != 0 ? in.unsigned() : null;
      int count = (int) in.unsigned();
      List<ProbeResult> probes = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Target target = targets.apply((int) in.unsigned());
        int pbits = (int) in.unsigned();
        Boolean ok = (pbits & OK_KNOWN) != 0 ? (pbits & OK) != 0 : null;
        Boolean scope = (pbits & INTERNET_SCOPE_KNOWN) != 0 ? (pbits & INTERNET_SCOPE) != 0 : null;
        String error = null;
        if ((pbits & HAS_ERROR) != 0) {
          int code = (int) in.unsigned();
          error = code < ERRORS.size() ? ERRORS.get(code) : ERRORS.get(0);
        }
        Long latency = (pbits & HAS_LATENCY) != 0 ? in.unsigned() : null;
        String detail = null;
        if ((pbits & HAS_DETAIL) != 0) {
          detail = in.text((int) in.unsigned());
        }
        ProbeKind kind = target != null ? target.kind() : KINDS[pbits & KIND_MASK];
        probes.add(
            new ProbeResult(
                target == null ? "other" : target.target(),
                kind,
                scope,
                ok,
                latency,
                error,
                detail));
      }
      out.add(
          new Decoded(
              at,
              new Heartbeat(
                  machineId, seq, agentTime, uptime, probes, internet, memory, diskFree, diskTotal,
                  rss, cpu, dropped)));
    }
    return out;
  }

  /** A probe target of the dictionary. */
  public record Target(ProbeKind kind, String target) {}

  private static void mib(RecordBuffer out, Long bytes) {
    if (bytes != null) {
      unsigned(out, Math.max(0, (bytes + MIB / 2) / MIB));
    }
  }

  static void unsigned(RecordBuffer out, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  static void signed(RecordBuffer out, long value) {
    unsigned(out, (value << 1) ^ (value >> 63));
  }

  private static final class Reader {
    private final byte[] b;
    private int pos;

    Reader(byte[] b) {
      this.b = b;
    }

    boolean more() {
      return pos < b.length;
    }

    long unsigned() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= b.length) {
          throw new IllegalStateException("raw heartbeat record cut short");
        }
        byte x = b[pos++];
        result |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalStateException("raw heartbeat varint too long");
    }

    long signed() {
      long raw = unsigned();
      return (raw >>> 1) ^ -(raw & 1);
    }

    String text(int length) {
      if (length < 0 || pos + length > b.length) {
        throw new IllegalStateException("raw heartbeat text cut short");
      }
      String s = new String(b, pos, length, StandardCharsets.UTF_8);
      pos += length;
      return s;
    }
  }
}

package io.digiready.agent.heartbeat;

import io.digiready.agent.probe.Prober;
import io.digiready.agent.spool.Entry;
import io.digiready.agent.spool.Spool;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.ProbeResult;
import io.digiready.protocol.ProbeTarget;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one heartbeat: probes the targets, reads the live figures, spools it (fsync) and only then
 * persists its sequence number, so that a crash between the two is repaired by {@link #recoverSeq}.
 */
public final class HeartbeatMaker {
  private static final Logger log = LoggerFactory.getLogger(HeartbeatMaker.class);

  private final Spool spool;
  private final SeqCounter seq;
  private final Prober prober;
  private final Supplier<LiveStats> stats;
  private final Clock clock;
  private LiveStats live;

  /** {@code stats} is called once, at the first heartbeat: OSHI is not touched before. */
  public HeartbeatMaker(
      Spool spool, SeqCounter seq, Prober prober, Supplier<LiveStats> stats, Clock clock) {
    this.spool = spool;
    this.seq = seq;
    this.prober = prober;
    this.stats = stats;
    this.clock = clock;
  }

  /** Raises the counter to the newest spooled heartbeat, made just before a crash perhaps. */
  public static SeqCounter recoverSeq(SeqCounter seq, Spool spool) throws IOException {
    Entry newest = spool.newestUnackedHeartbeat();
    if (newest != null) {
      seq.atLeast(HeartbeatJson.seq(newest.payload()));
    }
    return seq;
  }

  /** Makes and spools the next heartbeat; returns its sequence number. */
  public long make(List<ProbeTarget> targets) throws IOException {
    if (live == null) {
      live = stats.get();
    }
    List<ProbeResult> probes = prober.probeAll(targets);
    LiveStats.Figures f = live.read();
    long n = seq.peekNext();
    Heartbeat hb =
        new Heartbeat(
            null, // filled in when sent: the spool may hold heartbeats made before enrollment
            n,
            clock.instant(),
            f.uptimeSeconds(),
            probes,
            Prober.internetUp(probes),
            f.memoryUsedBytes(),
            f.diskFreeBytes(),
            f.diskTotalBytes(),
            f.residentBytes(),
            f.cpuSeconds(),
            spool.droppedTotal());
    spool.appendHeartbeat(HeartbeatJson.write(hb));
    seq.commit(n);
    log.debug("event=heartbeat seq={} internetUp={}", n, hb.internetUp());
    return n;
  }
}

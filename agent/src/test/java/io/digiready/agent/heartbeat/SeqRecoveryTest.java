package io.digiready.agent.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.agent.spool.Spool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeqRecoveryTest {
  @TempDir Path dir;

  private Spool spool() throws Exception {
    return Spool.open(dir.resolve("spool"), 1 << 20, Duration.ofDays(30), Clock.systemUTC());
  }

  private static byte[] heartbeat(long seq) {
    return ("{\"seq\":" + seq + ",\"internetUp\":true}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void a_heartbeat_spooled_before_a_crash_that_lost_its_seq_is_not_numbered_again()
      throws Exception {
    Path seqFile = dir.resolve("seq");
    try (Spool spool = spool()) {
      spool.appendHeartbeat(heartbeat(1));
      spool.appendHeartbeat(heartbeat(2));
    }
    Files.writeString(seqFile, "1\n"); // the crash came between spooling 2 and persisting it

    try (Spool spool = spool()) {
      SeqCounter seq = HeartbeatMaker.recoverSeq(new SeqCounter(seqFile), spool);
      assertThat(seq.peekNext()).isEqualTo(3);
      assertThat(SeqCounter.read(seqFile)).isEqualTo(2);
    }
  }

  @Test
  void an_acknowledged_spool_leaves_the_persisted_seq_alone() throws Exception {
    Path seqFile = dir.resolve("seq");
    try (Spool spool = spool()) {
      long id = spool.appendHeartbeat(heartbeat(7));
      spool.ackHeartbeats(id);
    }
    Files.writeString(seqFile, "9\n");

    try (Spool spool = spool()) {
      assertThat(spool.newestUnackedHeartbeat()).isNull();
      SeqCounter seq = HeartbeatMaker.recoverSeq(new SeqCounter(seqFile), spool);
      assertThat(seq.peekNext()).isEqualTo(10);
    }
  }

  @Test
  void commit_never_lowers_the_counter() throws Exception {
    SeqCounter seq = new SeqCounter(dir.resolve("seq"));
    seq.commit(5);
    seq.commit(3);
    assertThat(seq.last()).isEqualTo(5);
    assertThat(new SeqCounter(dir.resolve("seq")).peekNext()).isEqualTo(6);
  }
}

package io.digiready.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolCrashTest {
  @TempDir Path dir;

  static byte[] payload(long n) {
    return ("{\"seq\":" + n + ",\"pad\":\"" + "y".repeat((int) (n % 300)) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void kill_9_mid_write_loses_nothing_that_was_reported_written() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                SpoolWriterMain.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    long lastReported = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      String line;
      while (lastReported < 2000
          && System.nanoTime() < deadline
          && (line = out.readLine()) != null) {
        lastReported = Long.parseLong(line.strip());
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-append most likely
      child.waitFor(30, TimeUnit.SECONDS);
      // ids the child wrote after our last read are fine too; they must just be intact
    }
    assertThat(lastReported).isGreaterThanOrEqualTo(2000);
    try (Spool spool = Spool.open(dir, 1L << 30, Duration.ofDays(30), Clock.systemUTC())) {
      List<Entry> all = spool.peekHeartbeats(1_000_000);
      assertThat(all.size()).isGreaterThanOrEqualTo((int) lastReported);
      for (int i = 0; i < all.size(); i++) {
        Entry e = all.get(i);
        assertThat(e.id()).isEqualTo(i + 1);
        assertThat(e.payload()).isEqualTo(payload(i + 1));
      }
      long next = spool.appendHeartbeat(payload(all.size() + 1));
      assertThat(next).isEqualTo(all.size() + 1);
    }
  }
}

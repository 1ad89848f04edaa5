package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer thread that dies of an Error (an OutOfMemoryError, a bug) must not leave a process that
 * half lives: health turns red, requests get 503 at once instead of waiting for a commit that never
 * comes, and the owner is told (the real program then exits: {@code WriterDeathIT}).
 */
class WriterDeathTest {
  @TempDir Path dir;

  @Test
  void a_dead_writer_fails_both_health_checks_answers_503_at_once_and_is_reported()
      throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      c.createUnit("a", "Xã A", null, "commune", 1);
      Agent agent = c.enroll(c.enrollmentToken("a"), "PC-1", "u", "s", "o");
      assertThat(c.http.get("/health/live", null).status()).isEqualTo(200);

      c.collector
          .services()
          .writer()
          .submit(
              tx -> {
                throw new Error("test: the writer thread dies");
              },
              null);
      Instant deadline = Instant.now().plusSeconds(5);
      while (c.writerDeaths.isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(10);
      }
      assertThat(c.writerDeaths).singleElement().isInstanceOf(Error.class);

      assertThat(c.http.get("/health/ready", null).status()).isEqualTo(503);
      Http.Answer live = c.http.get("/health/live", null);
      assertThat(live.status()).isEqualTo(503);
      assertThat(live.json().get("status").asText()).isEqualTo("down");

      long start = System.nanoTime();
      Http.Answer beat = c.beat(agent, 1, true);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(beat.status()).isEqualTo(503);
      assertThat(beat.header("Retry-After")).isNotNull();
    }
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar's classes in a child JVM whose writer thread dies of an Error: the process ends by
 * itself, with a non-zero status, within seconds, after closing the database (systemd then starts a
 * clean one). The Error is thrown through {@link WriterDeathMain}, a test-only entry point.
 */
class WriterDeathIT {
  @TempDir Path tmp;

  @Test
  void a_writer_thread_that_dies_ends_the_process_with_status_3_within_seconds() throws Exception {
    Path trigger = tmp.resolve("kill-writer-now");
    String classpath = ChildCollector.jar() + File.pathSeparator + "target/test-classes";
    try (ChildCollector child =
        new ChildCollector(
            tmp.resolve("data"),
            List.of(
                "-Ddigiready.test.killWriterWhen=" + trigger,
                "-cp",
                classpath,
                WriterDeathMain.class.getName()))) {
      assertThat(child.http.get("/health/live", null).status()).isEqualTo(200);
      Files.createFile(trigger);
      long start = System.nanoTime();
      assertThat(child.process.waitFor(15, TimeUnit.SECONDS)).as("exited within 15 s").isTrue();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      System.out.println("the collector exited " + took.toMillis() + " ms after its writer died");
      assertThat(child.process.exitValue()).isEqualTo(CollectorMain.WRITER_DIED);
      String log = Files.readString(child.log);
      assertThat(log).contains("the writer thread died").contains("collector stopped");
    }
  }
}

package io.digiready.agent.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.agent.AgentMain;
import io.digiready.agent.cli.AgentCommand;
import io.digiready.agent.testing.FakeCollector;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running service keeps its memory small by never loading Jackson's databind, picocli, JNA or
 * OSHI's implementation (README, "Footprint"): a real {@code run} in its own JVM, heartbeats and an
 * inventory delivered, and the classes it loaded listed by {@code -verbose:class} (which the
 * inventory child, a separate JVM, does not inherit).
 */
class RunLoopClassesTest {
  @TempDir Path dir;

  @Test
  void a_running_service_delivers_without_loading_jackson_databind_picocli_jna_or_oshi()
      throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      collector.probes =
          List.of(new ProbeTarget(ProbeKind.TCP, collector.url().getAuthority(), false));
      String url = collector.url().toString();
      Path state = dir.resolve("state");
      assertThat(
              AgentCommand.execute(
                  "enroll",
                  "--collector-url",
                  url,
                  "--enrollment-token",
                  "unit-token-123",
                  "--state-dir",
                  state.toString()))
          .isZero();
      Path classes = dir.resolve("classes.txt");
      Process agent =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-verbose:class",
                  "-cp",
                  System.getProperty("java.class.path"),
                  AgentMain.class.getName(),
                  "run",
                  "--collector-url",
                  url,
                  "--state-dir",
                  state.toString(),
                  "--heartbeat-interval-seconds",
                  "1",
                  "--log-level",
                  "warn")
              .redirectOutput(classes.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      try {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (collector.stored.size() < 3 || collector.inventories.isEmpty()) {
          assertThat(System.nanoTime()).as("3 heartbeats and an inventory").isLessThan(deadline);
          assertThat(agent.isAlive()).as("the agent runs").isTrue();
          Thread.sleep(100);
        }
      } finally {
        agent.destroy();
        agent.waitFor();
      }
      List<String> loaded =
          Files.readAllLines(classes).stream().filter(l -> l.contains("class,load")).toList();
      assertThat(loaded).anyMatch(l -> l.contains("io.digiready.agent.service.AgentService "));
      assertThat(loaded)
          .noneMatch(l -> l.contains(" com.fasterxml.jackson.databind."))
          .noneMatch(l -> l.contains(" picocli."))
          .noneMatch(l -> l.contains(" com.sun.jna."))
          .noneMatch(l -> l.contains(" oshi.hardware.platform."))
          .noneMatch(l -> l.contains(" oshi.software.os.linux."));
    }
  }
}

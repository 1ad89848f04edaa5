package io.digiready.collector;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The real jar in a child JVM, for tests that kill it. */
final class ChildCollector implements AutoCloseable {
  final Process process;
  final int port;
  final Http http;
  final Path log;

  ChildCollector(Path dataDir, String... extraArgs) throws Exception {
    this(dataDir, List.of("-jar", jar()), extraArgs);
  }

  static String jar() {
    return System.getProperty("collector.jar", "target/digiready-collector.jar");
  }

  /**
   * The shaded jar's classes run by {@code launch} (JVM options, then {@code -jar JAR} or {@code
   * -cp ... MainClass}), then {@code serve} with a free port and the data directory.
   */
  ChildCollector(Path dataDir, List<String> launch, String... extraArgs) throws Exception {
    port = freePort();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
    cmd.addAll(launch);
    cmd.addAll(
        new ArrayList<>(
            List.of(
                "serve",
                "--port",
                String.valueOf(port),
                "--bind-address",
                "127.0.0.1",
                "--data-dir",
                dataDir.toString(),
                "--admin-token",
                TestCollector.ADMIN)));
    cmd.addAll(List.of(extraArgs));
    log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
    process =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    http = new Http("http://127.0.0.1:" + port);
    awaitReady();
  }

  private void awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("collector exited: " + java.nio.file.Files.readString(log));
      }
      try {
        if (http.get("/health/ready", null).status() == 200) {
          return;
        }
      } catch (AssertionError notYet) {
        // connection refused while starting
      }
      Thread.sleep(100);
    }
    throw new AssertionError("collector not ready in 30 s");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  void kill9() {
    process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill9();
    }
  }
}

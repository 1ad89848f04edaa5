package io.digiready.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A real jar of this repository running as a child JVM, with its output in a log file. */
class Child implements AutoCloseable {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  private final String name;
  private final Path log;
  private Process process;

  Child(String name, Path log) {
    this.name = name;
    this.log = log;
  }

  /**
   * The runnable jar of a module, as the build copied it from the reactor into {@code
   * e2e/target/jars} (see the e2e pom); run these tests with {@code mvn -B verify}.
   */
  static Path jar(String module) {
    String dir = System.getProperty("digiready.jars");
    if (dir == null) {
      throw new IllegalStateException(
          "system property digiready.jars is not set: run the e2e tests with mvn -B verify");
    }
    Path jar = Path.of(dir, "digiready-" + module + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the e2e tests with mvn -B verify");
    }
    return jar;
  }

  /** Starts a JVM of the same Java as the tests with these arguments. */
  void start(List<String> javaArgs) {
    List<String> full = new ArrayList<>();
    full.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    full.addAll(javaArgs);
    startBinary(full);
  }

  void startBinary(List<String> full) {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      Files.createDirectories(log.getParent());
      process =
          new ProcessBuilder(full)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** SIGTERM, as systemd stops a service; waits for the exit. */
  int stop() throws InterruptedException {
    if (process == null) {
      return -1;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException(name + " did not stop within 30 s of SIGTERM");
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no flush, like a power cut for the process. */
  void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) {
      kill();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls until the condition holds; fails with the message after the deadline. */
  static void await(Duration timeout, String what, BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}

package io.digiready.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The real agent jar, started through the same launcher script the install scripts use. */
final class AgentProcess extends Child {
  final Path stateDir;
  private final List<String> args;

  AgentProcess(Path stateDir, String collectorUrl, String enrollmentToken, String... extra) {
    super("agent", stateDir.resolveSibling(stateDir.getFileName() + ".log"));
    this.stateDir = stateDir;
    this.args = new ArrayList<>();
    args.add("run");
    args.add("--collector-url");
    args.add(collectorUrl);
    args.add("--state-dir");
    args.add(stateDir.toString());
    if (enrollmentToken != null) {
      args.add("--enrollment-token");
      args.add(enrollmentToken);
    }
    args.addAll(List.of(extra));
  }

  AgentProcess launch() {
    List<String> command = new ArrayList<>(List.of("-Xmx64m", "-XX:+UseSerialGC", "-jar"));
    command.add(jar("agent").toString());
    command.addAll(args);
    start(command);
    return this;
  }

  /** The last sequence number the agent made (its own count of heartbeats), 0 before the first. */
  long lastSeq() {
    Path file = stateDir.resolve("seq");
    try {
      return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 0;
    } catch (IOException | NumberFormatException e) {
      return -1; // being rewritten right now; the caller polls again
    }
  }

  /** The machine id the agent stored after enrollment, or null before. */
  String machineId() {
    Path file = stateDir.resolve("identity.properties");
    if (!Files.exists(file)) {
      return null;
    }
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("machineId");
  }
}

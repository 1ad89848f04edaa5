package io.digiready.agent.service;

import io.digiready.agent.inventory.InventoryCheck;
import io.digiready.agent.inventory.InventoryStep;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;

/**
 * The hourly inventory check in a short-lived child process of the same Java: reading the machine
 * (OSHI, JNA, the software list) and writing the inventory (Jackson) load some 1,500 classes that a
 * JVM never gives back, while the running agent only needs the result. The child runs {@link #main}
 * and prints the {@link InventoryStep}; the parent spools it. When the child cannot be run, the
 * check runs in this process instead, as before.
 *
 * <p>Output of the child: three lines (reason, software, schedule state; {@code -} for none), then
 * the payload's bytes.
 */
public final class InventoryChild implements InventoryCheck.Stepper {
  private static final Logger log = LoggerFactory.getLogger(InventoryChild.class);

  /** Every OSHI section has its own timeout (Wiring.SECTION_TIMEOUT); this bounds them all. */
  private static final long TIMEOUT_MINUTES = 10;

  private final Path out;
  private final InventoryCheck.Stepper inProcess;

  InventoryChild(Path stateDir, Supplier<SystemInfo> systemInfo) {
    this.out = stateDir.resolve("inventory-check.out");
    this.inProcess =
        (state, now) -> InventoryStep.compute(Wiring.readMachine(systemInfo.get()), state, now);
  }

  /** Child: {@code now} and the schedule state as arguments, the step on stdout. */
  public static void main(String[] args) {
    try {
      Instant now = Instant.parse(args[0]);
      String state = args.length > 1 && !args[1].equals("-") ? args[1] : null;
      InventoryStep step = InventoryStep.compute(Wiring.readMachine(new SystemInfo()), state, now);
      OutputStream raw = System.out;
      raw.write(header(step).getBytes(StandardCharsets.UTF_8));
      if (step.payload() != null) {
        raw.write(step.payload());
      }
      raw.flush();
      System.exit(0);
    } catch (Exception | Error e) {
      System.err.println("inventory child: " + e);
      System.exit(1);
    }
  }

  static String header(InventoryStep step) {
    return word(step.reason()) + "\n" + word(step.software()) + "\n" + word(step.state()) + "\n";
  }

  private static String word(String s) {
    return s == null ? "-" : s;
  }

  @Override
  public InventoryStep step(String state, Instant now) throws IOException {
    try {
      return inChild(state, now);
    } catch (IOException e) {
      log.warn(
          "event=inventory_child_failed reason=\"{}\" action=\"read the inventory in the agent\"",
          e.getMessage());
      return inProcess.step(state, now);
    }
  }

  InventoryStep inChild(String state, Instant now) throws IOException {
    List<String> command = new ArrayList<>(command());
    command.add(now.toString());
    command.add(state == null ? "-" : state);
    Process p =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    p.getOutputStream().close();
    try {
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("no answer within " + TIMEOUT_MINUTES + " minutes");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    try {
      if (p.exitValue() != 0) {
        throw new IOException("exit code " + p.exitValue());
      }
      return parse(Files.readAllBytes(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  static InventoryStep parse(byte[] output) throws IOException {
    String[] lines = new String[3];
    int pos = 0;
    for (int i = 0; i < 3; i++) {
      int end = pos;
      while (end < output.length && output[end] != '\n') {
        end++;
      }
      if (end >= output.length) {
        throw new IOException("truncated answer");
      }
      String line = new String(output, pos, end - pos, StandardCharsets.UTF_8);
      lines[i] = "-".equals(line) ? null : line;
      pos = end + 1;
    }
    byte[] payload = null;
    if (lines[0] != null) {
      payload = java.util.Arrays.copyOfRange(output, pos, output.length);
      if (payload.length == 0) {
        throw new IOException("no inventory in the answer");
      }
    }
    return new InventoryStep(lines[0], payload, lines[1], lines[2]);
  }

  /**
   * This Java, its memory and logging settings (not the class-data archive it may be writing, nor
   * the settings that keep the service's code interpreted: the child's work is short and heavy),
   * the same class path and this class as the main class.
   */
  static List<String> command() {
    List<String> command = new ArrayList<>();
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    command.add(
        Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString());
    // the archive of the child's own classes, when the launcher made one
    String archive = System.getProperty("digiready.inventory.cds");
    boolean ownArchive = archive != null && Files.isRegularFile(Path.of(archive));
    if (ownArchive) {
      command.add("-XX:SharedArchiveFile=" + archive);
      command.add("-Xshare:auto");
    }
    for (String arg : ProcessHandle.current().info().arguments().orElse(new String[0])) {
      if (arg.equals("-jar")
          || arg.equals("-cp")
          || arg.startsWith("-classpath")
          || arg.startsWith("--class-path")
          || !arg.startsWith("-")) {
        break; // the JVM's options end here
      }
      if ((arg.startsWith("-X") || arg.startsWith("-D"))
          && !arg.startsWith("-XX:ArchiveClassesAtExit")
          && !(ownArchive && (arg.startsWith("-XX:SharedArchiveFile") || arg.startsWith("-Xshare")))
          && !arg.startsWith("-XX:DumpLoadedClassList")
          && !arg.startsWith("-XX:NativeMemoryTracking")
          && !arg.startsWith("-XX:CompileThresholdScaling")
          && !arg.equals("-Xint")
          && !arg.startsWith("-Dorg.slf4j.simpleLogger.")) {
        command.add(arg);
      }
    }
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("org.slf4j.simpleLogger."))
        .sorted()
        .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(InventoryChild.class.getName());
    return command;
  }
}

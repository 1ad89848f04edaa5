package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release files of release/build.sh, built from this build's jars and used as an IT technician
 * would: two builds of one version are byte-identical, lintian finds no error, the tarball's agent
 * runs without any Java on the machine, and the .deb files install with dpkg, run from their units'
 * ExecStart (as the units' users, with setpriv: no systemd here), upgrade to a second version
 * keeping the agent's identity and spool, and leave the data on remove, not on purge. Needs root on
 * Debian (dpkg, adduser, setpriv); CI is both.
 */
class PackagesIT {
  private static final String V1 = "0.1.0~it1";
  private static final String V2 = "0.1.0~it2";
  private static final Path AGENT_STATE = Path.of("/var/lib/digiready-agent");
  private static final Path COLLECTOR_DATA = Path.of("/var/lib/digiready");
  private static final Path AGENT_CONFIG = Path.of("/etc/digiready-agent/agent.properties");
  private static final Path COLLECTOR_CONFIG =
      Path.of("/etc/digiready-collector/collector.properties");

  @TempDir static Path dir;

  @BeforeAll
  static void buildTwoVersions() throws Exception {
    assumeTrue(
        "0".equals(run(List.of("id", "-u")).output().strip()),
        "PackagesIT needs root (dpkg -i, adduser, setpriv): skipped as a non-root user");
    assumeTrue(
        Files.exists(Path.of("/etc/debian_version")),
        "PackagesIT installs .deb files: skipped on a system that is not Debian");
    purgeBoth();
    for (String user : SYSTEM_USERS) {
      if (run(List.of("id", "-u", user)).exit() != 0) {
        usersWeMake.add(user);
      }
    }
    build(V1, dir.resolve("v1"));
    build(V1, dir.resolve("v1-again"));
    build(V2, dir.resolve("v2"));
  }

  /** The packages' system users: kept on purge, as Debian's packages do. */
  private static final List<String> SYSTEM_USERS = List.of("digiready-agent", "digiready");

  /** Those that did not exist before this test: the machine is left as the test found it. */
  private static final List<String> usersWeMake = new java.util.ArrayList<>();

  @AfterAll
  static void leaveNothingInstalled() throws Exception {
    if (Files.exists(Path.of("/etc/debian_version")) && dir != null) {
      purgeBoth();
      for (String user : usersWeMake) {
        run(List.of("userdel", user));
      }
    }
  }

  @Test
  void the_same_commit_built_twice_gives_byte_identical_release_files() throws Exception {
    List<String> files = Files.readAllLines(dir.resolve("v1/SHA256SUMS"));
    assertThat(files.stream().map(l -> l.substring(l.indexOf("  ") + 2)))
        .containsExactlyInAnyOrder(
            "digiready-agent_" + V1 + "_amd64.deb",
            "digiready-collector_" + V1 + "_amd64.deb",
            "digiready-agent-" + V1 + "-linux-x64.tar.gz",
            "digiready-collector-" + V1 + "-linux-x64.tar.gz",
            "digiready-agent-" + V1 + "-windows.zip");
    assertThat(Files.readAllLines(dir.resolve("v1-again/SHA256SUMS"))).isEqualTo(files);
    assertThat(run(List.of("sha256sum", "--check", "--strict", "SHA256SUMS"), dir.resolve("v1")))
        .extracting(Result::exit)
        .isEqualTo(0);
  }

  @Test
  void lintian_reports_no_error_on_either_package() throws Exception {
    Result lintian =
        run(
            List.of(
                "lintian",
                "--tag-display-limit",
                "0",
                deb(dir.resolve("v1"), "agent", V1).toString(),
                deb(dir.resolve("v1"), "collector", V1).toString()));
    assertThat(lintian.output())
        .as("lintian (Debian package lintian) must have run")
        .doesNotContain("command not found");
    assertThat(lintian.output().lines().filter(l -> l.startsWith("E: ")))
        .as(lintian.output())
        .isEmpty();
  }

  @Test
  void the_tarballs_agent_runs_with_no_java_on_path_and_no_java_home() throws Exception {
    Path tree = dir.resolve("tarball");
    Files.createDirectories(tree);
    Path tarball = dir.resolve("v1/digiready-agent-" + V1 + "-linux-x64.tar.gz");
    assertThat(run(List.of("tar", "-xzf", tarball.toString(), "-C", tree.toString())).exit())
        .isZero();
    // a PATH with only what the launcher itself calls: no java anywhere on it
    Path bin = Files.createDirectories(dir.resolve("bare-bin"));
    for (String tool : List.of("bash", "dirname", "readlink", "env")) {
      Path real = Path.of(run(List.of("bash", "-c", "command -v " + tool)).output().strip());
      Files.createSymbolicLink(bin.resolve(tool), real);
    }
    Path agent = tree.resolve("digiready-agent-" + V1 + "-linux-x64/usr/bin/digiready-agent");
    List<String> bare = List.of("env", "-i", "PATH=" + bin, "HOME=" + dir);

    assertThat(run(concat(bare, List.of("bash", "-c", "command -v java"))).exit()).isNotZero();
    Result version = run(concat(bare, List.of(agent.toString(), "--version")));
    assertThat(version.exit()).as(version.output()).isZero();
    assertThat(version.output()).startsWith("digiready-agent ");
    Result inventory = run(concat(bare, List.of(agent.toString(), "inventory")));
    assertThat(inventory.exit()).as(inventory.output()).isZero();
    // The output holds the agent's log lines (stderr, e.g. why serial numbers are unreadable) too:
    // the inventory is the JSON that starts on a line of its own.
    String out = inventory.output();
    int json = out.startsWith("{") ? 0 : out.indexOf("\n{") + 1;
    assertThat(CollectorProcess.JSON.readTree(out.substring(json)).get("hostname").asText())
        .isNotBlank();
  }

  @Test
  void packages_install_beat_upgrade_keeping_identity_and_spool_then_remove_and_purge()
      throws Exception {
    Path v1 = dir.resolve("v1");
    Path v2 = dir.resolve("v2");
    dpkg("-i", deb(v1, "collector", V1).toString(), deb(v1, "agent", V1).toString());
    assertThat(installedVersion("digiready-agent")).isEqualTo(V1);
    assertThat(Files.readString(AGENT_CONFIG)).contains("stateDir=/var/lib/digiready-agent");
    verifyUnits();

    // the administrator's edits: a free port on the loopback only
    int port = Child.freePort();
    setKey(COLLECTOR_CONFIG, "port", String.valueOf(port));
    setKey(COLLECTOR_CONFIG, "bindAddress", "127.0.0.1");
    CollectorProcess api = new CollectorProcess(COLLECTOR_DATA, port);

    String machineId;
    long seqBeforeUpgrade;
    try (Child collector = unit("digiready-collector", dir.resolve("collector-1.log"))) {
      awaitReady(api, collector);
      String token = api.unitWithToken("pkg-unit", 5);

      Result enroll =
          run(
              List.of(
                  "/usr/bin/digiready-agent",
                  "enroll",
                  "--collector-url",
                  api.url(),
                  "--enrollment-token",
                  token));
      assertThat(enroll.exit()).as(enroll.output()).isZero();
      Properties config = properties(AGENT_CONFIG);
      assertThat(config).containsEntry("collectorUrl", api.url());
      machineId = properties(AGENT_STATE.resolve("identity.properties")).getProperty("machineId");
      assertThat(machineId).isNotBlank();
      assertThat(owner(AGENT_STATE.resolve("identity.properties"))).isEqualTo("digiready-agent");
      setKey(AGENT_CONFIG, "heartbeatIntervalSeconds", "1");

      try (Child agent = unit("digiready-agent", dir.resolve("agent-1.log"))) {
        Child.await(
            Duration.ofSeconds(60),
            "the packaged agent's heartbeats at the collector\n" + agent.log(),
            () -> Ledger.of(api, machineId).lastSeq() >= 3);
        long delivered = Ledger.of(api, machineId).lastSeq();
        // the collector goes away: the agent keeps its heartbeats in its spool
        // 143: the JVM's own exit status after SIGTERM and its shutdown hooks
        assertThat(collector.stop()).isIn(0, 143);
        Child.await(
            Duration.ofSeconds(30),
            "heartbeats spooled while the collector is down",
            () -> agentSeq() >= delivered + 3);
        agent.stop();
        seqBeforeUpgrade = agentSeq();
      }
    }

    String collectorConfig = Files.readString(COLLECTOR_CONFIG);
    dpkg("-i", deb(v2, "collector", V2).toString(), deb(v2, "agent", V2).toString());
    assertThat(Files.readString(COLLECTOR_CONFIG)).isEqualTo(collectorConfig);
    assertThat(installedVersion("digiready-agent")).isEqualTo(V2);
    assertThat(installedVersion("digiready-collector")).isEqualTo(V2);
    assertThat(properties(AGENT_STATE.resolve("identity.properties")).getProperty("machineId"))
        .isEqualTo(machineId);
    assertThat(agentSeq()).isEqualTo(seqBeforeUpgrade);
    assertThat(properties(AGENT_CONFIG)).containsEntry("collectorUrl", api.url());

    try (Child collector = unit("digiready-collector", dir.resolve("collector-2.log"));
        Child agent = unit("digiready-agent", dir.resolve("agent-2.log"))) {
      awaitReady(api, collector);
      Child.await(
          Duration.ofSeconds(60),
          "the upgraded agent to deliver its spool and beat on\n" + agent.log(),
          () -> Ledger.of(api, machineId).lastSeq() > seqBeforeUpgrade);
      Ledger ledger = Ledger.of(api, machineId);
      // one machine, every heartbeat from seq 1 on stored once: nothing lost in the upgrade
      assertThat(ledger.lost()).isZero();
      assertThat(ledger.storedHeartbeats()).isEqualTo(ledger.lastSeq());
      assertThat(api.adminJson("/api/v1/machines?unit=pkg-unit")).hasSize(1);
    }

    dpkg("-r", "digiready-agent", "digiready-collector");
    assertThat(Path.of("/usr/lib/digiready-agent/digiready-agent")).doesNotExist();
    assertThat(AGENT_STATE.resolve("identity.properties")).exists();
    assertThat(COLLECTOR_DATA.resolve("digiready.db")).exists();
    assertThat(AGENT_CONFIG).exists();

    dpkg("--purge", "digiready-agent", "digiready-collector");
    assertThat(AGENT_STATE).doesNotExist();
    assertThat(COLLECTOR_DATA).doesNotExist();
    assertThat(AGENT_CONFIG.getParent()).doesNotExist();
    assertThat(COLLECTOR_CONFIG.getParent()).doesNotExist();
  }

  /**
   * Starts what a systemd unit would: its ExecStart, as its User= and Group=, with only its
   * Environment= (and systemd's PATH), under its UMask=. setpriv (util-linux, like runuser)
   * switches user and then execs, as systemd does: the child is the JVM itself, so SIGTERM and
   * SIGKILL reach it (runuser stays the parent, and a SIGKILL to it would orphan the JVM).
   */
  private static Child unit(String name, Path log) throws IOException {
    List<String> env = new ArrayList<>();
    env.add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    String user = null;
    String group = null;
    String umask = "0022";
    String execStart = null;
    for (String line : Files.readAllLines(Path.of("/lib/systemd/system/" + name + ".service"))) {
      if (line.startsWith("User=")) {
        user = line.substring(5);
      } else if (line.startsWith("Group=")) {
        group = line.substring(6);
      } else if (line.startsWith("UMask=")) {
        umask = line.substring(6);
      } else if (line.startsWith("ExecStart=")) {
        execStart = line.substring(10);
      } else if (line.startsWith("Environment=")) {
        String value = line.substring(12);
        env.add(value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
      }
    }
    assertThat(user).as(name + ": User=").isNotNull();
    assertThat(group).as(name + ": Group=").isNotNull();
    assertThat(execStart).as(name + ": ExecStart=").isNotNull();
    List<String> command =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid=" + user,
                "--regid=" + group,
                "--init-groups",
                "env",
                "-i",
                "HOME=/nonexistent"));
    command.addAll(env);
    command.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""));
    command.addAll(List.of(execStart.split(" ")));
    Child child = new Child(name, log);
    child.startBinary(command);
    return child;
  }

  private static void awaitReady(CollectorProcess api, Child collector)
      throws InterruptedException {
    Child.await(
        Duration.ofSeconds(90),
        "the packaged collector to be ready",
        () -> {
          if (!collector.alive()) {
            throw new AssertionError("the packaged collector exited:\n" + collector.log());
          }
          try {
            return api.get("/health/ready", null).statusCode() == 200;
          } catch (UncheckedIOException e) {
            return false;
          }
        });
  }

  /**
   * systemd's own check of the installed units (paths, keys, values), where systemd-analyze is
   * installed (Debian package systemd; it needs no systemd running).
   */
  private static void verifyUnits() throws Exception {
    if (run(List.of("systemd-analyze", "--version")).exit() != 0) {
      System.out.println(
          "PackagesIT: systemd-analyze not installed, units not verified by systemd");
      return;
    }
    for (String unit :
        List.of(
            "digiready-agent.service",
            "digiready-collector.service",
            "digiready-collector-backup.service",
            "digiready-collector-backup.timer")) {
      Result verify = run(List.of("systemd-analyze", "verify", "/lib/systemd/system/" + unit));
      assertThat(verify.exit()).as(unit + ": " + verify.output()).isZero();
    }
  }

  private static long agentSeq() {
    try {
      Path seq = AGENT_STATE.resolve("seq");
      return Files.exists(seq) ? Long.parseLong(Files.readString(seq).strip()) : 0;
    } catch (IOException | NumberFormatException e) {
      return -1; // being rewritten; the caller polls again
    }
  }

  private static void build(String version, Path out) throws Exception {
    Result build =
        run(
            List.of(
                "bash",
                Child.REPO.resolve("release/build.sh").toString(),
                "--version",
                version,
                "--agent-jar",
                Child.jar("agent").toString(),
                "--collector-jar",
                Child.jar("collector").toString(),
                "--out",
                out.toString()));
    assertThat(build.exit()).as(build.output()).isZero();
  }

  private static Path deb(Path folder, String program, String version) {
    return folder.resolve("digiready-" + program + "_" + version + "_amd64.deb");
  }

  private static void dpkg(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("dpkg"));
    command.addAll(List.of(args));
    Result dpkg = run(command);
    assertThat(dpkg.exit()).as(String.join(" ", command) + "\n" + dpkg.output()).isZero();
  }

  private static void purgeBoth() throws Exception {
    run(List.of("dpkg", "--purge", "digiready-agent", "digiready-collector"));
  }

  private static String installedVersion(String pkg) throws Exception {
    return run(List.of("dpkg-query", "-W", "-f=${Version}", pkg)).output().strip();
  }

  private static String owner(Path file) throws IOException {
    return Files.getOwner(file).getName();
  }

  /** KEY=VALUE replacing the key's line, as an administrator edits the file. */
  private static void setKey(Path file, String key, String value) throws IOException {
    List<String> lines = new ArrayList<>();
    boolean done = false;
    for (String line : Files.readAllLines(file)) {
      if (line.matches("\\s*#?\\s*" + key + "\\s*[=:].*")) {
        if (!done) {
          lines.add(key + "=" + value);
        }
        done = true;
      } else {
        lines.add(line);
      }
    }
    if (!done) {
      lines.add(key + "=" + value);
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static Properties properties(Path file) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  record Result(int exit, String output) {}

  private static Result run(List<String> command) throws Exception {
    return run(command, null);
  }

  private static Result run(List<String> command, Path workDir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Result(127, command.get(0) + ": command not found (" + e.getMessage() + ")");
    }
    String output;
    try (var in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end within 10 minutes");
    }
    return new Result(p.exitValue(), output);
  }
}

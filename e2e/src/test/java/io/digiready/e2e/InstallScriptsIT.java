package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install scripts of install/, run for real: the Linux ones with --root into a temp tree
 * (unprivileged, no systemctl), the installed agent against the real collector jar, the Windows
 * script's config keys and JVM flags against the real agent jar, shellcheck on every script.
 */
class InstallScriptsIT {
  private static final Path AGENT_LINUX = Child.REPO.resolve("install/agent/linux");
  private static final Path COLLECTOR_LINUX = Child.REPO.resolve("install/collector/linux");
  private static final Path INSTALL_PS1 = Child.REPO.resolve("install/agent/windows/install.ps1");
  private static final String TOKEN = "enroll-Secret-0123456789";

  @TempDir Path dir;

  record Run(int exit, String output) {}

  @Test
  void
      agent_install_writes_the_tree_with_an_owner_only_config_and_state_and_never_prints_the_token()
          throws Exception {
    Path root = dir.resolve("root");
    Run run = agentInstall(root, "--collector", "http://127.0.0.1:9", "--enrollment-token", TOKEN);

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).doesNotContain(TOKEN).contains("skipped (--root): systemctl");
    assertThat(filesUnder(root))
        .containsExactlyInAnyOrder(
            "etc/digiready/agent.properties",
            "etc/systemd/system/digiready-agent.service",
            "opt/digiready-agent/digiready-agent",
            "opt/digiready-agent/digiready-agent.jar",
            "opt/digiready-agent/uninstall.sh");
    assertThat(mode(root.resolve("etc/digiready/agent.properties"))).isEqualTo("rw-------");
    assertThat(mode(root.resolve("var/lib/digiready-agent"))).isEqualTo("rwx------");
    assertThat(mode(root.resolve("var/lib/digiready-agent/tmp"))).isEqualTo("rwx------");
    assertThat(mode(root.resolve("opt/digiready-agent/digiready-agent"))).isEqualTo("rwxr-xr-x");
    assertThat(
            Files.mismatch(
                root.resolve("opt/digiready-agent/digiready-agent.jar"), Child.jar("agent")))
        .isEqualTo(-1);
    Properties config = properties(root.resolve("etc/digiready/agent.properties"));
    assertThat(config)
        .containsEntry("collectorUrl", "http://127.0.0.1:9")
        .containsEntry("enrollmentToken", TOKEN)
        .containsEntry("stateDir", "/var/lib/digiready-agent")
        .doesNotContainKey("proxyUrl");
  }

  @Test
  void agent_reinstall_upgrades_in_place_keeping_state_token_and_hand_added_keys()
      throws Exception {
    Path root = dir.resolve("root");
    assertThat(
            agentInstall(root, "--collector", "http://127.0.0.1:9", "--enrollment-token", TOKEN)
                .exit())
        .isZero();
    Path state = root.resolve("var/lib/digiready-agent");
    Files.writeString(state.resolve("identity.properties"), "machineId=m-kept\n");
    Files.writeString(state.resolve("seq"), "41\n");
    Path configFile = root.resolve("etc/digiready/agent.properties");
    Files.writeString(configFile, "probeTargets=dns:gov.vn\n", StandardOpenOption.APPEND);

    Run upgrade = agentInstall(root);
    Run proxy = agentInstall(root, "--proxy", "http://127.0.0.1:3128");

    assertThat(upgrade.exit()).as(upgrade.output()).isZero();
    assertThat(proxy.exit()).as(proxy.output()).isZero();
    assertThat(Files.readString(state.resolve("identity.properties")))
        .isEqualTo("machineId=m-kept\n");
    assertThat(Files.readString(state.resolve("seq"))).isEqualTo("41\n");
    assertThat(properties(configFile))
        .containsEntry("collectorUrl", "http://127.0.0.1:9")
        .containsEntry("enrollmentToken", TOKEN)
        .containsEntry("probeTargets", "dns:gov.vn")
        .containsEntry("proxyUrl", "http://127.0.0.1:3128");
    assertThat(Files.readAllLines(configFile))
        .filteredOn(l -> l.startsWith("collectorUrl="))
        .hasSize(1);
    assertThat(mode(configFile)).isEqualTo("rw-------");
  }

  @Test
  void agent_install_with_a_config_the_agent_rejects_exits_2_and_changes_nothing()
      throws Exception {
    Path fresh = dir.resolve("fresh");
    Run badUrl = agentInstall(fresh, "--collector", "ftp://127.0.0.1", "--enrollment-token", TOKEN);
    Run noToken = agentInstall(fresh, "--collector", "http://127.0.0.1:9");
    assertThat(badUrl.exit()).isEqualTo(2);
    assertThat(badUrl.output()).contains("collectorUrl").doesNotContain(TOKEN);
    assertThat(noToken.exit()).isEqualTo(2);
    assertThat(noToken.output()).contains("--enrollment-token");
    assertThat(filesUnder(fresh)).isEmpty();

    Path installed = dir.resolve("installed");
    agentInstall(installed, "--collector", "http://127.0.0.1:9", "--enrollment-token", TOKEN);
    Path configFile = installed.resolve("etc/digiready/agent.properties");
    String before = Files.readString(configFile);
    assertThat(agentInstall(installed, "--proxy", "socks://nowhere").exit()).isEqualTo(2);
    assertThat(Files.readString(configFile)).isEqualTo(before);
  }

  @Test
  void agent_install_refuses_a_java_older_than_17_and_names_the_package_to_install()
      throws Exception {
    Path fakeJava = dir.resolve("java11");
    Files.writeString(fakeJava, "#!/bin/sh\necho '    java.specification.version = 11' >&2\n");
    fakeJava.toFile().setExecutable(true);
    Run run =
        agentInstall(
            dir.resolve("root"),
            "--java",
            fakeJava.toString(),
            "--collector",
            "http://127.0.0.1:9",
            "--enrollment-token",
            TOKEN);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output())
        .contains("Java 11")
        .contains("apt-get install openjdk-17-jre-headless");
    assertThat(filesUnder(dir.resolve("root"))).isEmpty();
  }

  @Test
  void agent_uninstall_leaves_no_file_behind_and_keep_state_keeps_exactly_the_state()
      throws Exception {
    Path kept = dir.resolve("kept");
    Path gone = dir.resolve("gone");
    for (Path root : List.of(kept, gone)) {
      agentInstall(root, "--collector", "http://127.0.0.1:9", "--enrollment-token", TOKEN);
      Files.writeString(
          root.resolve("var/lib/digiready-agent/identity.properties"), "machineId=m-1\n");
    }
    // the copy installed under /opt is the one a technician runs; it deletes its own folder
    Run keep =
        sh(
            List.of(
                "bash",
                kept.resolve("opt/digiready-agent/uninstall.sh").toString(),
                "--keep-state",
                "--root",
                kept.toString()));
    Run all =
        sh(
            List.of(
                "bash", AGENT_LINUX.resolve("uninstall.sh").toString(), "--root", gone.toString()));

    assertThat(keep.exit()).as(keep.output()).isZero();
    assertThat(all.exit()).as(all.output()).isZero();
    assertThat(filesUnder(kept)).containsExactly("var/lib/digiready-agent/identity.properties");
    assertThat(filesUnder(gone)).isEmpty();
    assertThat(gone.resolve("var/lib/digiready-agent")).doesNotExist();
    assertThat(gone.resolve("opt/digiready-agent")).doesNotExist();
    assertThat(gone.resolve("etc/digiready")).doesNotExist();
  }

  @Test
  void
      collector_install_writes_its_tree_keeps_an_edited_config_on_reinstall_and_uninstalls_cleanly()
          throws Exception {
    Path root = dir.resolve("root");
    Run first = collectorInstall(root);
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(filesUnder(root))
        .containsExactlyInAnyOrder(
            "etc/digiready/collector.properties",
            "etc/systemd/system/digiready-collector.service",
            "etc/systemd/system/digiready-collector-backup.service",
            "etc/systemd/system/digiready-collector-backup.timer",
            "opt/digiready-collector/digiready-collector",
            "opt/digiready-collector/digiready-collector.jar",
            "opt/digiready-collector/uninstall.sh");
    Path configFile = root.resolve("etc/digiready/collector.properties");
    assertThat(mode(configFile)).isEqualTo("rw-r-----");
    assertThat(mode(root.resolve("var/lib/digiready"))).isEqualTo("rwxr-x---");
    assertThat(mode(root.resolve("var/backups/digiready"))).isEqualTo("rwxr-x---");
    assertThat(properties(configFile)).containsEntry("dataDir", "/var/lib/digiready");
    assertThat(properties(configFile)).containsEntry("reportLanguage", "vi");

    Files.writeString(configFile, "port=9443\n");
    Files.writeString(root.resolve("var/lib/digiready/digiready.db"), "db");
    Run again = collectorInstall(root);
    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(Files.readString(configFile)).isEqualTo("port=9443\n");
    assertThat(Files.readString(root.resolve("var/lib/digiready/digiready.db"))).isEqualTo("db");

    Run keep =
        sh(
            List.of(
                "bash",
                COLLECTOR_LINUX.resolve("uninstall.sh").toString(),
                "--keep-data",
                "--root",
                root.toString()));
    assertThat(keep.exit()).as(keep.output()).isZero();
    assertThat(filesUnder(root)).containsExactly("var/lib/digiready/digiready.db");
    Run all =
        sh(
            List.of(
                "bash",
                COLLECTOR_LINUX.resolve("uninstall.sh").toString(),
                "--root",
                root.toString()));
    assertThat(all.exit()).as(all.output()).isZero();
    assertThat(filesUnder(root)).isEmpty();
  }

  @Test
  void the_installed_units_pass_systemd_analyze_verify_and_hold_the_hardening_keys()
      throws Exception {
    Path root = dir.resolve("root");
    assertThat(
            agentInstall(root, "--collector", "http://127.0.0.1:9", "--enrollment-token", TOKEN)
                .exit())
        .isZero();
    assertThat(collectorInstall(root).exit()).isZero();
    Path units = root.resolve("etc/systemd/system");

    Map<String, List<String>> agent = unitKeys(units.resolve("digiready-agent.service"));
    assertThat(agent.get("User")).containsExactly("digiready-agent");
    assertThat(agent.get("AmbientCapabilities")).containsExactly("CAP_DAC_READ_SEARCH");
    assertThat(agent.get("CapabilityBoundingSet")).containsExactly("CAP_DAC_READ_SEARCH");
    assertThat(agent.get("NoNewPrivileges")).containsExactly("yes");
    assertThat(agent.get("ProtectSystem")).containsExactly("strict");
    assertThat(agent.get("ReadWritePaths")).containsExactly("/var/lib/digiready-agent");
    assertThat(agent.get("Restart")).containsExactly("on-failure");
    assertThat(agent.get("RestartSec")).containsExactly("30s");
    assertThat(agent.get("ExecStart")).containsExactly("/opt/digiready-agent/digiready-agent run");
    assertThat(agent.get("Environment"))
        .contains(
            "DIGIREADY_CONFIG=/etc/digiready/agent.properties",
            "DIGIREADY_CDS_FILE=/var/lib/digiready-agent/digiready-agent.jsa");
    assertThat(agent.get("WantedBy")).containsExactly("multi-user.target");

    Map<String, List<String>> collector = unitKeys(units.resolve("digiready-collector.service"));
    assertThat(collector.get("User")).containsExactly("digiready");
    assertThat(collector.get("ProtectSystem")).containsExactly("strict");
    assertThat(collector.get("NoNewPrivileges")).containsExactly("yes");
    assertThat(collector.get("ReadWritePaths")).containsExactly("/var/lib/digiready");
    assertThat(collector.get("Restart")).containsExactly("on-failure");
    assertThat(collector.get("ExecStart"))
        .containsExactly(
            "/opt/digiready-collector/digiready-collector serve --config"
                + " /etc/digiready/collector.properties");
    assertThat(unitKeys(units.resolve("digiready-collector-backup.timer")).get("OnCalendar"))
        .hasSize(1);
    assertThat(Files.readString(units.resolve("digiready-agent.service")))
        .doesNotContain("@JAVA_HOME_LINE@");

    assumeTrue(
        onPath("systemd-analyze"), "systemd-analyze is not installed: only the keys were checked");
    // verify checks that ExecStart exists: point it at the temp tree, nothing else changes
    Path copies = Files.createDirectories(dir.resolve("verify"));
    List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
    try (Stream<Path> files = Files.list(units)) {
      for (Path unit : files.sorted().toList()) {
        String text = Files.readString(unit).replace("/opt/", root + "/opt/");
        Files.writeString(copies.resolve(unit.getFileName()), text);
        command.add(copies.resolve(unit.getFileName()).toString());
      }
    }
    Run verify = sh(command);
    assertThat(verify.exit()).as(verify.output()).isZero();
    assertThat(verify.output()).as("systemd-analyze warnings").isBlank();
  }

  @Test
  void
      the_installed_agent_started_as_its_unit_says_enrolls_and_reports_and_keeps_its_id_across_an_upgrade()
          throws Exception {
    try (CollectorProcess collector =
        new CollectorProcess(dir.resolve("collector"), "--heartbeat-interval-seconds", "1")) {
      collector.startAndAwaitReady();
      String token = collector.unitWithToken("cu-ne", 5);
      Path root = dir.resolve("root");
      Run install = agentInstall(root, "--collector", collector.url(), "--enrollment-token", token);
      assertThat(install.exit()).as(install.output()).isZero();
      Path state = root.resolve("var/lib/digiready-agent");

      String machineId;
      Process agent = startInstalledAgent(root, dir.resolve("agent1.log"));
      try {
        await(
            Duration.ofSeconds(60),
            "the installed agent to enroll",
            dir.resolve("agent1.log"),
            () -> Files.exists(state.resolve("identity.properties")));
        machineId = properties(state.resolve("identity.properties")).getProperty("machineId");
        await(
            Duration.ofSeconds(60),
            "a heartbeat of " + machineId,
            dir.resolve("agent1.log"),
            () -> machine(collector, machineId).path("lastSeq").asLong() >= 1);
        JsonNode listed = collector.adminJson("/api/v1/machines?unit=cu-ne");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("machineId").asText()).isEqualTo(machineId);
        assertThat(listed.get(0).path("state").asText()).isEqualTo("online");
      } finally {
        stop(agent);
      }
      long seqBefore = machine(collector, machineId).path("lastSeq").asLong();

      Run upgrade = agentInstall(root);
      assertThat(upgrade.exit()).as(upgrade.output()).isZero();
      Process again = startInstalledAgent(root, dir.resolve("agent2.log"));
      try {
        await(
            Duration.ofSeconds(60),
            "heartbeats after the upgrade",
            dir.resolve("agent2.log"),
            () -> machine(collector, machineId).path("lastSeq").asLong() > seqBefore);
      } finally {
        stop(again);
      }
      assertThat(collector.adminJson("/api/v1/machines?unit=cu-ne")).hasSize(1);
      assertThat(read(dir.resolve("agent1.log")) + read(dir.resolve("agent2.log")))
          .doesNotContain(token);
    }
  }

  @Test
  void the_installed_collector_launcher_serves_with_the_installed_config() throws Exception {
    Path root = dir.resolve("root");
    assertThat(collectorInstall(root).exit()).isZero();
    int port = Child.freePort();
    Path data = root.resolve("var/lib/digiready");
    List<String> command = new ArrayList<>(unitExecStart(root, "digiready-collector.service"));
    // the installed config says /var/lib/digiready and port 8080: flags win over the file
    command.addAll(
        List.of(
            "--data-dir",
            data.toString(),
            "--port",
            String.valueOf(port),
            "--bind-address",
            "127.0.0.1"));
    Process collector =
        start(
            command,
            Map.of("JAVA_HOME", System.getProperty("java.home")),
            dir.resolve("collector.log"));
    try {
      awaitReady(collector, port, "/health/ready", dir.resolve("collector.log"));
      assertThat(mode(data.resolve("admin-token"))).isEqualTo("rw-------");
    } finally {
      stop(collector);
    }
  }

  /**
   * The real, non---root path: useradd, chown, the agent as its own user with only the unit's
   * capability. It runs in a private mount namespace over copies of /etc, /var/lib and /var/backups
   * and an empty /opt, with a stand-in systemctl, so the host is not touched.
   */
  @Test
  void
      as_root_the_install_creates_the_service_users_and_owners_and_the_agent_reports_as_its_own_user()
          throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name"))
            && onPath("unshare")
            && onPath("setpriv")
            && onPath("curl"),
        "needs root, unshare, setpriv and curl: only the --root installs were checked");
    // what the namespace covers must not hide the repository, the JDK or this test's folder
    for (Path needed :
        List.of(
            Child.REPO, Path.of(System.getProperty("java.home")).toRealPath(), dir.toRealPath())) {
      for (String covered : List.of("/etc", "/opt", "/var/lib", "/var/backups", "/run")) {
        assumeTrue(!needed.startsWith(covered), needed + " lies under " + covered);
      }
    }
    // the copy of /etc starts with the host's users: the test is about creating and removing them
    assumeTrue(
        Files.readAllLines(Path.of("/etc/passwd")).stream()
            .noneMatch(l -> l.startsWith("digiready")),
        "this machine already has digiready users (another install of digiready on it)");
    try (CollectorProcess collector = new CollectorProcess(dir.resolve("collector"))) {
      collector.startAndAwaitReady();
      String token = collector.unitWithToken("ea-kar", 3);
      Path work = Files.createDirectories(dir.resolve("ns"));
      Path script =
          Files.writeString(
              work.resolve("ns.sh"),
              String.join(
                  "\n",
                  "set -euo pipefail",
                  "w=\"$1\"; collector=\"$2\"; agent_jar=\"$3\"; collector_jar=\"$4\"",
                  "mkdir -p \"$w/bin\" \"$w/varlib\" \"$w/backups\" \"$w/opt\""
                      + " \"$w/run/systemd/system\"",
                  "cp -a /etc \"$w/etc\"",
                  "mount --bind \"$w/etc\" /etc",
                  "mount --bind \"$w/opt\" /opt",
                  "mount --bind \"$w/varlib\" /var/lib",
                  "mount --bind \"$w/backups\" /var/backups",
                  // what systemd as PID 1 creates, so that the scripts go on to (stand-in)
                  // systemctl
                  "mount --bind \"$w/run\" /run",
                  // never go on against the host's own folders
                  "for m in /etc /opt /var/lib /var/backups /run; do mountpoint -q \"$m\" ||"
                      + " exit 3; done",
                  "printf '#!/bin/sh\\n"
                      + "echo \"systemctl $*\" >>\"%s/systemctl.log\"\\n"
                      + "' \"$w\" >\"$w/bin/systemctl\"",
                  "chmod +x \"$w/bin/systemctl\"",
                  "export PATH=\"$w/bin:$PATH\"",
                  "bash "
                      + AGENT_LINUX.resolve("install.sh")
                      + " --collector \"$collector\" --jar \"$agent_jar\" >/dev/null",
                  "bash "
                      + COLLECTOR_LINUX.resolve("install.sh")
                      + " --jar \"$collector_jar\" >/dev/null",
                  "echo \"users: $(getent passwd digiready-agent digiready | cut -d: -f1,6,7 | tr"
                      + " '\\n"
                      + "' ' ')\"",
                  "stat -c 'owner %U:%G %a %n' /etc/digiready/agent.properties"
                      + " /var/lib/digiready-agent /var/lib/digiready-agent/tmp"
                      + " /etc/digiready/collector.properties /var/lib/digiready"
                      + " /var/backups/digiready",
                  // the unit's user, ambient capability, NoNewPrivileges and environment
                  "setpriv --reuid digiready-agent --regid digiready-agent --init-groups --inh-caps"
                      + " +dac_read_search --ambient-caps +dac_read_search --no-new-privs env -i"
                      + " PATH=/usr/bin:/bin JAVA_HOME=\"$JAVA_HOME\" HOME=/var/lib/digiready-agent"
                      + " DIGIREADY_CONFIG=/etc/digiready/agent.properties"
                      + " DIGIREADY_CDS_FILE=/var/lib/digiready-agent/digiready-agent.jsa"
                      + " DIGIREADY_JAVA_OPTS='-Djna.tmpdir=/var/lib/digiready-agent/tmp"
                      + " -Djava.io.tmpdir=/var/lib/digiready-agent/tmp'"
                      + " /opt/digiready-agent/digiready-agent run >\"$w/agent.log\" 2>&1 &",
                  "agent=$!",
                  "trap 'kill $agent 2>/dev/null || true' EXIT",
                  // until the collector has a heartbeat of this machine (lastSeq >= 1), 60 s at
                  // most
                  "id_file=/var/lib/digiready-agent/identity.properties",
                  "for _ in $(seq 1 600); do",
                  "  if [ -s \"$id_file\" ] && curl -fsS -H \"Authorization: Bearer $ADMIN_TOKEN\""
                      + " \"$collector/api/v1/machines/$(sed -n 's/^machineId=//p' \"$id_file\")\""
                      + " 2>/dev/null | grep -q '\"lastSeq\":[1-9]'; then break; fi",
                  "  sleep 0.1",
                  "done",
                  "echo \"agent capabilities: $(grep CapAmb /proc/$agent/status)\"",
                  "echo \"agent user: $(stat -c %U /proc/$agent)\"",
                  "kill $agent; wait $agent || true",
                  "echo \"state: $(stat -c '%U %a' /var/lib/digiready-agent/identity.properties)\"",
                  "/opt/digiready-agent/uninstall.sh >/dev/null",
                  "/opt/digiready-collector/uninstall.sh >/dev/null",
                  "echo \"after uninstall: users=$(getent passwd digiready-agent digiready | wc -l)"
                      + " files=$(find /opt /var/lib /var/backups /etc/digiready -type f"
                      + " 2>/dev/null | wc -l)\"",
                  ""));
      ProcessBuilder pb =
          new ProcessBuilder(
              "unshare",
              "-m",
              "--propagation",
              "private",
              "bash",
              script.toString(),
              work.toString(),
              collector.url(),
              Child.jar("agent").toString(),
              Child.jar("collector").toString());
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      pb.environment().put("DIGIREADY_ENROLLMENT_TOKEN", token);
      pb.environment().put("ADMIN_TOKEN", collector.adminToken());
      Path log = work.resolve("out.log");
      Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(240, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("the namespace install ran longer than 240 s:\n" + read(log));
      }
      String out = read(log);
      String diagnosis =
          out + "\n" + read(work.resolve("agent.log")) + read(work.resolve("systemctl.log"));
      assertThat(p.exitValue()).as(diagnosis).isZero();
      assertThat(out)
          .as(diagnosis)
          .contains("digiready-agent:/var/lib/digiready-agent:/usr/sbin/nologin")
          .contains("digiready:/var/lib/digiready:/usr/sbin/nologin")
          .contains("owner digiready-agent:digiready-agent 600 /etc/digiready/agent.properties")
          .contains("owner digiready-agent:digiready-agent 700 /var/lib/digiready-agent\n")
          .contains("owner root:digiready 640 /etc/digiready/collector.properties")
          .contains("owner digiready:digiready 750 /var/lib/digiready\n")
          .contains("agent capabilities: CapAmb:\t0000000000000004") // CAP_DAC_READ_SEARCH only
          .contains("agent user: digiready-agent")
          .contains("state: digiready-agent 600")
          .contains("after uninstall: users=0 files=0");
      assertThat(read(work.resolve("systemctl.log")))
          .contains(
              "systemctl enable digiready-agent.service",
              "systemctl restart digiready-collector.service",
              "systemctl disable --now digiready-agent.service");
      JsonNode listed = collector.adminJson("/api/v1/machines?unit=ea-kar");
      assertThat(listed).as(diagnosis).hasSize(1);
      assertThat(
              machine(collector, listed.get(0).path("machineId").asText()).path("lastSeq").asLong())
          .isGreaterThanOrEqualTo(1);
    }
  }

  /**
   * This machine has no systemd as PID 1 (a build container), like the containers, WSL and LXC
   * where a half-installed agent was found: both installs must stop before their first change, say
   * why in one sentence and print the command that runs the service by hand.
   */
  @Test
  void without_systemd_both_installs_change_nothing_and_print_the_command_that_runs_it_by_hand()
      throws Exception {
    assumeFalse(
        Files.isDirectory(Path.of("/run/systemd/system")),
        "systemd runs here: the installs would install for real");
    List<String> before = HostState.snapshot();

    Run agent =
        sh(
            List.of(
                "bash",
                AGENT_LINUX.resolve("install.sh").toString(),
                "--java",
                javaBin(),
                "--jar",
                Child.jar("agent").toString(),
                "--collector",
                "http://127.0.0.1:9",
                "--enrollment-token",
                TOKEN));
    Run collector =
        sh(
            List.of(
                "bash",
                COLLECTOR_LINUX.resolve("install.sh").toString(),
                "--jar",
                Child.jar("collector").toString()));

    assertThat(HostState.snapshot())
        .as("digiready files and users on this machine")
        .isEqualTo(before);
    String pid1 = Files.readString(Path.of("/proc/1/comm")).strip();
    String javaHome = Path.of(javaBin()).toRealPath().getParent().getParent().toString();
    boolean root = "root".equals(System.getProperty("user.name"));
    assertThat(agent.exit()).as(agent.output()).isEqualTo(1);
    assertThat(agent.output().lines().toList())
        .containsExactly(
            "install.sh: this machine does not run systemd (PID 1 is "
                + pid1
                + ", as in a container, WSL or LXC), so the agent cannot be installed as a"
                + " service; nothing was changed.",
            "To run the agent by hand instead (in the foreground; Ctrl-C stops it):",
            "  DIGIREADY_ENROLLMENT_TOKEN=<enrollment token> JAVA_HOME="
                + javaHome
                + " DIGIREADY_AGENT_JAR="
                + Child.jar("agent")
                + " "
                + AGENT_LINUX.resolve("digiready-agent")
                + " run --collector-url http://127.0.0.1:9");
    assertThat(collector.exit()).as(collector.output()).isEqualTo(1);
    assertThat(collector.output().lines().toList())
        .containsExactly(
            "install.sh: this machine does not run systemd (PID 1 is "
                + pid1
                + ", as in a container, WSL or LXC), so the collector cannot be installed as a"
                + " service; nothing was changed.",
            "To run the collector by hand instead (in the foreground; Ctrl-C stops it):",
            "  DIGIREADY_COLLECTOR_JAR="
                + Child.jar("collector")
                + " "
                + COLLECTOR_LINUX.resolve("digiready-collector")
                + " serve --data-dir "
                + (root
                    ? "/var/lib/digiready"
                    : System.getProperty("user.home") + "/digiready-data")
                + " --report-language vi");
  }

  /** The printed command is the real one: the collector it starts answers /health/ready. */
  @Test
  void the_collector_command_printed_without_systemd_serves() throws Exception {
    assumeFalse(Files.isDirectory(Path.of("/run/systemd/system")), "systemd runs here");
    Run refused =
        sh(
            List.of(
                "bash",
                COLLECTOR_LINUX.resolve("install.sh").toString(),
                "--jar",
                Child.jar("collector").toString()));
    String printed = refused.output().lines().reduce((a, b) -> b).orElseThrow().strip();
    assertThat(printed).contains(" serve --data-dir ");
    int port = Child.freePort();
    // the same command, with a data folder of this test's own and a free loopback port
    String command =
        printed.replaceAll("--data-dir \\S+", "--data-dir " + dir.resolve("data"))
            + " --port "
            + port
            + " --bind-address 127.0.0.1";
    Process served =
        start(
            List.of("bash", "-c", "exec env " + command),
            Map.of("JAVA_HOME", System.getProperty("java.home")),
            dir.resolve("by-hand.log"));
    try {
      awaitReady(
          served,
          port,
          "/health/ready of the collector started by hand",
          dir.resolve("by-hand.log"));
    } finally {
      stop(served);
    }
  }

  /**
   * The agent's printed command is the real one: with the unit's token in place of the placeholder
   * it enrolls and reports. Only the state folder is moved (the environment wins over the default
   * /var/lib/digiready-agent of root), so that the host keeps nothing.
   */
  @Test
  void the_agent_command_printed_without_systemd_enrolls_and_reports() throws Exception {
    assumeFalse(Files.isDirectory(Path.of("/run/systemd/system")), "systemd runs here");
    try (CollectorProcess collector = new CollectorProcess(dir.resolve("collector"))) {
      collector.startAndAwaitReady();
      String token = collector.unitWithToken("ea-kar", 3);
      Run refused =
          sh(
              List.of(
                  "bash",
                  AGENT_LINUX.resolve("install.sh").toString(),
                  "--jar",
                  Child.jar("agent").toString(),
                  "--collector",
                  collector.url(),
                  "--enrollment-token",
                  token));
      assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
      assertThat(refused.output()).doesNotContain(token);
      String printed = refused.output().lines().reduce((a, b) -> b).orElseThrow().strip();
      assertThat(printed)
          .startsWith("DIGIREADY_ENROLLMENT_TOKEN=<enrollment token> ")
          .endsWith(" run --collector-url " + collector.url());
      String command = printed.replace("<enrollment token>", token);
      Path state = dir.resolve("agent-state");
      Process agent =
          start(
              List.of("bash", "-c", "exec env " + command),
              Map.of(
                  "JAVA_HOME", System.getProperty("java.home"),
                  "DIGIREADY_STATE_DIR", state.toString()),
              dir.resolve("agent-by-hand.log"));
      try {
        await(
            Duration.ofSeconds(60),
            "a heartbeat of the agent started by hand",
            dir.resolve("agent-by-hand.log"),
            () -> {
              assertThat(agent.isAlive()).as(read(dir.resolve("agent-by-hand.log"))).isTrue();
              JsonNode listed = collector.adminJson("/api/v1/machines?unit=ea-kar");
              return listed.size() == 1
                  && machine(collector, listed.get(0).path("machineId").asText())
                          .path("lastSeq")
                          .asLong()
                      >= 1;
            });
      } finally {
        stop(agent);
      }
      assertThat(state.resolve("identity.properties")).exists();
    }
  }

  @Test
  void without_systemd_the_uninstalls_succeed_with_nothing_alarming_to_say() throws Exception {
    assumeFalse(Files.isDirectory(Path.of("/run/systemd/system")), "systemd runs here");
    assumeTrue("root".equals(System.getProperty("user.name")), "uninstall.sh needs root");
    List<String> before = HostState.snapshot();
    // uninstall.sh removes what it finds: it runs on the host only when nothing is there to lose
    assumeTrue(before.isEmpty(), "digiready is installed on this machine: " + before);

    Run agent = sh(List.of("bash", AGENT_LINUX.resolve("uninstall.sh").toString()));
    Run collector = sh(List.of("bash", COLLECTOR_LINUX.resolve("uninstall.sh").toString()));

    assertThat(agent.exit()).as(agent.output()).isZero();
    assertThat(agent.output()).isEqualTo("digiready agent removed from /\n");
    assertThat(collector.exit()).as(collector.output()).isZero();
    assertThat(collector.output()).isEqualTo("digiready collector removed from /\n");
    assertThat(HostState.snapshot()).isEqualTo(before);
  }

  /**
   * With systemd present (a stand-in /run/systemd/system in a private mount namespace over copies
   * of /etc and empty /opt, /var/lib and /var/backups), each other reason to refuse stops both
   * installs before their first change too: no root, a Java older than 17, no useradd.
   */
  @Test
  void without_root_java_17_or_useradd_both_installs_change_nothing_and_say_why() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")) && onPath("unshare") && onPath("setpriv"),
        "needs root, unshare and setpriv");
    for (Path needed :
        List.of(
            Child.REPO, Path.of(System.getProperty("java.home")).toRealPath(), dir.toRealPath())) {
      for (String covered : List.of("/etc", "/opt", "/var/lib", "/var/backups", "/run")) {
        assumeTrue(!needed.startsWith(covered), needed + " lies under " + covered);
      }
    }
    Path work = Files.createDirectories(dir.resolve("ns"));
    String agentArgs =
        " --jar "
            + Child.jar("agent")
            + " --collector http://127.0.0.1:9 --enrollment-token "
            + TOKEN;
    String collectorArgs = " --jar " + Child.jar("collector");
    List<String> lines =
        new ArrayList<>(
            List.of(
                "set -uo pipefail",
                "w=\"$1\"; java=\"$2\"",
                "mkdir -p \"$w/opt\" \"$w/varlib\" \"$w/backups\" \"$w/run/systemd/system\""
                    + " \"$w/bin\"",
                "cp -a /etc \"$w/etc\"",
                "mount --bind \"$w/etc\" /etc",
                "mount --bind \"$w/opt\" /opt",
                "mount --bind \"$w/varlib\" /var/lib",
                "mount --bind \"$w/backups\" /var/backups",
                "mount --bind \"$w/run\" /run",
                "for m in /etc /opt /var/lib /var/backups /run; do mountpoint -q \"$m\" || exit 3;"
                    + " done",
                "printf '#!/bin/sh\\necho \"    java.specification.version = 11\" >&2\\n'"
                    + " >\"$w/java11\"",
                "chmod 755 \"$w/java11\"",
                // a systemctl that only says it was called: no refusal may get that far
                "mkdir -p \"$w/sysbin\"",
                "printf '#!/bin/sh\\necho \"systemctl $*\" >>%s/systemctl.log\\n' \"$w\""
                    + " >\"$w/sysbin/systemctl\"",
                "chmod 755 \"$w/sysbin/systemctl\"",
                "export PATH=\"$w/sysbin:$PATH\"",
                // every program of the system but useradd
                "for d in \"$w/sysbin\" /usr/sbin /usr/bin /sbin /bin; do for f in \"$d\"/*; do"
                    + " n=\"$(basename \"$f\")\"; [ \"$n\" = useradd ] || [ -e \"$w/bin/$n\" ]"
                    + " || ln -s \"$f\" \"$w/bin/$n\"; done; done",
                "try() { local what=\"$1\"; shift; \"$@\" >\"$w/$what.log\" 2>&1; echo \"$what"
                    + " exit $?\"; }",
                // the copy of /etc holds the host's users: digiready ones may exist already
                "users_before=\"$(grep -c '^digiready' /etc/passwd)\"",
                "files_before=\"$(find /opt /var/lib /var/backups /etc /run -name 'digiready*'"
                    + " 2>/dev/null | wc -l)\""));
    for (String[] script :
        List.of(
            new String[] {"agent", AGENT_LINUX.resolve("install.sh").toString(), agentArgs},
            new String[] {
              "collector", COLLECTOR_LINUX.resolve("install.sh").toString(), collectorArgs
            })) {
      String install = "bash " + script[1] + script[2];
      lines.add(
          "try "
              + script[0]
              + "-nonroot setpriv --reuid nobody --regid nogroup --clear-groups "
              + install
              + " --java \"$java\"");
      lines.add("try " + script[0] + "-java11 " + install + " --java \"$w/java11\"");
      lines.add(
          "try " + script[0] + "-useradd env PATH=\"$w/bin\" " + install + " --java \"$java\"");
    }
    lines.add(
        "echo \"left: files $files_before before and $(find /opt /var/lib /var/backups /etc /run"
            + " -name 'digiready*' 2>/dev/null | wc -l) after, users $users_before before and"
            + " $(grep -c '^digiready' /etc/passwd) after\"");
    lines.add("rm -rf \"$w/bin\""); // the links to every program, before JUnit walks the folder
    Path script = Files.writeString(work.resolve("ns.sh"), String.join("\n", lines) + "\n");
    Process p =
        new ProcessBuilder(
                "unshare",
                "-m",
                "--propagation",
                "private",
                "bash",
                script.toString(),
                work.toString(),
                javaBin())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("out.log").toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("the namespace ran longer than 120 s");
    }
    String out = read(work.resolve("out.log"));
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .containsPattern(
            "left: files (\\d+) before and \\1 after, users (\\d+) before and \\2 after");
    assertThat(work.resolve("systemctl.log")).doesNotExist();
    for (String program : List.of("agent", "collector")) {
      Map<String, String> expected =
          Map.of(
              "nonroot", "needs root: run it with sudo, or use --root DIR",
              "java11", "java11 is Java 11; install Java 17 or newer",
              "useradd", "useradd is missing (Debian package passwd)");
      for (Map.Entry<String, String> e : expected.entrySet()) {
        String what = program + "-" + e.getKey();
        assertThat(out).contains(what + " exit 1");
        List<String> said = read(work.resolve(what + ".log")).lines().toList();
        assertThat(said).as(what).hasSize(3);
        assertThat(said.get(0))
            .as(what)
            .startsWith("install.sh: ")
            .contains(e.getValue())
            .endsWith("; nothing was changed.")
            .doesNotContain(TOKEN);
        assertThat(said.get(1))
            .isEqualTo(
                "To run the " + program + " by hand instead (in the foreground; Ctrl-C stops it):");
        assertThat(said.get(2)).contains("/digiready-" + program + " ").doesNotContain(TOKEN);
      }
    }
  }

  @Test
  void every_config_key_install_ps1_writes_is_accepted_by_the_agent_and_a_wrong_key_is_refused()
      throws Exception {
    String script = Files.readString(INSTALL_PS1);
    Matcher m = Pattern.compile("\\$settings\\['(\\w+)'\\]\\s*=").matcher(script);
    List<String> keys = new ArrayList<>();
    while (m.find()) {
      keys.add(m.group(1));
    }
    assertThat(keys)
        .containsExactlyInAnyOrder("collectorUrl", "enrollmentToken", "proxyUrl", "stateDir");
    // the values install.ps1 would write, with this machine's paths (forward slashes, as it writes
    // them)
    Map<String, String> values =
        Map.of(
            "collectorUrl",
            "https://127.0.0.1:8443",
            "enrollmentToken",
            TOKEN,
            "proxyUrl",
            "http://127.0.0.1:3128",
            "stateDir",
            dir.resolve("state").toString().replace('\\', '/'));
    StringBuilder config = new StringBuilder("# digiready agent, written by install.ps1\n");
    keys.forEach(k -> config.append(k).append('=').append(values.get(k)).append('\n'));
    Path good = Files.writeString(dir.resolve("good.properties"), config);
    Path bad =
        Files.writeString(
            dir.resolve("bad.properties"), config + "collectorURL=https://127.0.0.1\n");

    Run accepted =
        sh(
            List.of(
                javaBin(),
                "-jar",
                Child.jar("agent").toString(),
                "status",
                "--config",
                good.toString()));
    Run refused =
        sh(
            List.of(
                javaBin(),
                "-jar",
                Child.jar("agent").toString(),
                "status",
                "--config",
                bad.toString()));

    assertThat(accepted.exit()).as(accepted.output()).isZero();
    assertThat(accepted.output()).contains("https://127.0.0.1:8443").doesNotContain(TOKEN);
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.output()).contains("collectorURL");
  }

  @Test
  void install_ps1_starts_java_with_exactly_the_jvm_flags_of_the_linux_launcher() throws Exception {
    String launcher = Files.readString(AGENT_LINUX.resolve("digiready-agent"));
    Matcher bash = Pattern.compile("(?ms)^flags=\\((.*?)^\\)").matcher(launcher);
    assertThat(bash.find()).as("a flags=( ... ) array in the launcher").isTrue();
    List<String> linux =
        Stream.of(bash.group(1).split("\n"))
            .map(l -> l.replaceAll("#.*", "").trim())
            .flatMap(l -> Stream.of(l.split("\\s+")))
            .filter(t -> !t.isEmpty())
            .toList();
    Matcher ps =
        Pattern.compile("(?s)\\$JvmFlags = @\\((.*?)\\n\\)").matcher(Files.readString(INSTALL_PS1));
    assertThat(ps.find()).as("a $JvmFlags = @( ... ) list in install.ps1").isTrue();
    List<String> windows = new ArrayList<>();
    Matcher quoted = Pattern.compile("'([^']*)'").matcher(ps.group(1));
    while (quoted.find()) {
      windows.add(quoted.group(1));
    }
    assertThat(linux).contains("-Xmx32m", "-XX:+UseSerialGC");
    assertThat(windows).containsExactlyElementsOf(linux);
  }

  @Test
  void every_shell_script_in_the_repository_passes_shellcheck() throws Exception {
    assumeTrue(onPath("shellcheck"), "shellcheck is not installed (apt-get install shellcheck)");
    List<String> scripts = shellScripts();
    assertThat(scripts)
        .contains(
            "install/agent/linux/install.sh",
            "install/agent/linux/digiready-agent",
            "install/collector/linux/digiready-collector");
    // other modules' scripts at warning level; the install scripts also at style level
    List<String> all = new ArrayList<>(List.of("shellcheck", "--severity=warning"));
    all.addAll(scripts);
    Run everyScript = sh(all, Child.REPO);
    List<String> install = new ArrayList<>(List.of("shellcheck", "--severity=style"));
    install.addAll(
        scripts.stream()
            .filter(s -> s.startsWith("install/agent/") || s.startsWith("install/collector/"))
            .toList());
    Run installScripts = sh(install, Child.REPO);

    assertThat(everyScript.exit()).as(everyScript.output()).isZero();
    assertThat(installScripts.exit()).as(installScripts.output()).isZero();
  }

  // ---- helpers ----

  private Run agentInstall(Path root, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "bash",
                AGENT_LINUX.resolve("install.sh").toString(),
                "--root",
                root.toString(),
                "--java",
                javaBin()));
    command.addAll(List.of(args));
    return sh(
        command); // no --jar: the script finds agent/target/digiready-agent.jar of the checkout
  }

  private Run collectorInstall(Path root) throws Exception {
    return sh(
        List.of(
            "bash",
            COLLECTOR_LINUX.resolve("install.sh").toString(),
            "--root",
            root.toString(),
            "--jar",
            Child.jar("collector").toString()));
  }

  /**
   * Starts the agent the way systemd would: the unit's ExecStart and Environment, with the paths
   * moved into the tree. The state directory comes from the config file, which names the real
   * /var/lib path, so it is the one value overridden (environment wins over the file).
   */
  private Process startInstalledAgent(Path root, Path log) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String assignment :
        unitKeys(root.resolve("etc/systemd/system/digiready-agent.service"))
            .getOrDefault("Environment", List.of())) {
      int eq = assignment.indexOf('=');
      env.put(assignment.substring(0, eq), inTree(root, assignment.substring(eq + 1)));
    }
    env.put("DIGIREADY_STATE_DIR", root.resolve("var/lib/digiready-agent").toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return start(unitExecStart(root, "digiready-agent.service"), env, log);
  }

  private List<String> unitExecStart(Path root, String unit) throws IOException {
    String exec = unitKeys(root.resolve("etc/systemd/system/" + unit)).get("ExecStart").get(0);
    return Stream.of(exec.split(" ")).map(word -> inTree(root, word)).toList();
  }

  private static String inTree(Path root, String value) {
    return value.replaceAll(
        "(^|[\\s=])/(opt|etc|var)/", "$1" + Matcher.quoteReplacement(root.toString()) + "/$2/");
  }

  /** Key -> values of a unit file (a key may repeat); quotes around a whole value are removed. */
  private static Map<String, List<String>> unitKeys(Path unit) throws IOException {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (String line : Files.readAllLines(unit)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith(";") || l.startsWith("[")) {
        continue;
      }
      int eq = l.indexOf('=');
      String value = l.substring(eq + 1).strip();
      if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      keys.computeIfAbsent(l.substring(0, eq).strip(), k -> new ArrayList<>()).add(value);
    }
    return keys;
  }

  /** Child.await, with the child's log in the failure message. */
  private static void await(Duration timeout, String what, Path log, BooleanSupplier condition)
      throws InterruptedException {
    try {
      Child.await(timeout, what, condition);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + read(log), e);
    }
  }

  private static JsonNode machine(CollectorProcess collector, String machineId) {
    return collector.adminJson("/api/v1/machines/" + machineId);
  }

  private static Process start(List<String> command, Map<String, String> env, Path log)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().keySet().removeIf(k -> k.startsWith("DIGIREADY_"));
    pb.environment().putAll(env);
    return pb.start();
  }

  /** SIGTERM (the launchers exec java, so this reaches the JVM), as systemctl stop does. */
  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Run sh(List<String> command) throws IOException, InterruptedException {
    return sh(command, dir);
  }

  /** Runs a command to its end (bounded), output to a file so that a full pipe cannot block it. */
  private Run sh(List<String> command, Path workDir) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "run", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("DIGIREADY_") || k.equals("JAVA_HOME"));
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(String.join(" ", command) + " ran longer than 180 s:\n" + read(log));
    }
    String output = read(log);
    Files.delete(log);
    return new Run(p.exitValue(), output);
  }

  /**
   * Every *.sh and every extension-less file starting with a sh/bash shebang, outside build output.
   */
  private static List<String> shellScripts() throws IOException {
    List<String> skip = List.of("target", ".git", "node_modules", "quickstart-data", "data");
    try (Stream<Path> files = Files.walk(Child.REPO)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                for (Path part : Child.REPO.relativize(f)) {
                  if (skip.contains(part.toString())) {
                    return false;
                  }
                }
                return true;
              })
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".sh")
                    || (!name.contains(".") && shebang(f).matches("#!.*\\b(ba|da)?sh\\b.*"));
              })
          .map(f -> Child.REPO.relativize(f).toString())
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static String shebang(Path file) {
    try (var in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(120), StandardCharsets.ISO_8859_1);
      int nl = head.indexOf('\n');
      return nl < 0 ? head : head.substring(0, nl);
    } catch (IOException e) {
      return "";
    }
  }

  private static List<String> filesUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> root.relativize(f).toString())
          .sorted()
          .toList();
    }
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static Properties properties(Path file) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** Waits until the collector on {@code port} answers /health/ready; fails if it exits first. */
  private static void awaitReady(Process collector, int port, String what, Path log)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    await(
        Duration.ofSeconds(60),
        what,
        log,
        () -> {
          assertThat(collector.isAlive()).as(read(log)).isTrue();
          try {
            return http.send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/health/ready"))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200;
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        });
  }
}

package io.digiready.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void an_unknown_key_in_the_config_file_stops_with_exit_code_2() throws Exception {
    Path config = dir.resolve("agent.properties");
    Files.writeString(config, "heartbeatIntervalSecond=60\n");
    int code = AgentCommand.execute("status", "--config", config.toString());
    assertThat(code).isEqualTo(2);
    assertThat(stderr()).contains("heartbeatIntervalSecond: unknown key");
  }

  @Test
  void a_bad_flag_value_stops_with_exit_code_2_and_names_the_key() {
    int code = AgentCommand.execute("probe", "--probe-timeout-millis", "soon");
    assertThat(code).isEqualTo(2);
    assertThat(stderr())
        .contains("probeTimeoutMillis: expected a whole number between 100 and 60000. Found: soon");
  }

  @Test
  void probe_without_a_collector_prints_one_result_per_local_target() throws Exception {
    int code =
        AgentCommand.execute(
            "probe",
            "--state-dir",
            dir.toString(),
            "--probe-timeout-millis",
            "1000",
            "--probe-targets",
            "dns-lan:localhost,tcp:127.0.0.1:1");
    assertThat(code).isZero();
    JsonNode json = Json.mapper().readTree(stdout());
    assertThat(json.get("probes")).hasSize(2);
    assertThat(json.get("probes").get(0).get("ok").asBoolean()).isTrue();
    assertThat(json.get("probes").get(1).get("error").asText()).isEqualTo("refused");
    assertThat(json.get("internetUp").asBoolean()).isFalse();
  }

  @Test
  void probe_adds_the_collector_and_its_central_targets_when_the_collector_answers()
      throws Exception {
    try (var collector = new io.digiready.agent.testing.FakeCollector()) {
      collector.probes =
          java.util.List.of(
              new io.digiready.protocol.ProbeTarget(
                  io.digiready.protocol.ProbeKind.DNS, "localhost", true));
      new io.digiready.agent.identity.IdentityStore(dir)
          .save(
              new io.digiready.agent.identity.Identity(
                  "m-test-1", collector.token, collector.url().toString()));
      int code =
          AgentCommand.execute(
              "probe",
              "--state-dir",
              dir.toString(),
              "--collector-url",
              collector.url().toString());
      assertThat(code).isZero();
      JsonNode probes = Json.mapper().readTree(stdout()).get("probes");
      assertThat(probes).hasSize(2);
      assertThat(probes.get(0).get("kind").asText()).isEqualTo("tcp");
      assertThat(probes.get(0).get("internet").asBoolean()).isFalse();
      assertThat(probes.get(0).get("ok").asBoolean()).isTrue();
      assertThat(probes.get(1).get("target").asText()).isEqualTo("localhost");
      assertThat(stderr()).doesNotContain(collector.token);
    }
  }

  @Test
  void status_of_a_fresh_agent_says_not_enrolled() {
    int code = AgentCommand.execute("status", "--state-dir", dir.toString());
    assertThat(code).isZero();
    assertThat(stdout())
        .contains("machineId:")
        .contains("(not enrolled)")
        .contains("spoolDepth:")
        .contains("lastError:");
  }

  @Test
  void version_and_help_exit_zero() {
    assertThat(AgentCommand.execute("--version")).isZero();
    assertThat(stdout()).startsWith("digiready-agent ");
    assertThat(AgentCommand.execute("--help")).isZero();
    assertThat(stdout()).contains("inventory").contains("probe").contains("enroll");
  }

  @Test
  void help_of_a_command_lists_every_key_of_the_table_with_its_variable() {
    assertThat(AgentCommand.execute("run", "--help")).isZero();
    for (io.digiready.config.ConfigKey key : io.digiready.agent.config.ConfigKeys.ALL) {
      assertThat(stdout()).contains(key.flag()).contains(key.envVar());
    }
    assertThat(stdout()).contains("--enrollment-token=SECRET");
  }

  @Test
  void a_flag_beats_the_config_file() throws Exception {
    Path config = dir.resolve("agent.properties");
    Files.writeString(config, "logLevel=verbose\n");
    assertThat(AgentCommand.execute("status", "--config", config.toString())).isEqualTo(2);
    assertThat(stderr())
        .contains("logLevel: expected one of error, warn, info, debug. Found: verbose");
    int code =
        AgentCommand.execute(
            "status",
            "--config",
            config.toString(),
            "--log-level",
            "warn",
            "--state-dir",
            dir.toString());
    assertThat(code).isZero();
  }
}

package io.digiready.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain forms of {@code run}'s flags are read without picocli; the rest is left to it. */
class RunArgsTest {

  @Test
  void plain_flags_and_the_config_file_are_read_by_key_name() {
    RunArgs r =
        RunArgs.parse(
            "run",
            "--collector-url",
            "http://127.0.0.1:8080",
            "--heartbeat-interval-seconds=1",
            "--config",
            "/etc/digiready-agent/agent.properties",
            "--log-level",
            "warn");
    assertThat(r).isNotNull();
    assertThat(r.config).isEqualTo(Path.of("/etc/digiready-agent/agent.properties"));
    assertThat(r.flags)
        .isEqualTo(
            Map.of(
                "collectorUrl", "http://127.0.0.1:8080",
                "heartbeatIntervalSeconds", "1",
                "logLevel", "warn"));
    assertThat(RunArgs.parse("run").flags).isEmpty();
  }

  @Test
  void anything_unusual_goes_to_picocli_for_its_behaviour_and_messages() {
    assertThat(RunArgs.parse("run", "--help")).isNull();
    assertThat(RunArgs.parse("run", "--no-such-flag", "1")).isNull();
    assertThat(RunArgs.parse("run", "--log-level")).isNull();
    assertThat(RunArgs.parse("run", "--log-level", "warn", "--log-level=info")).isNull();
    assertThat(RunArgs.parse("run", "--log-level", "--state-dir")).isNull();
    assertThat(RunArgs.parse("run", "@args.txt")).isNull();
    assertThat(RunArgs.parse("run", "--state-dir", "@dir")).isNull();
    assertThat(RunArgs.parse("run", "extra")).isNull();
    assertThat(RunArgs.parse("status", "--log-level", "warn")).isNull();
    assertThat(RunArgs.parse()).isNull();
  }

  @Test
  void a_bad_value_read_without_picocli_stops_with_the_loader_s_message_and_exit_code_2() {
    assertThat(AgentCommand.execute("run", "--heartbeat-interval-seconds", "0")).isEqualTo(2);
  }
}

package io.digiready.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digiready.config.ConfigKey;
import io.digiready.protocol.ProbeKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaults_are_the_documented_ones() {
    CollectorConfig c = ConfigLoader.load(null, Map.of(), Map.of());
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.sqliteSynchronous()).isEqualTo("FULL");
    assertThat(c.heartbeatIntervalSeconds()).isEqualTo(60);
    assertThat(c.workingWindowDays()).isEqualTo(7);
    assertThat(c.connectivityWindowHours()).isEqualTo(24);
    assertThat(c.rawHeartbeatRetentionDays()).isEqualTo(2);
    assertThat(c.hourlyRetentionDays()).isEqualTo(400);
    assertThat(c.readiness().minMemoryGib()).isEqualTo(4);
    assertThat(c.readiness().minLogicalCpus()).isEqualTo(2);
    assertThat(c.readiness().unsupportedOs()).contains("Windows 7", "Windows 8.1");
    assertThat(c.readiness().minSystemDiskFreeRatio()).isEqualTo(0.10);
    assertThat(c.readiness().minSystemDiskFreeGib()).isEqualTo(5);
    assertThat(c.readiness().maxClockSkewSeconds()).isEqualTo(300);
    assertThat(c.metricsPerMachine()).isTrue();
    assertThat(c.probeTargets()).hasSize(2);
  }

  @Test
  void flags_beat_the_environment_which_beats_the_file() throws Exception {
    Path file = dir.resolve("collector.properties");
    Files.writeString(
        file,
        "port=9000\nworkingWindowDays=3\nheartbeatIntervalSeconds=30\n",
        StandardCharsets.UTF_8);
    CollectorConfig c =
        ConfigLoader.load(
            file,
            Map.of(
                "DIGIREADY_PORT",
                "9100",
                "DIGIREADY_WORKING_WINDOW_DAYS",
                "5",
                "DIGIREADY_COLLECTOR_URL",
                "an agent's variable is ignored"),
            Map.of("port", "9200"));
    assertThat(c.port()).isEqualTo(9200);
    assertThat(c.workingWindowDays()).isEqualTo(5);
    assertThat(c.heartbeatIntervalSeconds()).isEqualTo(30);
  }

  @Test
  void an_unknown_key_in_the_file_stops_start_up_naming_it() throws Exception {
    Path file = dir.resolve("c.properties");
    Files.writeString(file, "prot=9000\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
        .hasMessageStartingWith("prot: unknown key, expected one of port, bindAddress");
  }

  @Test
  void a_bad_value_names_the_key_the_expectation_and_what_was_found() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("DIGIREADY_PORT", "eighty"), Map.of()))
        .hasMessage("port: must be a whole number from 0 to 65535. Found: eighty");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("sqliteSynchronous", "OFF")))
        .hasMessageStartingWith("sqliteSynchronous: must be FULL or NORMAL");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("probeTargets", "icmp:x")))
        .hasMessageStartingWith("probeTargets:");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("metricsPerMachine", "yes")))
        .hasMessageStartingWith("metricsPerMachine: must be true or false");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("reportLanguage", "fr")))
        .hasMessage("reportLanguage: must be vi or en. Found: fr");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("unitHistoryRetentionDays", "0")))
        .hasMessageStartingWith("unitHistoryRetentionDays: must be a whole number from 1");
  }

  @Test
  void daily_figures_are_kept_ten_years_and_reports_speak_english_unless_configured() {
    CollectorConfig c = ConfigLoader.load(null, Map.of(), Map.of());
    assertThat(c.unitHistoryRetentionDays()).isEqualTo(3650);
    assertThat(c.reportLanguage()).isEqualTo("en");
    assertThat(
            ConfigLoader.load(null, Map.of("DIGIREADY_REPORT_LANGUAGE", "VI"), Map.of())
                .reportLanguage())
        .isEqualTo("vi");
  }

  @Test
  void a_secret_is_never_echoed_in_an_error() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null,
                    Map.of(),
                    Map.of("tlsKeystoreFile", "/nope.p12", "tlsKeystorePassword", "hunter2")))
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("metricsPassword", "hunter2")))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void probe_targets_read_kind_target_and_a_lan_suffix() {
    CollectorConfig c =
        ConfigLoader.load(
            null,
            Map.of(),
            Map.of("probeTargets", "http:https://dichvucong.gov.vn, tcp-lan:10.0.0.5:8080"));
    assertThat(c.probeTargets().get(0).kind()).isEqualTo(ProbeKind.HTTP);
    assertThat(c.probeTargets().get(0).target()).isEqualTo("https://dichvucong.gov.vn");
    assertThat(c.probeTargets().get(0).internet()).isTrue();
    assertThat(c.probeTargets().get(1).kind()).isEqualTo(ProbeKind.TCP);
    assertThat(c.probeTargets().get(1).target()).isEqualTo("10.0.0.5:8080");
    assertThat(c.probeTargets().get(1).internet()).isFalse();
  }

  @Test
  void a_probe_target_in_the_agents_retired_scope_form_says_how_to_write_it_now() {
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("probeTargets", "tcp:10.0.0.5:445:lan")))
        .hasMessage(
            "probeTargets: the kind:target:scope form is no longer read; write"
                + " tcp-lan:10.0.0.5:445. Found: tcp:10.0.0.5:445:lan");
  }

  @Test
  void every_key_has_a_flag_and_an_environment_variable() {
    ConfigKey key = ConfigKeys.TABLE.get("heartbeatIntervalSeconds");
    assertThat(key.flag()).isEqualTo("--heartbeat-interval-seconds");
    assertThat(key.envVar()).isEqualTo("DIGIREADY_HEARTBEAT_INTERVAL_SECONDS");
  }
}

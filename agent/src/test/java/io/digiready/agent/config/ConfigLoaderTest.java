package io.digiready.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digiready.config.ConfigException;
import io.digiready.config.ConfigKey;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path file(String content) throws Exception {
    Path f = dir.resolve("agent.properties");
    Files.writeString(f, content);
    return f;
  }

  @Test
  void defaults_apply_when_nothing_is_set() {
    AgentSettings s = ConfigLoader.load(null, Map.of(), Map.of());
    assertThat(s.heartbeatIntervalSeconds()).isEqualTo(60);
    assertThat(s.probeTimeoutMillis()).isEqualTo(5000);
    assertThat(s.spoolMaxBytes()).isEqualTo(50L * 1024 * 1024);
    assertThat(s.spoolMaxAgeDays()).isEqualTo(30);
    assertThat(s.sendBatchSize()).isEqualTo(500);
    assertThat(s.collectorUrls()).isEmpty();
    assertThat(s.probeTargets()).isEmpty();
    assertThat(s.explicitKeys()).isEmpty();
  }

  @Test
  void an_unknown_key_in_the_file_names_the_key() throws Exception {
    Path f = file("colectorUrl=http://x\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("colectorUrl: unknown key, expected one of collectorUrl");
  }

  @Test
  void a_bad_value_reads_key_expectation_found() throws Exception {
    Path f = file("heartbeatIntervalSeconds=0\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), Map.of()))
        .hasMessage(
            "heartbeatIntervalSeconds: expected a whole number between 1 and 3600. Found: 0");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("proxyUrl", "socks://p:1")))
        .hasMessage("proxyUrl: expected http://host:port. Found: socks://p:1");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("collectorUrl", "ftp://collector")))
        .hasMessageStartingWith("collectorUrl: expected an http:// or https:// URL");
  }

  @Test
  void collector_url_takes_a_comma_separated_list_in_order() {
    AgentSettings s =
        ConfigLoader.load(
            null,
            Map.of(
                "DIGIREADY_COLLECTOR_URL",
                "http://10.0.0.1:8080/, https://collector-2.tinh.gov.vn"),
            Map.of());
    assertThat(s.collectorUrls())
        .extracting(Object::toString)
        .containsExactly("http://10.0.0.1:8080", "https://collector-2.tinh.gov.vn");
  }

  @Test
  void a_bad_collector_url_in_a_list_is_named_with_the_key() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null, Map.of(), Map.of("collectorUrl", "http://10.0.0.1:8080,ftp://backup")))
        .hasMessage(
            "collectorUrl: expected an http:// or https:// URL such as"
                + " https://collector.example:8443, or several, comma-separated."
                + " Found: ftp://backup");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    null, Map.of(), Map.of("collectorUrl", "http://a:1,http://b:1,http://a:1")))
        .hasMessage("collectorUrl: expected each URL once. Found: http://a:1");
  }

  @Test
  void flag_beats_environment_which_beats_file() throws Exception {
    Path f = file("heartbeatIntervalSeconds=10\nprobeTimeoutMillis=1000\nsendBatchSize=7\n");
    Map<String, String> env =
        Map.of(
            "DIGIREADY_HEARTBEAT_INTERVAL_SECONDS", "20",
            "DIGIREADY_PROBE_TIMEOUT_MILLIS", "2000");
    Map<String, String> flags = Map.of("heartbeatIntervalSeconds", "30");
    AgentSettings s = ConfigLoader.load(f, env, flags);
    assertThat(s.heartbeatIntervalSeconds()).isEqualTo(30);
    assertThat(s.probeTimeoutMillis()).isEqualTo(2000);
    assertThat(s.sendBatchSize()).isEqualTo(7);
    assertThat(s.isExplicit(ConfigKeys.HEARTBEAT_INTERVAL_SECONDS)).isTrue();
    assertThat(s.isExplicit(ConfigKeys.SPOOL_MAX_BYTES)).isFalse();
  }

  @Test
  void unrelated_digiready_environment_variables_are_ignored() {
    AgentSettings s =
        ConfigLoader.load(
            null, Map.of("DIGIREADY_AGENT_JAR", "/x.jar", "DIGIREADY_PORT", "1"), Map.of());
    assertThat(s.explicitKeys()).isEmpty();
  }

  @Test
  void the_enrollment_token_never_appears_in_an_error() {
    String token = "x".repeat(1100);
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("enrollmentToken", token)))
        .hasMessageNotContaining(token)
        .hasMessageContaining("(hidden)");
  }

  @Test
  void probe_targets_parse_with_urls_and_ports_inside() {
    AgentSettings s =
        ConfigLoader.load(
            null,
            Map.of(),
            Map.of(
                "probeTargets",
                "http:https://dichvucong.gov.vn, tcp-lan:10.0.0.5:445,dns:example.org"));
    assertThat(s.probeTargets())
        .containsExactly(
            new ProbeTarget(ProbeKind.HTTP, "https://dichvucong.gov.vn", true),
            new ProbeTarget(ProbeKind.TCP, "10.0.0.5:445", false),
            new ProbeTarget(ProbeKind.DNS, "example.org", true));
  }

  @Test
  void a_probe_target_in_the_retired_scope_form_says_how_to_write_it_now() {
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("probeTargets", "tcp:host:443:lan")))
        .hasMessage(
            "probeTargets: the kind:target:scope form is no longer read; write tcp-lan:host:443."
                + " Found: tcp:host:443:lan");
  }

  @Test
  void a_malformed_probe_target_names_the_entry() {
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of(), Map.of("probeTargets", "dns:gov.vn,tcp:host")))
        .hasMessageStartingWith("probeTargets: expected comma-separated kind:target")
        .hasMessageEndingWith("Found: tcp:host");
  }

  @Test
  void the_file_is_read_as_utf8_so_a_vietnamese_path_survives() throws Exception {
    Path f = dir.resolve("agent.properties");
    Files.writeString(
        f,
        "# Xã Phú Lộc\nstateDir=" + dir.resolve("Xã Phú Lộc").toString().replace("\\", "/") + "\n",
        StandardCharsets.UTF_8);
    AgentSettings s = ConfigLoader.load(f, Map.of(), Map.of());
    assertThat(s.stateDir().getFileName().toString()).isEqualTo("Xã Phú Lộc");
  }

  @Test
  void a_byte_order_mark_from_notepad_is_not_part_of_the_first_key() throws Exception {
    Path f = dir.resolve("agent.properties");
    Files.writeString(f, "\uFEFFheartbeatIntervalSeconds=15\n", StandardCharsets.UTF_8);
    assertThat(ConfigLoader.load(f, Map.of(), Map.of()).heartbeatIntervalSeconds()).isEqualTo(15);
  }

  @Test
  void a_file_saved_in_a_legacy_code_page_is_refused_not_garbled() throws Exception {
    Path f = dir.resolve("agent.properties");
    Files.write(
        f, "stateDir=/tmp/Xã Phú\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), Map.of()))
        .hasMessage("config: expected a UTF-8 properties file (saved as ANSI?). Found: " + f);
  }

  @Test
  void an_unknown_flag_key_names_the_key() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("colectorUrl", "x")))
        .hasMessageStartingWith("colectorUrl: unknown key");
  }

  @Test
  void every_key_of_the_table_is_documented_in_the_readme_with_its_default() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (ConfigKey key : ConfigKeys.ALL) {
      assertThat(readme).as(key.name()).contains("| `" + key.name() + "` |");
    }
  }

  @Test
  void key_names_map_to_flags_and_environment_variables() {
    ConfigKey key = ConfigKeys.HEARTBEAT_INTERVAL_SECONDS;
    assertThat(key.flag()).isEqualTo("--heartbeat-interval-seconds");
    assertThat(key.envVar()).isEqualTo("DIGIREADY_HEARTBEAT_INTERVAL_SECONDS");
    assertThat(ConfigKeys.TABLE.get("heartbeatIntervalSeconds")).isSameAs(key);
  }
}

package io.digiready.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyTableTest {
  static final ConfigKey PORT = ConfigKey.key("port", "8080", "port");
  static final ConfigKey TOKEN = ConfigKey.secret("adminToken", "", "token");
  static final KeyTable TABLE = new KeyTable(List.of(PORT, TOKEN));

  @TempDir Path dir;

  @Test
  void file_then_environment_then_flags_each_override_the_one_before() throws Exception {
    Path f = dir.resolve("c.properties");
    Files.writeString(f, "port=1\nadminToken=from-file\n", StandardCharsets.UTF_8);
    Map<String, String> v =
        TABLE.gather(f, Map.of("DIGIREADY_PORT", "2", "DIGIREADY_OTHER", "x"), Map.of());
    assertThat(v).containsEntry("port", "2").containsEntry("adminToken", "from-file");
    assertThat(TABLE.gather(f, Map.of("DIGIREADY_PORT", "2"), Map.of("port", "3")))
        .containsEntry("port", "3");
    assertThat(KeyTable.value(Map.of(), PORT)).isEqualTo("8080");
  }

  @Test
  void an_unknown_key_in_the_file_or_the_flags_is_refused_naming_it() throws Exception {
    Path f = dir.resolve("c.properties");
    Files.writeString(f, "prot=1\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TABLE.gather(f, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("prot: unknown key, expected one of port, adminToken. Found: prot");
    assertThatThrownBy(() -> TABLE.gather(null, Map.of(), Map.of("adminTokn", "x")))
        .hasMessageStartingWith("adminTokn: unknown key");
  }

  @Test
  void a_byte_order_mark_is_skipped_and_a_file_that_is_not_utf8_is_refused() throws Exception {
    Path bom = dir.resolve("bom.properties");
    Files.writeString(bom, "\uFEFFport=15\n", StandardCharsets.UTF_8);
    assertThat(TABLE.gather(bom, Map.of(), Map.of())).containsEntry("port", "15");
    Path ansi = dir.resolve("ansi.properties");
    Files.write(ansi, "adminToken=Ph\u00fa\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> TABLE.gather(ansi, Map.of(), Map.of()))
        .hasMessage("config: expected a UTF-8 properties file (saved as ANSI?). Found: " + ansi);
  }

  @Test
  void a_secret_is_never_shown_and_keys_map_to_flags_and_variables() {
    assertThat(TOKEN.shown("s3cret")).isEqualTo("(hidden)");
    assertThat(PORT.shown("80")).isEqualTo("80");
    assertThat(ConfigKey.key("heartbeatIntervalSeconds", "60", "").flag())
        .isEqualTo("--heartbeat-interval-seconds");
    assertThat(ConfigKey.key("heartbeatIntervalSeconds", "60", "").envVar())
        .isEqualTo("DIGIREADY_HEARTBEAT_INTERVAL_SECONDS");
  }
}

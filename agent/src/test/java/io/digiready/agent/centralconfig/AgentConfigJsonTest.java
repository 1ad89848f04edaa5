package io.digiready.agent.centralconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.digiready.agent.json.Jackson;
import io.digiready.protocol.AgentConfig;
import io.digiready.protocol.Json;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeTarget;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** agent-config read and written without Jackson gives Jackson's values, bytes and messages. */
class AgentConfigJsonTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void documents_jackson_reads_are_read_to_the_same_value() throws Exception {
    for (String json :
        List.of(
            "{\"heartbeatIntervalSeconds\":60,\"inventoryCheckIntervalSeconds\":3600,"
                + "\"probes\":[{\"kind\":\"dns\",\"target\":\"gov.vn\",\"internet\":true},"
                + "{\"kind\":\"tcp\",\"target\":\"10.0.0.5:445\",\"internet\":false}]}",
            "{\"heartbeatIntervalSeconds\":1,\"probes\":[],\"newerField\":{\"a\":[1,2.5,null]}}",
            "{}",
            "  {\n\t\"heartbeatIntervalSeconds\" : 30 ,\r\n\"probes\":null}  ",
            // decomposed Vietnamese comes out composed (NFC), as the wire format's reader does
            "{\"probes\":[{\"kind\":\"http\",\"target\":\"https://xa\\u0301.vn/ph\\u00e2\u0300n\","
                + "\"internet\":null}]}")) {
      assertThat(AgentConfigJson.read(utf8(json)))
          .as(json)
          .isEqualTo(Json.mapper().readValue(utf8(json), AgentConfig.class));
    }
  }

  @Test
  void documents_jackson_refuses_fail_with_jackson_s_description() {
    for (String json :
        List.of(
            "{\"heartbeatIntervalSeconds\":\"60\"}",
            "{\"heartbeatIntervalSeconds\":4.5}",
            "{\"heartbeatIntervalSeconds\":99999999999}",
            "{\"probes\":[{\"kind\":\"icmp\",\"target\":\"x\",\"internet\":true}]}",
            "{\"probes\":[{\"kind\":\"dns\",\"target\":7,\"internet\":true}]}",
            "{\"probes\":[{\"kind\":\"dns\",\"target\":\"x\",\"internet\":\"yes\"}]}",
            "{\"probes\":{}}",
            "{\"heartbeatIntervalSeconds\":60",
            "{\"heartbeatIntervalSeconds\":60} {}",
            "{\"heartbeatIntervalSeconds\":060}",
            "[1]")) {
      String expected;
      try {
        Json.mapper().readValue(utf8(json), AgentConfig.class);
        throw new AssertionError("Jackson read " + json);
      } catch (JsonProcessingException e) {
        expected = Json.describe(e);
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
      assertThatThrownBy(() -> AgentConfigJson.read(utf8(json)))
          .as(json)
          .isInstanceOf(Jackson.BadJson.class)
          .hasMessage(expected);
    }
  }

  @Test
  void a_config_is_written_as_jackson_writes_it() throws Exception {
    for (AgentConfig c :
        List.of(
            new AgentConfig(
                60,
                3600,
                List.of(
                    new ProbeTarget(ProbeKind.DNS, "gov.vn", true),
                    new ProbeTarget(ProbeKind.HTTP, "https://a.vn/\"x\"", false))),
            new AgentConfig(null, null, null),
            new AgentConfig(1, null, Arrays.asList(null, new ProbeTarget(null, null, null))))) {
      assertThat(new String(AgentConfigJson.write(c), StandardCharsets.UTF_8))
          .isEqualTo(Json.mapper().writeValueAsString(c));
    }
  }
}

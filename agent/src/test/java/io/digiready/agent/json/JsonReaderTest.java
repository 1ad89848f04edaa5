package io.digiready.agent.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digiready.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

  @Test
  void values_are_read_as_jackson_reads_them_into_plain_objects() throws Exception {
    for (String json :
        List.of(
            "{\"a\":\"x\\\"y\\\\z\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC\",\"b\":[1,-2,3.5,-0.25e2,1E3],"
                + "\"c\":{\"d\":true,\"e\":false,\"f\":null},\"g\":9223372036854775807}",
            "[]",
            "[{}]",
            "\"Phần mềm\"",
            "-12")) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      Object jackson = Json.mapper().readValue(bytes, Object.class);
      assertThat(normalize(JsonReader.parse(bytes))).as(json).isEqualTo(normalize(jackson));
    }
  }

  /** Jackson reads small whole numbers as Integer; the reader keeps Long throughout. */
  private static Object normalize(Object o) {
    if (o instanceof Integer i) {
      return i.longValue();
    }
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, normalize(v)));
      return out;
    }
    if (o instanceof List<?> l) {
      return l.stream().map(JsonReaderTest::normalize).toList();
    }
    return o;
  }

  @Test
  void what_jackson_would_refuse_or_might_read_otherwise_is_left_to_it() {
    for (String json :
        List.of(
            "{\"a\":1",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":.5}",
            "{\"a\":+1}",
            "{'a':1}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":tru}",
            "{\"a\":\"\u0001\"}",
            "{\"a\":\"\\x\"}",
            "{} x",
            "\uFEFF{}",
            "")) {
      assertThatThrownBy(() -> JsonReader.parse(json.getBytes(StandardCharsets.UTF_8)))
          .as(json)
          .isInstanceOf(JsonReader.Unsupported.class);
    }
    assertThatThrownBy(() -> JsonReader.parse(new byte[] {'"', (byte) 0xC3, '"'}))
        .isInstanceOf(JsonReader.Unsupported.class);
  }
}

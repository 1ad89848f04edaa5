package io.digiready.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.protocol.ErrorResponse;
import io.digiready.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Error bodies are read without Jackson to what Jackson reads (or null where it fails). */
class AnswersTest {

  private static ErrorResponse jackson(byte[] body) {
    try {
      return Json.mapper().readValue(body, ErrorResponse.class);
    } catch (Exception e) {
      return null;
    }
  }

  @Test
  void error_bodies_are_read_as_jackson_reads_them() {
    for (String body :
        List.of(
            "{\"error\":\"invalid_request\",\"detail\":\"heartbeats[3].seq: must be >= 1\","
                + "\"field\":\"heartbeats[3].seq\"}",
            "{\"error\":\"busy\"}",
            "{\"error\":503}",
            "<html>Bad gateway</html>",
            "",
            "null",
            "{\"error\":\"x\",\"extra\":[1,{\"y\":2}]}")) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      CollectorClient.Response r = new CollectorClient.Response(400, bytes, null);
      assertThat(Answers.error(r)).as(body).isEqualTo(jackson(bytes));
    }
  }
}

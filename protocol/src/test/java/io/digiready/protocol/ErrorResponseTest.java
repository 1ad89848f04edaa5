package io.digiready.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorResponseTest {

  @Test
  void the_field_path_gives_the_index_of_the_rejected_element() {
    var e =
        new ErrorResponse(
            "invalid_request", "heartbeats[3].seq: must be >= 1", "heartbeats[3].seq");
    assertThat(e.indexIn("heartbeats")).isEqualTo(3);
    assertThat(e.indexIn("probes")).isEqualTo(-1);
  }

  @Test
  void an_error_about_no_element_gives_no_index() {
    assertThat(new ErrorResponse("too_large", "body: too large").indexIn("heartbeats"))
        .isEqualTo(-1);
    assertThat(new ErrorResponse("x", "d", "heartbeats").indexIn("heartbeats")).isEqualTo(-1);
    assertThat(new ErrorResponse("x", "d", "heartbeats[x]").indexIn("heartbeats")).isEqualTo(-1);
  }

  @Test
  void the_field_is_written_only_when_there_is_one_and_read_back() throws Exception {
    assertThat(Fixtures.MAPPER.writeValueAsString(new ErrorResponse("unauthorized", "token")))
        .isEqualTo("{\"error\":\"unauthorized\",\"detail\":\"token\"}");
    String json =
        Fixtures.MAPPER.writeValueAsString(
            new ErrorResponse(
                "invalid_request", "heartbeats[0].seq: must be >= 1", "heartbeats[0].seq"));
    assertThat(Fixtures.MAPPER.readValue(json, ErrorResponse.class).field())
        .isEqualTo("heartbeats[0].seq");
    // An older collector's answer, without the field, still reads.
    assertThat(
            Fixtures.MAPPER
                .readValue("{\"error\":\"e\",\"detail\":\"d\"}", ErrorResponse.class)
                .field())
        .isNull();
  }
}

package io.digiready.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastInstantDeserializerTest {

  @Test
  void the_usual_forms_read_as_instant_parse_reads_them() {
    for (String s :
        List.of(
            "2026-11-27T08:00:00Z",
            "2026-11-27T08:00:00.1Z",
            "2026-11-27T08:00:00.123Z",
            "2026-11-27T08:00:00.123456789Z",
            "2000-02-29T23:59:59Z",
            "1970-01-01T00:00:00Z")) {
      assertThat(FastInstantDeserializer.parse(s)).as(s).isEqualTo(Instant.parse(s));
    }
  }

  @Test
  void anything_else_is_left_to_jacksons_own_reading() {
    for (String s :
        List.of(
            "2026-02-30T08:00:00Z",
            "2026-11-27T24:00:00Z",
            "2026-11-27 08:00:00Z",
            "2026-11-27T08:00:00+07:00",
            "2026-11-27T08:00:00.Z",
            "2026-11-27T08:00:0aZ",
            "yesterday")) {
      assertThat(FastInstantDeserializer.parse(s)).as(s).isNull();
    }
  }

  @Test
  void a_time_with_an_offset_still_reads_and_a_bad_one_still_names_the_field() throws Exception {
    record T(Instant at) {}
    assertThat(Json.mapper().readValue("{\"at\":\"2026-11-27T15:00:00+07:00\"}", T.class).at())
        .isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
    try {
      Json.mapper().readValue("{\"at\":\"2026-02-30T08:00:00Z\"}", T.class);
      throw new AssertionError("accepted February 30");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      assertThat(Json.describe(e)).startsWith("at: expected an ISO-8601 time");
    }
  }
}

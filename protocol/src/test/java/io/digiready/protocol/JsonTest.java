package io.digiready.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class JsonTest {

  private static String describeFailure(String json, Class<?> type) {
    JsonProcessingException e =
        catchThrowableOfType(
            JsonProcessingException.class, () -> Fixtures.MAPPER.readValue(json, type));
    assertThat(e).as("parsing %s should fail", json).isNotNull();
    return Json.describe(e);
  }

  @Test
  void a_wrong_type_names_the_field_and_the_expectation() {
    String detail = describeFailure("{\"heartbeats\":[{\"seq\":\"abc\"}]}", HeartbeatBatch.class);
    assertThat(detail).startsWith("heartbeats[0].seq: expected a whole number");
  }

  @Test
  void an_unknown_probe_kind_lists_the_allowed_ones() {
    String detail =
        describeFailure(
            "{\"heartbeats\":[{\"probes\":[{\"kind\":\"icmp\"}]}]}", HeartbeatBatch.class);
    assertThat(detail).startsWith("heartbeats[0].probes[0].kind: expected one of dns, tcp, http");
  }

  @Test
  void malformed_json_is_reported_on_the_body_with_its_position() {
    String detail = describeFailure("{\"heartbeats\": [", HeartbeatBatch.class);
    assertThat(detail).startsWith("body: malformed JSON");
  }

  @Test
  void a_number_or_boolean_is_not_silently_turned_into_text() {
    assertThat(describeFailure("{\"hostname\":7}", EnrollRequest.class)).startsWith("hostname: ");
    assertThat(describeFailure("{\"hostname\":true}", EnrollRequest.class))
        .startsWith("hostname: ");
    assertThat(describeFailure("{\"hostname\":1.5}", EnrollRequest.class)).startsWith("hostname: ");
  }

  @Test
  void trailing_garbage_is_not_ignored() {
    assertThat(describeFailure("{\"heartbeats\":[]} {}", HeartbeatBatch.class)).isNotBlank();
  }

  @Test
  void a_fraction_is_not_silently_truncated_to_a_whole_number() {
    assertThat(describeFailure("{\"accepted\":1.5,\"duplicates\":0}", HeartbeatAck.class))
        .startsWith("accepted: ");
  }

  @Test
  void a_long_bad_value_is_shortened_in_the_message() {
    String detail =
        describeFailure(
            "{\"heartbeats\":[{\"agentTime\":\"" + "9".repeat(500) + "\"}]}", HeartbeatBatch.class);
    assertThat(detail).startsWith("heartbeats[0].agentTime: ").hasSizeLessThan(200);
  }

  @Test
  void secrets_do_not_appear_in_the_string_form_of_enrolment_records() {
    var request = new EnrollRequest("et_secret", "pc-1", null, null);
    var response = new EnrollResponse("m-1", "at_secret", null);
    assertThat(request.toString()).doesNotContain("et_secret").contains("pc-1");
    assertThat(response.toString()).doesNotContain("at_secret").contains("m-1");
  }
}

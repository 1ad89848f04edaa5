package io.digiready.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundTripTest {

  @ParameterizedTest(name = "{0} reads into {1} and writes back unchanged")
  @CsvSource({
    "heartbeat-batch.json, io.digiready.protocol.HeartbeatBatch",
    "inventory-linux.json, io.digiready.protocol.Inventory",
    "inventory-windows.json, io.digiready.protocol.Inventory",
    "enroll-request.json, io.digiready.protocol.EnrollRequest",
    "enroll-response.json, io.digiready.protocol.EnrollResponse",
    "heartbeat-ack.json, io.digiready.protocol.HeartbeatAck",
    "error-response.json, io.digiready.protocol.ErrorResponse"
  })
  void every_golden_fixture_survives_a_round_trip(String fixture, Class<?> type) throws Exception {
    JsonNode original = Fixtures.tree(fixture);

    Object record = Fixtures.MAPPER.treeToValue(original, type);
    JsonNode written = Fixtures.MAPPER.readTree(Fixtures.MAPPER.writeValueAsString(record));

    assertThat(written).isEqualTo(original);
  }
}

package io.digiready.agent.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.agent.testing.Fixtures;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.Json;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written heartbeat JSON is byte for byte the wire format's Jackson output. */
class HeartbeatJsonTest {
  private static final String DETAIL = "HTTP 503 \"busy\" \\ tab\there\nPhần mềm \u0001\u001f";

  static Heartbeat sample() {
    return new Heartbeat(
        null,
        42L,
        Instant.parse("2026-11-27T08:00:00.123456789Z"),
        3600L,
        List.of(
            new ProbeResult("127.0.0.1:8443", ProbeKind.TCP, false, true, 1L, null, null),
            new ProbeResult(
                "https://dichvucong.gov.vn",
                ProbeKind.HTTP,
                true,
                false,
                null,
                "http_status",
                DETAIL)),
        false,
        2_147_483_648L,
        1000L,
        20_000_000_000L,
        41_943_040L,
        12.34,
        0L);
  }

  @Test
  void a_heartbeat_is_written_as_the_recorded_fixture_and_as_jackson_writes_it() throws Exception {
    String fixture = Fixtures.text("wire/heartbeat.json").strip();
    Heartbeat hb = sample();
    assertThat(Json.mapper().writeValueAsString(hb)).isEqualTo(fixture);
    assertThat(new String(HeartbeatJson.write(hb), StandardCharsets.UTF_8)).isEqualTo(fixture);
  }

  @Test
  void every_field_null_or_unusual_is_written_as_jackson_writes_it() throws Exception {
    List<Heartbeat> cases = new ArrayList<>();
    cases.add(
        new Heartbeat(null, null, null, null, null, null, null, null, null, null, null, null));
    cases.add(
        new Heartbeat("m-1", 1L, Instant.EPOCH, 0L, List.of(), true, 0L, 0L, 0L, 0L, 0.0, 5L));
    for (double d : new double[] {1e10, 1.0E-5, 0.1, 123456789.125, Double.NaN, -0.0}) {
      cases.add(
          new Heartbeat(
              "m-\u007f\u2028/é",
              Long.MAX_VALUE,
              Instant.parse("2026-01-01T00:00:00.100Z"),
              -1L,
              Arrays.asList(
                  null, new ProbeResult(null, null, null, null, null, null, "\u0000\b\f\r")),
              null,
              Long.MIN_VALUE,
              null,
              null,
              null,
              d,
              null));
    }
    for (Heartbeat hb : cases) {
      assertThat(new String(HeartbeatJson.write(hb), StandardCharsets.UTF_8))
          .isEqualTo(Json.mapper().writeValueAsString(hb));
    }
  }

  @Test
  void the_seq_of_a_spooled_heartbeat_is_read_as_jackson_s_tree_read_it() throws Exception {
    for (String json :
        List.of(
            "{\"seq\":7}",
            "{\"machineId\":null,\"seq\":12345678901}",
            "{\"internetUp\":true}",
            "{\"seq\":null}",
            "{\"seq\":7.9}",
            "{\"seq\":\"8\"}",
            "{\"seq\":99999999999999999999}",
            " {\"seq\" : 3 } ")) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      assertThat(HeartbeatJson.seq(bytes))
          .as(json)
          .isEqualTo(Json.mapper().readTree(bytes).path("seq").asLong());
    }
  }
}

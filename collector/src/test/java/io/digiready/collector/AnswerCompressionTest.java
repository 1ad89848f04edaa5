package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON answers of 1,500 bytes and more are gzipped for a client that accepts it; the small ones,
 * the heartbeat answer among them, are not.
 */
class AnswerCompressionTest {
  @TempDir Path dir;

  @Test
  void a_large_json_answer_is_gzipped_and_a_heartbeat_answer_is_not() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      for (int i = 0; i < 30; i++) {
        c.createUnit("xa-" + i, "Xã số " + i, null, "commune", 10);
      }
      Agent agent = c.enroll(c.enrollmentToken("xa-0"), "PC-1", "uuid-1", "sn-1", "os-1");
      HttpClient client = HttpClient.newHttpClient();

      HttpResponse<byte[]> units =
          client.send(
              c.http
                  .builder("/api/v1/units", TestCollector.ADMIN)
                  .header("Accept-Encoding", "gzip")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(units.statusCode()).isEqualTo(200);
      assertThat(units.headers().firstValue("Content-Encoding")).hasValue("gzip");
      String json =
          new String(
              new GZIPInputStream(new ByteArrayInputStream(units.body())).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(json.length()).isGreaterThan(1500);
      assertThat(Http.JSON.readTree(json).toString()).contains("Xã số 29");

      byte[] beat =
          Http.JSON.writeValueAsBytes(
              Fixtures.batch(Fixtures.heartbeat(agent.machineId(), 1, c.clock.instant(), true)));
      HttpResponse<byte[]> answer =
          client.send(
              c.http
                  .builder("/api/v1/heartbeats", agent.token())
                  .header("Accept-Encoding", "gzip")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(beat))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(Http.JSON.readTree(answer.body()).get("accepted").asInt()).isEqualTo(1);
    }
  }
}

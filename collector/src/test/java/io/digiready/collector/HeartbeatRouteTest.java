package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heartbeat route is served before Javalin (HeartbeatRoute): it still answers what a Javalin
 * route would — gzip bodies as the agent sends them, a trailing slash, other methods passed on to
 * Javalin, request metrics under the route template. Bad input is {@link BadInputTest}'s.
 */
class HeartbeatRouteTest {
  @TempDir Path dir;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void a_gzip_batch_as_the_agent_sends_it_is_stored_once() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      Agent agent = agent(c);
      byte[] beat = batch(c, agent, 1);

      HttpResponse<String> first = post(c, "/api/v1/heartbeats", agent, gzip(beat), true);
      HttpResponse<String> again = post(c, "/api/v1/heartbeats", agent, gzip(beat), true);

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("Content-Type"))
          .hasValue("application/json; charset=utf-8");
      assertThat(json(first).get("accepted").asInt()).isEqualTo(1);
      assertThat(json(again).get("accepted").asInt()).isZero();
      assertThat(json(again).get("duplicates").asInt()).isEqualTo(1);
    }
  }

  @Test
  void a_trailing_slash_is_the_same_route() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      Agent agent = agent(c);

      HttpResponse<String> answer =
          post(c, "/api/v1/heartbeats/", agent, batch(c, agent, 1), false);

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(json(answer).get("accepted").asInt()).isEqualTo(1);
    }
  }

  @Test
  void another_method_on_the_path_is_answered_like_any_post_only_path() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      Agent agent = agent(c);

      HttpResponse<String> heartbeats = get(c, "/api/v1/heartbeats", agent);
      HttpResponse<String> inventory = get(c, "/api/v1/inventory", agent);

      assertThat(heartbeats.statusCode()).isBetween(400, 499);
      assertThat(heartbeats.statusCode()).isEqualTo(inventory.statusCode());
      assertThat(json(heartbeats).get("error").asText())
          .isEqualTo(json(inventory).get("error").asText());
    }
  }

  @Test
  void requests_are_counted_under_the_route_template_with_their_status() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      Agent agent = agent(c);
      post(c, "/api/v1/heartbeats", agent, batch(c, agent, 1), false);
      post(c, "/api/v1/heartbeats", agent, batch(c, agent, 2), false);
      HttpResponse<String> refused =
          post(c, "/api/v1/heartbeats", new Agent(agent.machineId(), "wrong"), new byte[0], false);
      assertThat(refused.statusCode()).isEqualTo(401);

      String metrics = c.http.get("/metrics", null).body();

      assertThat(metrics)
          .contains(
              "http_server_requests_seconds_count{method=\"POST\",status=\"200\","
                  + "uri=\"/api/v1/heartbeats\"} 2")
          .contains(
              "http_server_requests_seconds_count{method=\"POST\",status=\"401\","
                  + "uri=\"/api/v1/heartbeats\"} 1");
    }
  }

  private static Agent agent(TestCollector c) {
    c.createUnit("xa-a", "Xã A", null, "commune", 5);
    return c.enroll(c.enrollmentToken("xa-a"), "PC-1", "uuid-1", "sn-1", "os-1");
  }

  private static byte[] batch(TestCollector c, Agent agent, long seq) throws Exception {
    return Http.JSON.writeValueAsBytes(
        Fixtures.batch(Fixtures.heartbeat(agent.machineId(), seq, c.clock.instant(), true)));
  }

  private HttpResponse<String> post(
      TestCollector c, String path, Agent agent, byte[] body, boolean gzip) throws Exception {
    HttpRequest.Builder b =
        c.http
            .builder(path, agent.token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (gzip) {
      b.header("Content-Encoding", "gzip");
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(TestCollector c, String path, Agent agent) throws Exception {
    return client.send(
        c.http.builder(path, agent.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> answer) throws Exception {
    return Http.JSON.readTree(answer.body());
  }

  private static byte[] gzip(byte[] body) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(body);
    }
    return out.toByteArray();
  }
}

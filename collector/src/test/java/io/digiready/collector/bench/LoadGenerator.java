package io.digiready.collector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends single-heartbeat requests (one heartbeat per POST, the worst case for the collector) from
 * many simulated machines for a fixed time and prints requests per second. Run against a real jar:
 * see {@code collector/bench/run.sh}.
 *
 * <p>Arguments: baseUrl adminToken machines threads seconds
 */
public final class LoadGenerator {
  private static final ObjectMapper JSON = Json.mapper();

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String admin = args[1];
    int machines = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String unit = "bench-" + System.currentTimeMillis();
    post(
        client,
        base + "/api/v1/units",
        admin,
        Map.of("code", unit, "name", "Bench unit", "kind", "agency", "staff", machines));
    String enrollment =
        post(client, base + "/api/v1/units/" + unit + "/enrollment-tokens", admin, Map.of())
            .get("token")
            .asText();
    List<String[]> agents = new ArrayList<>();
    for (int i = 0; i < machines; i++) {
      JsonNode e =
          post(
              client,
              base + "/api/v1/enroll",
              null,
              Map.of(
                  "enrollmentToken",
                  enrollment,
                  "hostname",
                  "BENCH-" + i,
                  "fingerprint",
                  Map.of("osInstallId", unit + "-" + i)));
      agents.add(new String[] {e.get("machineId").asText(), e.get("agentToken").asText()});
    }
    AtomicLong ok = new AtomicLong();
    AtomicLong other = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      final int thread = t;
      pool.submit(
          () -> {
            // Each thread owns a disjoint set of machines, so every machine's seq grows in order.
            long[] seq = new long[machines];
            int next = thread;
            while (System.nanoTime() < deadline) {
              String[] agent = agents.get(next);
              long s = ++seq[next];
              next += threads;
              if (next >= machines) {
                next = thread;
              }
              try {
                String body =
                    JSON.writeValueAsString(
                        Map.of(
                            "heartbeats",
                            List.of(
                                Map.of(
                                    "machineId",
                                    agent[0],
                                    "seq",
                                    s,
                                    "agentTime",
                                    Instant.now().toString(),
                                    "uptimeSeconds",
                                    100,
                                    "internetUp",
                                    true,
                                    "probes",
                                    List.of(
                                        Map.of(
                                            "target",
                                            "https://dichvucong.gov.vn",
                                            "kind",
                                            "http",
                                            "internet",
                                            true,
                                            "ok",
                                            true,
                                            "latencyMillis",
                                            80))))));
                HttpResponse<String> r =
                    client.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/heartbeats"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + agent[1])
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                (r.statusCode() == 200 ? ok : other).incrementAndGet();
              } catch (Exception e) {
                other.incrementAndGet();
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    System.out.printf(
        "machines=%d threads=%d seconds=%d acknowledged=%d other=%d requests/s=%.0f%n",
        machines, threads, seconds, ok.get(), other.get(), ok.get() / (double) seconds);
    System.exit(0);
  }

  private static JsonNode post(HttpClient client, String url, String token, Object body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }
}

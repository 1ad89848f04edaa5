package io.digiready.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.protocol.Json;
import io.digiready.simulator.CollectorClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real collector jar on 127.0.0.1, a free port and a data directory of its own. */
final class CollectorProcess extends Child {
  static final ObjectMapper JSON = Json.mapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Path dataDir;
  final int port;
  private final List<String> extraArgs;

  CollectorProcess(Path dataDir, String... extraArgs) {
    this(dataDir, freePort(), extraArgs);
  }

  CollectorProcess(Path dataDir, int port, String... extraArgs) {
    super("collector", dataDir.resolve("collector.log"));
    this.dataDir = dataDir;
    this.port = port;
    this.extraArgs = List.of(extraArgs);
  }

  CollectorProcess startAndAwaitReady() throws InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(jar("collector").toString());
    command.add("serve");
    command.add("--port");
    command.add(String.valueOf(port));
    command.add("--bind-address");
    command.add("127.0.0.1");
    command.add("--data-dir");
    command.add(dataDir.toString());
    command.addAll(extraArgs);
    start(command);
    await(Duration.ofSeconds(60), "the collector to be ready\n" + log(), this::ready);
    return this;
  }

  boolean ready() {
    if (!alive()) {
      throw new AssertionError("the collector exited:\n" + log());
    }
    try {
      return get("/health/ready", null).statusCode() == 200;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /** Whether this collector holds the background lease (its {@code /metrics} says so). */
  boolean leaseHolder() {
    try {
      return get("/metrics", null)
          .body()
          .lines()
          .anyMatch(l -> l.equals("digiready_collector_lease 1.0"));
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  String adminToken() {
    int given = extraArgs.indexOf("--admin-token");
    if (given >= 0) {
      return extraArgs.get(given + 1);
    }
    try {
      return Files.readString(dataDir.resolve("admin-token"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CollectorClient client() {
    return new CollectorClient(URI.create(url()), adminToken());
  }

  HttpResponse<String> get(String path, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request.build());
  }

  JsonNode adminJson(String path) {
    HttpResponse<String> response = get(path, adminToken());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> adminPost(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + adminToken())
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  /** Any request with a JSON body (or none), as the given bearer (null for none). */
  HttpResponse<String> request(String method, String path, String bearer, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request.build());
  }

  /** Creates a unit and returns an enrollment token for it. */
  String unitWithToken(String code, int staff) {
    HttpResponse<String> unit =
        adminPost(
            "/api/v1/units",
            "application/json",
            "{\"code\":\""
                + code
                + "\",\"name\":\"Xã "
                + code
                + "\",\"kind\":\"commune\",\"staff\":"
                + staff
                + "}");
    if (unit.statusCode() != 201) {
      throw new AssertionError("unit: " + unit.statusCode() + " " + unit.body());
    }
    return client().enrollmentToken(code);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

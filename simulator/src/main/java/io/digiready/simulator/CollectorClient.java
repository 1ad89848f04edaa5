package io.digiready.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.protocol.Endpoints;
import io.digiready.protocol.EnrollRequest;
import io.digiready.protocol.EnrollResponse;
import io.digiready.protocol.HeartbeatAck;
import io.digiready.protocol.HeartbeatBatch;
import io.digiready.protocol.InventoryReport;
import io.digiready.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Talks to a collector over its real HTTP API, as agents and administrators do. */
public final class CollectorClient {
  private static final ObjectMapper JSON = Json.mapper();
  private static final int GZIP_ABOVE_BYTES = 1024;

  private final HttpClient http;
  private final URI base;
  private final String adminToken;

  public CollectorClient(URI base, String adminToken) {
    this.base = base;
    this.adminToken = adminToken;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A non-2xx answer, with the collector's {@code {"error","detail"}} body. */
  public static final class HttpStatusException extends RuntimeException {
    private final int status;

    HttpStatusException(String what, int status, String body) {
      super(what + " answered " + status + ": " + body);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  public EnrollResponse enroll(EnrollRequest request) {
    return send("enroll", post(Endpoints.ENROLL, null, request), 201, EnrollResponse.class);
  }

  public HeartbeatAck heartbeats(String agentToken, HeartbeatBatch batch) {
    return send(
        "heartbeats", post(Endpoints.HEARTBEATS, agentToken, batch), 200, HeartbeatAck.class);
  }

  public void inventory(String agentToken, InventoryReport report) {
    send("inventory", post(Endpoints.INVENTORY, agentToken, report), 200, JsonNode.class);
  }

  /** Imports a unit tree; all or nothing on the collector's side. */
  public void importUnits(String csv) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/units/import"))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "text/csv; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
            .timeout(Duration.ofSeconds(30))
            .build();
    send("unit import", request, 200, JsonNode.class);
  }

  public List<Map<String, Object>> units() {
    HttpRequest request = adminGet(Endpoints.UNITS);
    String body = send("units", request, 200, String.class);
    try {
      return JSON.readValue(body, new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode adminGetJson(String path) {
    return send(path, adminGet(path), 200, JsonNode.class);
  }

  /**
   * Creates a unit enrollment token and returns the secret, which the collector shows only once.
   */
  public String enrollmentToken(String unitCode) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/units/" + unitCode + "/enrollment-tokens"))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .timeout(Duration.ofSeconds(30))
            .build();
    return send("enrollment token", request, 201, JsonNode.class).get("token").asText();
  }

  private HttpRequest adminGet(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Bearer " + adminToken)
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
  }

  private HttpRequest post(String path, String bearer, Object body) {
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    if (json.length > GZIP_ABOVE_BYTES) {
      builder.header("Content-Encoding", "gzip");
      json = gzip(json);
    }
    return builder.POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
  }

  private <T> T send(String what, HttpRequest request, int expected, Class<T> type) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + ": interrupted", e);
    }
    if (response.statusCode() != expected) {
      throw new HttpStatusException(what, response.statusCode(), response.body());
    }
    if (type == String.class) {
      return type.cast(response.body());
    }
    try {
      return JSON.readValue(response.body(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(what + ": unreadable answer", e);
    }
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

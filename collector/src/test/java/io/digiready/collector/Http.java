package io.digiready.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

/** A small HTTP client for tests: real requests to the collector on 127.0.0.1. */
public final class Http {
  public static final ObjectMapper JSON = Json.mapper();
  private final HttpClient client;
  private final String base;

  public Http(String base) {
    this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
  }

  public Http(String base, HttpClient client) {
    this.base = base;
    this.client = client;
  }

  /** An answer: status, headers and the raw body. */
  public record Answer(int status, String body, HttpResponse<byte[]> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Answer get(String path, String token) {
    return send(builder(path, token).GET().build());
  }

  public Answer delete(String path, String token) {
    return send(builder(path, token).DELETE().build());
  }

  public Answer post(String path, String token, Object body) {
    return send("POST", path, token, "application/json", bytes(body), false);
  }

  public Answer put(String path, String token, Object body) {
    return send("PUT", path, token, "application/json", bytes(body), false);
  }

  public Answer send(
      String method, String path, String token, String contentType, byte[] body, boolean gzip) {
    HttpRequest.Builder b = builder(path, token);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    byte[] payload = body;
    if (gzip) {
      payload = gzip(body);
      b.header("Content-Encoding", "gzip");
    }
    return send(b.method(method, HttpRequest.BodyPublishers.ofByteArray(payload)).build());
  }

  public Answer sendRaw(HttpRequest request) {
    return send(request);
  }

  public HttpRequest.Builder builder(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
    } catch (IOException e) {
      throw new AssertionError("request failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public static byte[] bytes(Object body) {
    try {
      if (body instanceof String s) {
        return s.getBytes(StandardCharsets.UTF_8);
      }
      if (body instanceof byte[] b) {
        return b;
      }
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  public static byte[] gzip(byte[] data) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(data);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests Jetty refuses before any route runs get {@code {"error","detail"}} like every other
 * answer, not Jetty's HTML page; seen on a raw socket, since an HTTP client cannot send them.
 */
class MalformedHttpTest {
  @TempDir Path dir;

  @Test
  void a_malformed_header_line_is_a_json_400() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      String answer =
          exchange(
              c.collector.port(),
              "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n");

      assertThat(answer).startsWith("HTTP/1.1 400 ");
      assertThat(header(answer, "Content-Type")).isEqualTo("application/json; charset=utf-8");
      JsonNode body = body(answer);
      assertThat(body.get("error").asText()).isEqualTo("invalid_request");
      assertThat(body.get("detail").asText()).isEqualTo("request: malformed HTTP");
    }
  }

  @Test
  void headers_over_the_limit_are_a_json_431() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      String answer =
          exchange(
              c.collector.port(),
              "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: "
                  + "x".repeat(64 * 1024)
                  + "\r\n\r\n");

      assertThat(answer).startsWith("HTTP/1.1 431 ");
      JsonNode body = body(answer);
      assertThat(body.get("error").asText()).isEqualTo("too_large");
      assertThat(body.get("detail").asText()).isEqualTo("headers: too large");
      assertThat(answer).doesNotContain("xxxxxxxx");
    }
  }

  /** Sends the bytes, then reads the whole answer (Jetty closes the connection after it). */
  private static String exchange(int port, String request) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          out.write(buffer, 0, n);
        }
      } catch (java.net.SocketException e) {
        // A reset after the answer (Jetty closes without reading the rest): the answer is in.
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static String header(String answer, String name) {
    for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return null;
  }

  private static JsonNode body(String answer) throws Exception {
    return Http.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the collector does with a client that sends its body too slowly, too big, or not at all,
 * seen on a raw socket. (Many such clients at once: {@code SlowUploadsIT}.)
 */
class SlowClientsTest {
  @TempDir Path dir;

  static Socket post(int port, String path, long contentLength, String firstBytes)
      throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setSoTimeout(10_000);
    OutputStream out = s.getOutputStream();
    out.write(
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + contentLength
                + "\r\n\r\n"
                + firstBytes)
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  static String statusLine(Socket s) throws IOException {
    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
        .readLine();
  }

  @Test
  void an_enrollment_body_over_256_kib_is_refused_with_413_but_a_batch_of_that_size_is_read()
      throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      byte[] body = new byte[300_000];
      java.util.Arrays.fill(body, (byte) ' ');
      body[0] = '{';
      body[body.length - 1] = '}';
      Http.Answer enroll =
          c.http.send("POST", "/api/v1/enroll", null, "application/json", body, false);
      assertThat(enroll.status()).isEqualTo(413);
      assertThat(enroll.json().get("detail").asText())
          .isEqualTo("body: must be at most 262144 bytes");
      // The same size to the heartbeat route gets as far as the parser (which wants heartbeats).
      Http.Answer batch =
          c.http.send(
              "POST", "/api/v1/heartbeats", "no-such-token", "application/json", body, false);
      assertThat(batch.status()).isEqualTo(401);
    }
  }

  @Test
  void a_body_that_trickles_slower_than_the_minimum_rate_is_refused_with_408() throws Exception {
    try (TestCollector c = new TestCollector(dir, "minRequestBytesPerSecond", "1024");
        Socket s = post(c.collector.port(), "/api/v1/heartbeats", 10_000, "{")) {
      Thread.sleep(BodyGrace.MILLIS + 1_500);
      s.getOutputStream().write(' ');
      s.getOutputStream().flush();
      assertThat(statusLine(s)).isEqualTo("HTTP/1.1 408 Request Timeout");
    }
  }

  @Test
  void a_client_that_sends_nothing_after_its_headers_is_closed_by_the_idle_timeout()
      throws Exception {
    try (TestCollector c = new TestCollector(dir, "httpIdleTimeoutSeconds", "1");
        Socket s = post(c.collector.port(), "/api/v1/enroll", 1_000, "")) {
      long start = System.nanoTime();
      try {
        // Whatever is answered, the connection ends: read until the end of the stream.
        while (s.getInputStream().read() >= 0) {
          // drain
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("still open after 10 s", e);
      } catch (IOException reset) {
        // closed by a reset: also closed
      }
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(500L, 5_000L);
    }
  }

  /** The grace before the average rate counts, as {@code web.BodyBuffering} has it. */
  static final class BodyGrace {
    static final long MILLIS = 2_000;
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeats are answered after their commit from outside Jetty's request threads. A client that
 * sends heartbeats back to back on one connection and never reads the answers fills its socket
 * buffers until writing its next answer blocks: that must hold up only that client, not the answers
 * of every other machine until the connection's idle timeout.
 */
class UnreadAnswersTest {
  @TempDir Path dir;

  private static final int PIPELINED = 5_000;

  @Test
  void a_client_that_never_reads_its_answers_does_not_hold_up_other_machines() throws Exception {
    try (TestCollector c =
        new TestCollector(
            dir,
            "heartbeatRateLimit",
            "false",
            "sqliteSynchronous",
            "NORMAL",
            "httpIdleTimeoutSeconds",
            "60")) {
      c.createUnit("a", "Xã A", null, "commune", 3);
      String token = c.enrollmentToken("a");
      Agent greedy = c.enroll(token, "PC-1", "uuid-1", "sn-1", "os-1");
      Agent other = c.enroll(token, "PC-2", "uuid-2", "sn-2", "os-2");
      assertThat(c.beat(other, 1, true).status()).isEqualTo(200);

      byte[] request = pipelinedHeartbeat(c, greedy);
      // Small socket buffers on both sides: a few hundred unread answers fill them.
      c.collector.http().acceptedSendBufferBytes(4096);
      try (Socket s = new Socket()) {
        // A small receive window: the answers fill it, and the collector's send buffer, soon.
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), c.collector.port()));
        CompletableFuture<Void> sending =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    OutputStream out = s.getOutputStream();
                    for (int i = 0; i < PIPELINED; i++) {
                      out.write(request);
                    }
                    out.flush();
                  } catch (IOException e) {
                    // the socket is closed at the end of the test while this may still block
                  }
                });
        double handled = waitUntilStill(c);
        assertThat(handled)
            .as("the greedy client's answers must have filled its buffers before all were sent")
            .isGreaterThan(10)
            .isLessThan(PIPELINED);

        CompletableFuture<Http.Answer> answer =
            CompletableFuture.supplyAsync(() -> c.beat(other, 2, true));
        Http.Answer a = answer.get(10, TimeUnit.SECONDS);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("accepted").asInt()).isEqualTo(1);
        sending.cancel(true);
      }
    }
  }

  private static byte[] pipelinedHeartbeat(TestCollector c, Agent agent) throws IOException {
    byte[] body =
        Http.JSON.writeValueAsBytes(
            Fixtures.batch(Fixtures.heartbeat(agent.machineId(), 1, c.clock.instant(), true)));
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.write(
        ("POST /api/v1/heartbeats HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + agent.token()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    request.write(body);
    return request.toByteArray();
  }

  /** Heartbeat requests handled once their count has not moved for a second (at most 30 s). */
  private static double waitUntilStill(TestCollector c) throws InterruptedException {
    double before = -1;
    double now = handled(c);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (now != before && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      before = now;
      now = handled(c);
    }
    return now;
  }

  private static double handled(TestCollector c) {
    PromText metrics = new PromText(c.http.get("/metrics", null).body());
    double sum = 0;
    for (PromText.Sample s :
        metrics.find("digiready_reports_received_total", "kind", "heartbeat")) {
      sum += s.value();
    }
    return sum;
  }
}

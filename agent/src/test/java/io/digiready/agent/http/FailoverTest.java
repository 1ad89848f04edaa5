package io.digiready.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.probe.ProxyChoice;
import io.digiready.agent.send.Sender;
import io.digiready.agent.send.SenderState;
import io.digiready.agent.spool.Spool;
import io.digiready.agent.testing.FakeCollector;
import io.digiready.agent.testing.FakeCollector.Fault;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: several collector URLs without a load balancer, tried in order. */
class FailoverTest {
  private static final ObjectMapper JSON = Json.mapper();

  @TempDir java.nio.file.Path dir;
  private FakeCollector first;
  private FakeCollector second;
  private Spool spool;
  private final TestClock clock = new TestClock();

  /** A clock the test moves by hand. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-12-01T08:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    first = new FakeCollector();
    second = new FakeCollector();
    spool = Spool.open(dir.resolve("spool"), 1 << 24, Duration.ofDays(30), Clock.systemUTC());
  }

  @AfterEach
  void tearDown() throws Exception {
    spool.close();
    first.close();
    second.close();
  }

  private CollectorEndpoints endpoints(URI... urls) {
    return new CollectorEndpoints(List.of(urls), clock, CollectorEndpoints.FAILBACK);
  }

  private Sender sender(CollectorEndpoints endpoints) {
    CollectorClient client =
        new CollectorClient(endpoints, null, ProxyChoice.of(null), 700, "test");
    Identity identity = new Identity("m-test-1", first.token, null);
    return new Sender(
        spool,
        client,
        () -> identity,
        new SenderState(dir.resolve("sender-state.json")),
        500,
        new Backoff(1000, 300_000, new Random(7)),
        clock);
  }

  private void spoolHeartbeats(long from, long to) throws Exception {
    for (long seq = from; seq <= to; seq++) {
      Heartbeat h =
          new Heartbeat(null, seq, Instant.now(), 10L, List.of(), false, 1L, 1L, 2L, 1L, 0.1, 0L);
      spool.appendHeartbeat(JSON.writeValueAsBytes(h));
    }
  }

  private static URI deadUrl() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  private static void drainUntilIdle(Sender sender) {
    for (int i = 0; i < 10; i++) {
      if (sender.drain().idle()) {
        return;
      }
    }
    throw new AssertionError("the spool did not drain");
  }

  @Test
  void with_the_first_collector_down_everything_goes_to_the_second_once() throws Exception {
    CollectorEndpoints endpoints = endpoints(deadUrl(), second.url());
    spoolHeartbeats(1, 30);
    spool.appendInventory("{\"hostname\":\"pc-1\",\"schemaVersion\":1}".getBytes());

    drainUntilIdle(sender(endpoints));

    assertThat(second.storedSeqs())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
    assertThat(second.inventories).hasSize(1);
    assertThat(second.duplicates.get()).isZero();
    assertThat(spool.depth()).isZero();
    assertThat(endpoints.current()).isEqualTo(second.url());
  }

  @Test
  void a_5xx_from_the_first_sends_the_same_batch_to_the_second_and_stays_there() throws Exception {
    CollectorEndpoints endpoints = endpoints(first.url(), second.url());
    first.heartbeatFaults.add(Fault.status(500, "internal", "disk full"));
    Sender sender = sender(endpoints);
    spoolHeartbeats(1, 5);
    drainUntilIdle(sender);
    spoolHeartbeats(6, 8);
    drainUntilIdle(sender);

    assertThat(first.storedSeqs()).isEmpty();
    assertThat(first.requests.get()).isEqualTo(1); // the second batch went straight to the second
    assertThat(second.storedSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
  }

  @Test
  void after_the_failback_period_the_first_collector_is_used_again() throws Exception {
    CollectorEndpoints endpoints = endpoints(first.url(), second.url());
    first.heartbeatFaults.add(Fault.status(503, "busy", "starting"));
    Sender sender = sender(endpoints);
    spoolHeartbeats(1, 3);
    drainUntilIdle(sender);

    clock.now = clock.now.plus(CollectorEndpoints.FAILBACK).minusSeconds(1);
    spoolHeartbeats(4, 5);
    drainUntilIdle(sender);
    clock.now = clock.now.plusSeconds(1);
    spoolHeartbeats(6, 7);
    drainUntilIdle(sender);

    assertThat(second.storedSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(first.storedSeqs()).containsExactly(6L, 7L);
    assertThat(endpoints.current()).isEqualTo(first.url());
  }

  @Test
  void a_first_collector_still_down_at_failback_costs_one_try_per_period() throws Exception {
    URI dead = deadUrl();
    CollectorEndpoints endpoints = endpoints(dead, second.url());
    List<URI> orders = new ArrayList<>();
    Sender sender = sender(endpoints);
    spoolHeartbeats(1, 1);
    drainUntilIdle(sender);
    clock.now = clock.now.plus(CollectorEndpoints.FAILBACK);
    orders.add(endpoints.order().get(0));
    spoolHeartbeats(2, 2);
    drainUntilIdle(sender); // tries the first, fails, the second answers
    orders.add(endpoints.order().get(0));

    assertThat(orders).containsExactly(dead, second.url());
    assertThat(second.storedSeqs()).containsExactly(1L, 2L);
  }

  @Test
  void when_every_collector_fails_the_last_answer_is_what_the_sender_sees() throws Exception {
    CollectorEndpoints endpoints = endpoints(deadUrl(), second.url());
    second.heartbeatFaults.add(Fault.busy(9));
    spoolHeartbeats(1, 2);
    Sender.Result r = sender(endpoints).drain();
    assertThat(r.idle()).isFalse();
    assertThat(r.delayMillis()).isEqualTo(9000L); // the second's Retry-After
    assertThat(spool.depth()).isEqualTo(2);
  }
}

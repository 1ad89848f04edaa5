package io.digiready.agent.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.agent.http.Backoff;
import io.digiready.agent.http.CollectorClient;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.probe.ProxyChoice;
import io.digiready.agent.spool.Spool;
import io.digiready.agent.testing.FakeCollector;
import io.digiready.agent.testing.FakeCollector.Fault;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SenderTest {
  private static final ObjectMapper JSON = Json.mapper();

  @TempDir Path dir;
  private FakeCollector collector;
  private Spool spool;
  private SenderState state;
  private Identity identity;

  @BeforeEach
  void setUp() throws Exception {
    collector = new FakeCollector();
    spool = Spool.open(dir.resolve("spool"), 1 << 24, Duration.ofDays(30), Clock.systemUTC());
    state = new SenderState(dir.resolve("sender-state.json"));
    identity = new Identity("m-test-1", collector.token, collector.url().toString());
  }

  @AfterEach
  void tearDown() throws Exception {
    spool.close();
    collector.close();
  }

  private Sender sender(int batchSize) {
    CollectorClient client =
        new CollectorClient(collector.url(), null, ProxyChoice.of(null), 700, "test");
    return new Sender(
        spool,
        client,
        () -> identity,
        state,
        batchSize,
        new Backoff(1000, 300_000, new Random(42)),
        Clock.systemUTC());
  }

  private void spoolHeartbeats(long from, long to) throws Exception {
    for (long seq = from; seq <= to; seq++) {
      Heartbeat h =
          new Heartbeat(null, seq, Instant.now(), 10L, List.of(), false, 1L, 1L, 2L, 1L, 0.1, 0L);
      spool.appendHeartbeat(JSON.writeValueAsBytes(h));
    }
  }

  /** Calls drain until the spool is empty, without sleeping; returns the delays asked for. */
  private List<Long> drainUntilIdle(Sender sender, int maxCalls) {
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < maxCalls; i++) {
      Sender.Result r = sender.drain();
      if (r.idle()) {
        return delays;
      }
      delays.add(r.delayMillis());
    }
    throw new AssertionError("spool not drained after " + maxCalls + " calls: " + delays);
  }

  @Test
  void through_timeouts_errors_401_and_503_every_heartbeat_arrives_once_in_order()
      throws Exception {
    spoolHeartbeats(1, 120);
    collector.heartbeatFaults.add(Fault.hang(1500));
    collector.heartbeatFaults.add(Fault.status(500, "internal", "oops"));
    collector.heartbeatFaults.add(Fault.status(401, "unauthorized", "token revoked"));
    collector.heartbeatFaults.add(Fault.busy(7));
    collector.heartbeatFaults.add(Fault.status(502, "bad_gateway", "proxy"));
    collector.loseNextAnswer = true;

    List<Long> delays = drainUntilIdle(sender(50), 50);

    assertThat(collector.storedSeqs())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 120).boxed().toList());
    assertThat(collector.stored).allMatch(h -> "m-test-1".equals(h.machineId()));
    assertThat(collector.batchSizes).allMatch(n -> n <= 50);
    assertThat(collector.duplicates.get()).isEqualTo(50); // the batch whose answer was lost
    assertThat(delays).contains(7000L); // Retry-After honoured exactly
    assertThat(spool.depth()).isZero();
    assertThat(state.snapshot().lastSuccess()).isNotNull();
    assertThat(state.snapshot().lastErrorMessage()).isNotNull();
  }

  @Test
  void a_429_waits_as_long_as_its_retry_after_says_and_loses_nothing() throws Exception {
    spoolHeartbeats(1, 3);
    collector.heartbeatFaults.add(Fault.rateLimited(42));

    List<Long> delays = drainUntilIdle(sender(500), 5);

    assertThat(delays).containsExactly(42_000L);
    assertThat(collector.storedSeqs()).containsExactly(1L, 2L, 3L);
    assertThat(state.snapshot().lastErrorMessage()).isNotNull();
  }

  @Test
  void the_back_off_grows_while_the_collector_keeps_failing() throws Exception {
    spoolHeartbeats(1, 3);
    for (int i = 0; i < 6; i++) {
      collector.heartbeatFaults.add(Fault.status(500, "internal", "down"));
    }
    Sender sender = sender(500);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Sender.Result r = sender.drain();
      assertThat(r.idle()).isFalse();
      delays.add(r.delayMillis());
    }
    for (int i = 1; i < delays.size(); i++) {
      assertThat(delays.get(i)).isGreaterThan(delays.get(i - 1));
    }
    assertThat(spool.depth()).isEqualTo(3);
    assertThat(drainUntilIdle(sender, 3)).isEmpty();
    assertThat(collector.storedSeqs()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void a_connection_refused_keeps_everything_spooled() throws Exception {
    spoolHeartbeats(1, 2);
    collector.close();
    Sender.Result r = sender(500).drain();
    assertThat(r.idle()).isFalse();
    assertThat(spool.depth()).isEqualTo(2);
    assertThat(state.snapshot().lastErrorMessage()).startsWith("refused");
  }

  @Test
  void a_heartbeat_the_collector_calls_invalid_goes_to_the_dead_letter_file_and_the_rest_arrive()
      throws Exception {
    spoolHeartbeats(1, 10);
    collector.rejectSeq = 5L;
    drainUntilIdle(sender(500), 20);
    assertThat(collector.storedSeqs()).containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L);
    String dead = Files.readString(dir.resolve("spool").resolve("dead-letter.jsonl"));
    assertThat(dead.lines()).hasSize(1);
    assertThat(dead).contains("\"seq\":5").contains("HTTP 400");
  }

  @Test
  void the_rejected_heartbeat_is_found_by_the_field_path_not_by_the_wording_of_the_detail()
      throws Exception {
    spoolHeartbeats(1, 10);
    collector.rejectSeq = 7L;
    collector.rejectDetail = "heartbeats[0] looks wrong (wording for people, not programs)";
    drainUntilIdle(sender(500), 20);
    assertThat(collector.storedSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 8L, 9L, 10L);
    // the good six went in one request, then the culprit alone: the field was used
    assertThat(collector.batchSizes.get(0)).isEqualTo(6);
    assertThat(Files.readString(dir.resolve("spool").resolve("dead-letter.jsonl")))
        .contains("\"seq\":7");
  }

  @Test
  void without_a_field_path_the_batch_is_halved_until_the_culprit_stands_alone() throws Exception {
    spoolHeartbeats(1, 10);
    collector.rejectSeq = 5L;
    collector.legacyErrors = true;
    drainUntilIdle(sender(500), 40);
    assertThat(collector.storedSeqs()).containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L);
    assertThat(Files.readString(dir.resolve("spool").resolve("dead-letter.jsonl")).lines())
        .hasSize(1)
        .allMatch(line -> line.contains("\"seq\":5"));
  }

  @Test
  void a_413_splits_the_batch_by_status_alone() throws Exception {
    spoolHeartbeats(1, 8);
    collector.heartbeatFaults.add(Fault.status(413, "too_large", "heartbeats[2].seq: body"));
    drainUntilIdle(sender(500), 10);
    assertThat(collector.batchSizes.get(0)).isEqualTo(4);
    assertThat(collector.storedSeqs()).hasSize(8);
  }

  @Test
  void a_revoked_token_keeps_spooling_and_retrying_and_never_leaks_the_token() throws Exception {
    spoolHeartbeats(1, 5);
    String good = identity.agentToken();
    identity = new Identity("m-test-1", "revoked-token-abcdef", identity.collectorUrl());
    Sender sender = sender(500);
    long previous = 0;
    for (int i = 0; i < 3; i++) {
      Sender.Result r = sender.drain();
      assertThat(r.idle()).isFalse();
      assertThat(r.delayMillis()).isGreaterThan(previous);
      previous = r.delayMillis();
    }
    assertThat(spool.depth()).isEqualTo(5);
    assertThat(state.snapshot().lastErrorStatus()).isEqualTo(401);
    state.flush();
    assertThat(Files.readString(dir.resolve("sender-state.json")))
        .doesNotContain("revoked-token-abcdef")
        .doesNotContain(good);
    identity = new Identity("m-test-1", good, identity.collectorUrl());
    drainUntilIdle(sender, 3);
    assertThat(collector.storedSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void inventories_are_sent_with_the_machine_id_before_heartbeats() throws Exception {
    spool.appendInventory("{\"hostname\":\"pc-1\",\"schemaVersion\":1}".getBytes());
    spoolHeartbeats(1, 2);
    drainUntilIdle(sender(500), 5);
    assertThat(collector.inventories).hasSize(1);
    assertThat(collector.inventories.get(0))
        .contains("\"machineId\":\"m-test-1\"")
        .contains("pc-1");
    assertThat(collector.storedSeqs()).containsExactly(1L, 2L);
  }

  @Test
  void nothing_is_sent_before_enrollment() throws Exception {
    spoolHeartbeats(1, 2);
    identity = null;
    Sender.Result r = sender(500).drain();
    assertThat(r.idle()).isFalse();
    assertThat(collector.requests.get()).isZero();
  }

  @Test
  void a_batch_body_is_valid_json_with_the_machine_id_in_every_heartbeat() throws Exception {
    Heartbeat unowned =
        new Heartbeat(null, 1L, Instant.now(), 1L, List.of(), true, 1L, 1L, 2L, 1L, 0.5, 0L);
    Heartbeat owned =
        new Heartbeat("m-old", 2L, Instant.now(), 1L, List.of(), true, 1L, 1L, 2L, 1L, 0.5, 0L);
    List<io.digiready.agent.spool.Entry> entries =
        List.of(
            new io.digiready.agent.spool.Entry(
                io.digiready.agent.spool.Entry.Kind.HEARTBEAT,
                1,
                0,
                JSON.writeValueAsBytes(unowned)),
            new io.digiready.agent.spool.Entry(
                io.digiready.agent.spool.Entry.Kind.HEARTBEAT,
                2,
                0,
                JSON.writeValueAsBytes(owned)));
    byte[] body = Sender.batchBody(entries, "m-\"quoted\"");
    io.digiready.protocol.HeartbeatBatch batch =
        JSON.readValue(body, io.digiready.protocol.HeartbeatBatch.class);
    io.digiready.protocol.ProtocolValidator.heartbeatBatch(batch, Instant.now());
    assertThat(batch.heartbeats()).extracting(Heartbeat::machineId).containsOnly("m-\"quoted\"");
    assertThat(batch.heartbeats()).extracting(Heartbeat::seq).containsExactly(1L, 2L);
  }

  @Test
  void the_back_off_is_capped_at_five_minutes() {
    Backoff b = new Backoff(1000, 300_000, new Random(1));
    long last = 0;
    for (int i = 0; i < 20; i++) {
      last = b.next();
      assertThat(last).isLessThanOrEqualTo(300_000);
    }
    assertThat(last).isGreaterThanOrEqualTo(240_000);
    b.reset();
    assertThat(b.next()).isLessThan(1300);
  }
}

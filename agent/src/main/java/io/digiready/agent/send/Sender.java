package io.digiready.agent.send;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digiready.agent.http.Answers;
import io.digiready.agent.http.Backoff;
import io.digiready.agent.http.CollectorClient;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.json.Jackson;
import io.digiready.agent.json.JsonWriter;
import io.digiready.agent.spool.Entry;
import io.digiready.agent.spool.Spool;
import io.digiready.protocol.Endpoints;
import io.digiready.protocol.ErrorResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the spool to the collector, oldest first: inventories, then heartbeats in gzip batches. An
 * entry leaves the spool only after a 2xx. One call of {@link #drain()} sends until the spool is
 * empty, a failure asks for a pause, or a few batches went out (so heartbeats keep their pace).
 */
public final class Sender {
  private static final Logger log = LoggerFactory.getLogger(Sender.class);
  private static final int MAX_REQUESTS_PER_DRAIN = 20;
  private static final byte[] BATCH_OPEN = "{\"heartbeats\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NULL_MACHINE =
      "{\"machineId\":null,".getBytes(StandardCharsets.UTF_8);

  /**
   * What to do next: {@code idle} when the spool is empty, else try again after the delay; {@code
   * unauthorized} when the collector refused the agent token (401), so that the caller may enroll
   * again.
   */
  public record Result(boolean idle, long delayMillis, boolean unauthorized) {
    Result(boolean idle, long delayMillis) {
      this(idle, delayMillis, false);
    }
  }

  private final Spool spool;
  private final CollectorClient client;
  private final Supplier<Identity> identity;
  private final SenderState state;
  private final int batchSize;
  private final Backoff backoff;
  private final Clock clock;
  private int limit;
  private boolean unauthorizedLogged;
  private int lastStatus;

  public Sender(
      Spool spool,
      CollectorClient client,
      Supplier<Identity> identity,
      SenderState state,
      int batchSize,
      Backoff backoff,
      Clock clock) {
    this.spool = spool;
    this.client = client;
    this.identity = identity;
    this.state = state;
    this.batchSize = batchSize;
    this.backoff = backoff;
    this.clock = clock;
    this.limit = batchSize;
  }

  public Result drain() {
    Identity id = identity.get();
    if (id == null) {
      return new Result(spool.depth() == 0, 0);
    }
    try {
      for (int requests = 0; requests < MAX_REQUESTS_PER_DRAIN; requests++) {
        Entry inventory = spool.peekInventory();
        Long pause;
        if (inventory != null) {
          pause = sendInventory(id, inventory);
        } else {
          List<Entry> batch = spool.peekHeartbeats(limit);
          if (batch.isEmpty()) {
            backoff.reset();
            return new Result(true, 0);
          }
          pause = sendHeartbeats(id, batch);
        }
        if (pause != null) {
          return new Result(false, pause, lastStatus == 401);
        }
      }
      return new Result(spool.depth() == 0, 0);
    } catch (IOException e) {
      log.error("event=spool_read_failed reason=\"{}\"", e.getMessage());
      return new Result(false, backoff.next());
    }
  }

  private Long sendInventory(Identity id, Entry entry) throws IOException {
    CollectorClient.Response answer;
    try {
      answer =
          client.post(
              Endpoints.INVENTORY,
              inventoryBody(entry.payload(), id.machineId()),
              id.agentToken(),
              true);
    } catch (IOException e) {
      return failed(null, Answers.describe(e));
    }
    if (answer.ok()) {
      spool.ackInventory(entry);
      succeeded("inventory", 1);
      return null;
    }
    if (isInvalid(answer.status()) || answer.status() == 413) {
      deadLetter(entry, answer);
      return null;
    }
    return refused(answer);
  }

  private Long sendHeartbeats(Identity id, List<Entry> batch) throws IOException {
    byte[] body = batchBody(batch, id.machineId());
    CollectorClient.Response answer;
    try {
      answer = client.post(Endpoints.HEARTBEATS, body, id.agentToken(), true);
    } catch (IOException e) {
      return failed(null, Answers.describe(e));
    }
    if (answer.ok()) {
      spool.ackHeartbeats(batch.get(batch.size() - 1).id());
      limit = batchSize;
      succeeded("heartbeats", batch.size());
      return null;
    }
    if (isInvalid(answer.status()) || answer.status() == 413) {
      if (batch.size() == 1) {
        deadLetter(batch.get(0), answer);
        limit = batchSize;
      } else {
        // send the good ones before the named culprit, then the culprit alone; without a named
        // culprit (a 413, or a collector that sends no field path) halve until it stands alone
        int bad = answer.status() == 413 ? -1 : rejectedIndex(answer, batch.size());
        limit = bad > 0 ? bad : bad == 0 ? 1 : Math.max(1, batch.size() / 2);
        log.warn(
            "event=batch_rejected size={} answer=\"{}\" nextBatch={}",
            batch.size(),
            Answers.describe(answer),
            limit);
      }
      return null;
    }
    return refused(answer);
  }

  /**
   * {@code {"heartbeats":[...]}} from the spooled JSON as it is, with the machine id put in: no
   * parsing per heartbeat, which is most of a heartbeat's CPU and class footprint otherwise.
   */
  static byte[] batchBody(List<Entry> batch, String machineId) throws IOException {
    byte[] prefix = ("{\"machineId\":" + quoted(machineId) + ",").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 600 + 32);
    out.write(BATCH_OPEN);
    for (int i = 0; i < batch.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      byte[] p = batch.get(i).payload();
      if (startsWith(p, NULL_MACHINE)) {
        out.write(prefix);
        out.write(p, NULL_MACHINE.length, p.length - NULL_MACHINE.length);
      } else {
        // spooled by an agent that wrote the id in: rare, and left to Jackson
        ObjectNode node = (ObjectNode) Jackson.mapper().readTree(p);
        node.put("machineId", machineId);
        out.write(Jackson.mapper().writeValueAsBytes(node));
      }
    }
    out.write(']');
    out.write('}');
    return out.toByteArray();
  }

  /**
   * {@code {"machineId":...,"inventory":...}} around the spooled inventory as it is: the bytes
   * Jackson wrote when it was spooled, which it would write again from the parsed tree.
   */
  static byte[] inventoryBody(byte[] inventory, String machineId) throws IOException {
    byte[] prefix =
        ("{\"machineId\":" + quoted(machineId) + ",\"inventory\":")
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + inventory.length + 1);
    out.write(prefix);
    out.write(inventory);
    out.write('}');
    return out.toByteArray();
  }

  private static String quoted(String s) {
    return s == null ? "null" : JsonWriter.quote(s);
  }

  private static boolean startsWith(byte[] payload, byte[] prefix) {
    if (payload.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (payload[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isInvalid(int status) {
    return status == 400 || status == 422;
  }

  /**
   * The index of the rejected heartbeat, from the answer's field path ({@code heartbeats[3].seq});
   * -1 when the answer names none, or one outside the batch. The human {@code detail} is never
   * read: its wording is for people and may change.
   */
  static int rejectedIndex(CollectorClient.Response answer, int batchSize) {
    ErrorResponse error = Answers.error(answer);
    int index = error == null ? -1 : error.indexIn("heartbeats");
    return index < batchSize ? index : -1;
  }

  private void deadLetter(Entry entry, CollectorClient.Response answer) throws IOException {
    String why = Answers.describe(answer);
    spool.deadLetter(entry, why);
    log.warn(
        "event=dead_lettered kind={} spoolId={} answer=\"{}\"",
        entry.kind().name().toLowerCase(java.util.Locale.ROOT),
        entry.id(),
        why);
    state.error(clock.instant(), answer.status(), why);
  }

  /** A non-2xx that is not about the payload: pause and retry the same entries. */
  private Long refused(CollectorClient.Response answer) {
    lastStatus = answer.status();
    String why = Answers.describe(answer);
    if (answer.status() == 401) {
      if (!unauthorizedLogged) {
        log.error(
            "event=agent_token_rejected answer=\"{}\" action=\"keep spooling; enroll again with the"
                + " enrollment token if one is kept\"",
            why);
        unauthorizedLogged = true;
      }
      state.error(clock.instant(), 401, why);
      return backoff.next();
    }
    // Busy (503) or over this machine's heartbeat allowance (429): the collector says when to come
    // back, and a whole province retrying on its own back-off would only arrive sooner.
    if ((answer.status() == 503 || answer.status() == 429) && answer.retryAfterSeconds() != null) {
      long wait = Math.min(3600, Math.max(1, answer.retryAfterSeconds())) * 1000;
      log.info("event=collector_busy status={} retryAfterSeconds={}", answer.status(), wait / 1000);
      state.error(clock.instant(), answer.status(), why);
      return wait;
    }
    return failed(answer.status(), why);
  }

  private Long failed(Integer status, String why) {
    lastStatus = status == null ? 0 : status;
    long delay = backoff.next();
    log.warn("event=send_failed reason=\"{}\" retryInMillis={}", why, delay);
    state.error(clock.instant(), status, why);
    return delay;
  }

  private void succeeded(String what, int count) {
    backoff.reset();
    if (unauthorizedLogged) {
      log.info("event=agent_token_accepted_again");
      unauthorizedLogged = false;
    }
    log.debug("event=sent kind={} count={}", what, count);
    state.success(clock.instant());
  }
}

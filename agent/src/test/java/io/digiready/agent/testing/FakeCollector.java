package io.digiready.agent.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.digiready.protocol.AgentConfig;
import io.digiready.protocol.EnrollRequest;
import io.digiready.protocol.EnrollResponse;
import io.digiready.protocol.ErrorResponse;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.HeartbeatAck;
import io.digiready.protocol.HeartbeatBatch;
import io.digiready.protocol.Json;
import io.digiready.protocol.ProbeTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in collector on 127.0.0.1 with the real contract: enroll, heartbeats with duplicate
 * detection by seq, inventory and agent-config. Scripted failures are served first, in order.
 */
public final class FakeCollector implements AutoCloseable {
  private static final ObjectMapper JSON = Json.mapper();

  /** One scripted answer: a status and body, an optional Retry-After, or a hang. */
  public record Fault(int status, String body, String retryAfter, long hangMillis) {
    public static Fault status(int status, String error, String detail) {
      return new Fault(
          status, "{\"error\":\"" + error + "\",\"detail\":\"" + detail + "\"}", null, 0);
    }

    public static Fault busy(int retryAfterSeconds) {
      return new Fault(
          503, "{\"error\":\"busy\",\"detail\":\"try later\"}", "" + retryAfterSeconds, 0);
    }

    public static Fault rateLimited(int retryAfterSeconds) {
      return new Fault(
          429,
          "{\"error\":\"too_many_requests\",\"detail\":\"heartbeats: too many\"}",
          "" + retryAfterSeconds,
          0);
    }

    public static Fault hang(long millis) {
      return new Fault(0, null, null, millis);
    }
  }

  private final HttpServer server;

  /** The one agent token accepted; {@link #revokeAndReissue} replaces it. */
  public volatile String token = "agent-token-secret-1234";

  /** The machine id the next enrollment answers with. */
  public volatile String machineId = "m-test-1";

  /** The enrollment tokens of every enrollment request, in order. */
  public final List<String> enrollmentTokens = new CopyOnWriteArrayList<>();

  public final List<Heartbeat> stored = new CopyOnWriteArrayList<>();
  public final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  public final List<String> inventories = new CopyOnWriteArrayList<>();
  public final List<String> authHeaders = new CopyOnWriteArrayList<>();
  public final ConcurrentLinkedQueue<Fault> heartbeatFaults = new ConcurrentLinkedQueue<>();

  /** Answers for the next enrollment attempts, before one succeeds. */
  public final ConcurrentLinkedQueue<Fault> enrollFaults = new ConcurrentLinkedQueue<>();

  public final AtomicInteger enrollAttempts = new AtomicInteger();
  public final AtomicInteger requests = new AtomicInteger();
  public final AtomicInteger duplicates = new AtomicInteger();
  public volatile Long rejectSeq;

  /**
   * Answer a rejected heartbeat as a collector of before the {@code field} path did: the index only
   * in the human {@code detail}.
   */
  public volatile boolean legacyErrors;

  /** A wording for the {@code detail} of a rejected heartbeat; null: the usual one. */
  public volatile String rejectDetail;

  /** Store the next batch, then drop the connection: the agent never learns it was stored. */
  public volatile boolean loseNextAnswer;

  public volatile int heartbeatIntervalSeconds = 60;
  public volatile List<ProbeTarget> probes = List.of();

  public FakeCollector() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/api/v1/enroll", this::enroll);
    server.createContext("/api/v1/heartbeats", this::heartbeats);
    server.createContext("/api/v1/inventory", this::inventory);
    server.createContext("/api/v1/agent-config", this::agentConfig);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Long> storedSeqs() {
    List<Long> seqs = new ArrayList<>();
    stored.forEach(h -> seqs.add(h.seq()));
    return Collections.unmodifiableList(seqs);
  }

  private AgentConfig config() {
    return new AgentConfig(heartbeatIntervalSeconds, 3600, probes);
  }

  /**
   * What an administrator's revocation (or a takeover) does: the agent token in use is refused with
   * 401 from now on, and the next enrollment hands out this machine id and token.
   */
  public void revokeAndReissue(String newMachineId, String newToken) {
    machineId = newMachineId;
    token = newToken;
  }

  private void enroll(HttpExchange ex) throws IOException {
    EnrollRequest request = JSON.readValue(body(ex), EnrollRequest.class);
    enrollmentTokens.add(request.enrollmentToken());
    enrollAttempts.incrementAndGet();
    Fault fault = enrollFaults.poll();
    if (fault != null) {
      if (fault.retryAfter() != null) {
        ex.getResponseHeaders().add("Retry-After", fault.retryAfter());
      }
      send(ex, fault.status(), fault.body().getBytes());
      return;
    }
    send(ex, 201, JSON.writeValueAsBytes(new EnrollResponse(machineId, token, config())));
  }

  private void agentConfig(HttpExchange ex) throws IOException {
    if (!authorized(ex)) {
      return;
    }
    send(ex, 200, JSON.writeValueAsBytes(config()));
  }

  private void inventory(HttpExchange ex) throws IOException {
    String body = new String(body(ex), java.nio.charset.StandardCharsets.UTF_8);
    if (!authorized(ex)) {
      return;
    }
    inventories.add(body);
    send(ex, 200, "{}".getBytes());
  }

  private void heartbeats(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    byte[] raw = body(ex);
    Fault fault = heartbeatFaults.poll();
    if (fault != null) {
      if (fault.hangMillis() > 0) {
        try {
          Thread.sleep(fault.hangMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ex.close();
        return;
      }
      if (fault.retryAfter() != null) {
        ex.getResponseHeaders().add("Retry-After", fault.retryAfter());
      }
      send(ex, fault.status(), fault.body().getBytes());
      return;
    }
    if (!authorized(ex)) {
      return;
    }
    HeartbeatBatch batch = JSON.readValue(raw, HeartbeatBatch.class);
    for (int i = 0; i < batch.heartbeats().size(); i++) {
      if (rejectSeq != null && batch.heartbeats().get(i).seq().equals(rejectSeq)) {
        String field = "heartbeats[" + i + "].seq";
        String detail = rejectDetail != null ? rejectDetail : field + ": rejected";
        ErrorResponse error =
            legacyErrors
                ? new ErrorResponse("invalid_request", detail)
                : new ErrorResponse("invalid_request", detail, field);
        send(ex, 400, JSON.writeValueAsBytes(error));
        return;
      }
    }
    batchSizes.add(batch.heartbeats().size());
    int accepted = 0;
    int dup = 0;
    synchronized (stored) {
      for (Heartbeat h : batch.heartbeats()) {
        long last = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).seq();
        if (h.seq() <= last) {
          dup++;
        } else {
          stored.add(h);
          accepted++;
        }
      }
    }
    duplicates.addAndGet(dup);
    if (loseNextAnswer) {
      loseNextAnswer = false;
      ex.close();
      return;
    }
    send(ex, 200, JSON.writeValueAsBytes(new HeartbeatAck(accepted, dup)));
  }

  private boolean authorized(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    authHeaders.add(String.valueOf(auth));
    if (!("Bearer " + token).equals(auth)) {
      send(ex, 401, "{\"error\":\"unauthorized\",\"detail\":\"unknown token\"}".getBytes());
      return false;
    }
    return true;
  }

  private static byte[] body(HttpExchange ex) throws IOException {
    InputStream raw = ex.getRequestBody();
    boolean gzip = "gzip".equals(ex.getRequestHeaders().getFirst("Content-Encoding"));
    try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      return in.readAllBytes();
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package io.digiready.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/** What the collector holds for one machine: last seq, losses and the sum of its hourly counts. */
record Ledger(long lastSeq, long lost, long storedHeartbeats) {

  static Ledger of(CollectorProcess collector, String machineId) {
    JsonNode machine = collector.adminJson("/api/v1/machines/" + machineId);
    Instant to = Instant.now().plus(Duration.ofHours(2));
    Instant from = to.minus(Duration.ofDays(2));
    JsonNode history =
        collector.adminJson(
            "/api/v1/machines/" + machineId + "/history?from=" + from + "&to=" + to);
    long stored = 0;
    for (JsonNode bucket : history.get("buckets")) {
      stored += bucket.get("heartbeats").asLong();
    }
    return new Ledger(
        machine.get("lastSeq").asLong(), machine.get("lostHeartbeats").asLong(), stored);
  }

  /**
   * Waits until the collector has everything the agent made: the agent's own count and the
   * collector's last seq agree in one consistent reading (agent, collector, agent again).
   */
  static Ledger caughtUp(CollectorProcess collector, AgentProcess agent, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Ledger last = null;
    while (Instant.now().isBefore(deadline)) {
      long before = agent.lastSeq();
      String id = agent.machineId();
      if (id != null && before > 0) {
        last = of(collector, id);
        if (last.lastSeq() == before && agent.lastSeq() == before) {
          return last;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the collector did not catch up with the agent (agent seq "
            + agent.lastSeq()
            + ", collector "
            + last
            + ")\nagent log:\n"
            + agent.log());
  }
}

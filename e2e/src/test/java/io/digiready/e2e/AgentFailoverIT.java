package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a site without a load balancer lists its collectors in {@code collectorUrl}; the real
 * agent jar, whose first collector is down, enrolls and reports through the second (the real
 * collector jar).
 */
class AgentFailoverIT {
  @TempDir Path dir;

  @Test
  void an_agent_whose_first_collector_is_down_reports_through_the_second() throws Exception {
    int deadPort = Child.freePort(); // nothing listens there
    try (CollectorProcess collector =
        new CollectorProcess(dir.resolve("data"), "--heartbeat-interval-seconds", "1")) {
      collector.startAndAwaitReady();
      String token = collector.unitWithToken("phu-loc", 10);
      String urls = "http://127.0.0.1:" + deadPort + "," + collector.url();
      try (AgentProcess agent = new AgentProcess(dir.resolve("agent"), urls, token).launch()) {
        Child.await(
            Duration.ofSeconds(60),
            "enrollment through the second collector\n" + agent.log(),
            () -> agent.machineId() != null);
        Child.await(Duration.ofSeconds(30), "a few heartbeats", () -> agent.lastSeq() >= 3);
        Ledger ledger = Ledger.caughtUp(collector, agent, Duration.ofSeconds(60));

        assertThat(ledger.lastSeq()).isGreaterThanOrEqualTo(3);
        assertThat(ledger.lost()).isZero();
        assertThat(ledger.storedHeartbeats()).isEqualTo(ledger.lastSeq());
        assertThat(agent.log())
            .contains("event=collector_failover to=" + collector.url())
            .contains("event=inventory_spooled")
            .doesNotContain("event=dead_lettered") // the inventory, software included, went in
            .doesNotContain(token);
      }
    }
  }
}

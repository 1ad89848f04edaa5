package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault tests 1-3: the real agent jar against the real collector jar, both as child processes. */
class AgentFaultIT {
  private static final String[] FAST = {"--heartbeat-interval-seconds", "1"};

  @TempDir Path dir;

  @Test
  void an_agent_started_before_the_collector_enrolls_when_it_appears_and_delivers_everything()
      throws Exception {
    int port = Child.freePort();
    String token;
    try (CollectorProcess first = new CollectorProcess(dir.resolve("data"), port, FAST)) {
      first.startAndAwaitReady();
      token = first.unitWithToken("phu-loc", 10);
      first.stop();
    }
    try (AgentProcess agent =
            new AgentProcess(dir.resolve("agent"), "http://127.0.0.1:" + port, token).launch();
        CollectorProcess collector = new CollectorProcess(dir.resolve("data"), port, FAST)) {
      Thread.sleep(4000); // the agent retries enrollment against a closed port meanwhile
      assertThat(agent.alive()).as("the agent keeps running without a collector").isTrue();
      assertThat(agent.machineId()).isNull();

      collector.startAndAwaitReady();
      Child.await(Duration.ofSeconds(60), "enrollment", () -> agent.machineId() != null);
      Child.await(Duration.ofSeconds(30), "a few heartbeats", () -> agent.lastSeq() >= 3);
      Ledger ledger = Ledger.caughtUp(collector, agent, Duration.ofSeconds(60));

      assertThat(ledger.lost()).isZero();
      assertThat(ledger.storedHeartbeats()).isEqualTo(ledger.lastSeq());
    }
  }

  @Test
  void a_collector_down_for_20_seconds_loses_nothing_and_counts_nothing_twice() throws Exception {
    int port = Child.freePort();
    try (CollectorProcess collector = new CollectorProcess(dir.resolve("data"), port, FAST)) {
      collector.startAndAwaitReady();
      String token = collector.unitWithToken("ea-ho", 10);
      try (AgentProcess agent =
          new AgentProcess(dir.resolve("agent"), collector.url(), token).launch()) {
        Child.await(Duration.ofSeconds(60), "first heartbeats", () -> agent.lastSeq() >= 3);
        Ledger.caughtUp(collector, agent, Duration.ofSeconds(30));

        collector.stop();
        long beforeOutage = agent.lastSeq();
        Thread.sleep(20_000); // the outage itself
        long duringOutage = agent.lastSeq() - beforeOutage;
        collector.startAndAwaitReady();

        Ledger ledger = Ledger.caughtUp(collector, agent, Duration.ofSeconds(90));
        assertThat(duringOutage)
            .as("heartbeats made while the collector was down")
            .isGreaterThanOrEqualTo(15);
        assertThat(ledger.lastSeq()).isGreaterThan(beforeOutage + duringOutage);
        assertThat(ledger.lost()).isZero();
        assertThat(ledger.storedHeartbeats()).isEqualTo(ledger.lastSeq());
      }
    }
  }

  @Test
  void an_agent_killed_with_sigkill_continues_its_sequence_after_a_restart() throws Exception {
    try (CollectorProcess collector = new CollectorProcess(dir.resolve("data"), FAST)) {
      collector.startAndAwaitReady();
      String token = collector.unitWithToken("ea-tan", 10);
      AgentProcess agent = new AgentProcess(dir.resolve("agent"), collector.url(), token).launch();
      Child.await(Duration.ofSeconds(60), "heartbeats", () -> agent.lastSeq() >= 5);
      agent.kill();
      long atKill = agent.lastSeq();
      String machineId = agent.machineId();

      try (AgentProcess again =
          new AgentProcess(dir.resolve("agent"), collector.url(), null).launch()) {
        Child.await(Duration.ofSeconds(60), "new heartbeats", () -> again.lastSeq() >= atKill + 3);
        Ledger ledger = Ledger.caughtUp(collector, again, Duration.ofSeconds(60));

        assertThat(again.machineId()).isEqualTo(machineId);
        assertThat(ledger.lastSeq()).isGreaterThan(atKill);
        assertThat(ledger.lost()).isZero();
        assertThat(ledger.storedHeartbeats()).isEqualTo(ledger.lastSeq());
      }
    }
  }
}

package io.digiready.agent.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.config.ConfigLoader;
import io.digiready.agent.heartbeat.SeqCounter;
import io.digiready.agent.testing.FakeCollector;
import io.digiready.protocol.Heartbeat;
import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentServiceTest {
  @TempDir Path stateDir;

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  private AgentSettings settings(FakeCollector collector) {
    return ConfigLoader.load(
        null,
        Map.of(),
        Map.of(
            "collectorUrl", collector.url().toString(),
            "enrollmentToken", "unit-token-123",
            "stateDir", stateDir.toString(),
            "heartbeatIntervalSeconds", "1",
            "probeTimeoutMillis", "1000"));
  }

  @Test
  void the_service_enrolls_sends_inventory_and_heartbeats_and_continues_seq_after_restart()
      throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      collector.probes = List.of(new ProbeTarget(ProbeKind.DNS, "localhost", true));
      try (AgentService service = new AgentService(settings(collector), Clock.systemUTC())) {
        service.start();
        await("3 heartbeats", () -> collector.stored.size() >= 3);
        await("an inventory", () -> !collector.inventories.isEmpty());
      }
      Path identity = stateDir.resolve("identity.properties");
      assertThat(Files.readString(identity)).contains("m-test-1");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity)))
          .isEqualTo("rw-------");
      int before = collector.stored.size();
      try (AgentService service = new AgentService(settings(collector), Clock.systemUTC())) {
        service.start();
        await("heartbeats after restart", () -> collector.stored.size() >= before + 2);
      }
      List<Long> seqs = collector.storedSeqs();
      for (int i = 0; i < seqs.size(); i++) {
        assertThat(seqs.get(i)).isEqualTo(i + 1);
      }
      assertThat(collector.duplicates.get()).isZero();
      Heartbeat last = collector.stored.get(collector.stored.size() - 1);
      assertThat(last.machineId()).isEqualTo("m-test-1");
      assertThat(last.probes())
          .extracting(p -> p.kind() + " " + p.target() + " " + p.internet() + " " + p.ok())
          .containsExactly(
              "TCP 127.0.0.1:" + collector.url().getPort() + " false true",
              "DNS localhost true true");
      assertThat(last.internetUp()).isTrue();
      assertThat(last.agentResidentBytes()).isPositive();
      assertThat(last.spoolDroppedEntries()).isZero();
      assertThat(collector.inventories.get(0)).contains("\"machineId\":\"m-test-1\"");
      assertThat(collector.authHeaders).allMatch(h -> h.equals("Bearer " + collector.token));
    }
  }

  @Test
  void without_a_collector_heartbeats_are_spooled_until_one_is_there() throws Exception {
    AgentSettings s =
        ConfigLoader.load(
            null,
            Map.of(),
            Map.of("stateDir", stateDir.toString(), "heartbeatIntervalSeconds", "1"));
    try (AgentService service = new AgentService(s, Clock.systemUTC())) {
      service.start();
      await("2 heartbeats made", () -> seq() >= 2);
    }
    assertThat(SeqCounter.read(stateDir.resolve("seq"))).isGreaterThanOrEqualTo(2);
    try (FakeCollector collector = new FakeCollector()) {
      try (AgentService service = new AgentService(settings(collector), Clock.systemUTC())) {
        service.start();
        await("the spooled ones arrive", () -> collector.stored.size() >= 3);
      }
      assertThat(collector.storedSeqs().subList(0, 3)).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void enrollment_is_retried_with_back_off_until_the_collector_accepts_it() throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      for (int i = 0; i < 4; i++) {
        collector.enrollFaults.add(FakeCollector.Fault.status(503, "busy", "starting up"));
      }
      try (AgentService service = new AgentService(settings(collector), Clock.systemUTC())) {
        service.start();
        await("enrollment after 4 refusals", () -> collector.enrollAttempts.get() >= 5);
        await("heartbeats once enrolled", () -> collector.stored.size() >= 2);
      }
      assertThat(collector.storedSeqs().get(0)).isEqualTo(1L);
    }
  }

  private long seq() {
    try {
      return SeqCounter.read(stateDir.resolve("seq"));
    } catch (Exception e) {
      return 0;
    }
  }
}

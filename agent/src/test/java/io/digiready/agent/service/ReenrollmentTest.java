package io.digiready.agent.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.config.ConfigLoader;
import io.digiready.agent.identity.Identity;
import io.digiready.agent.identity.IdentityStore;
import io.digiready.agent.testing.FakeCollector;
import io.digiready.protocol.Heartbeat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: an agent whose token was revoked enrolls again instead of going silent for good. */
class ReenrollmentTest {
  private static final String UNIT_TOKEN = "unit-token-123";

  @TempDir Path stateDir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldErr;

  @BeforeEach
  void captureLog() {
    oldErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    System.setErr(oldErr);
  }

  private String log() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private AgentSettings settings(FakeCollector collector, String enrollmentToken) {
    Map<String, String> flags = new HashMap<>();
    flags.put("collectorUrl", collector.url().toString());
    flags.put("stateDir", stateDir.toString());
    flags.put("heartbeatIntervalSeconds", "1");
    flags.put("probeTimeoutMillis", "500");
    if (enrollmentToken != null) {
      flags.put("enrollmentToken", enrollmentToken);
    }
    return ConfigLoader.load(null, Map.of(), flags);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  private static boolean anyFrom(FakeCollector collector, String machineId) {
    return collector.stored.stream().anyMatch(h -> machineId.equals(h.machineId()));
  }

  @Test
  void a_revoked_agent_token_makes_the_agent_enroll_again_with_the_kept_token_and_report_on()
      throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      try (AgentService service =
          new AgentService(settings(collector, UNIT_TOKEN), Clock.systemUTC())) {
        service.start();
        await("heartbeats of the first identity", () -> collector.stored.size() >= 2);
      }
      Path identityFile = stateDir.resolve("identity.properties");
      assertThat(Files.readString(identityFile)).contains("enrollmentToken=" + UNIT_TOKEN);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identityFile)))
          .isEqualTo("rw-------");

      // the configuration no longer holds the unit token: the kept one must do
      try (AgentService service = new AgentService(settings(collector, null), Clock.systemUTC())) {
        service.start();
        int before = collector.stored.size();
        await("a heartbeat after the restart", () -> collector.stored.size() > before);
        collector.revokeAndReissue("m-test-2", "agent-token-secret-2");
        await("heartbeats of the new identity", () -> anyFrom(collector, "m-test-2"));
        int now = collector.stored.size();
        await("reporting goes on", () -> collector.stored.size() >= now + 2);
      }

      assertThat(collector.enrollmentTokens).containsExactly(UNIT_TOKEN, UNIT_TOKEN);
      assertThat(new IdentityStore(stateDir).load().machineId()).isEqualTo("m-test-2");
      List<Long> seqs = collector.storedSeqs();
      for (int i = 0; i < seqs.size(); i++) {
        assertThat(seqs.get(i)).isEqualTo(i + 1); // no heartbeat lost or doubled on the way
      }
      Heartbeat last = collector.stored.get(collector.stored.size() - 1);
      assertThat(last.machineId()).isEqualTo("m-test-2");
      assertThat(log())
          .contains("WARN")
          .contains("event=reenrolling collector=" + collector.url() + " machineId=m-test-1")
          .contains("event=reenrolled collector=" + collector.url() + " machineId=m-test-2")
          .doesNotContain(UNIT_TOKEN)
          .doesNotContain("agent-token-secret");
    }
  }

  @Test
  void without_an_enrollment_token_a_revoked_agent_token_gives_one_clear_error_and_no_busy_loop()
      throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      // an identity stored before the enrollment token was kept with it
      new IdentityStore(stateDir)
          .save(new Identity("m-test-1", collector.token, collector.url().toString()));
      collector.revokeAndReissue("m-test-2", "agent-token-secret-2");
      try (AgentService service = new AgentService(settings(collector, null), Clock.systemUTC())) {
        service.start();
        await("the refusal", () -> log().contains("event=reenroll_impossible"));
        Thread.sleep(4000);
      }
      assertThat(collector.enrollAttempts.get()).isZero();
      // agent-config once, then inventory and heartbeats under a growing back-off (1 s, 2 s, ...)
      assertThat(collector.authHeaders.size()).isBetween(2, 8);
      assertThat(log().split("event=reenroll_impossible", -1)).hasSize(2);
      assertThat(log())
          .contains("ERROR")
          .contains(
              "event=reenroll_impossible collector=" + collector.url() + " machineId=m-test-1")
          .contains("digiready-agent enroll --force");
      assertThat(Files.readString(stateDir.resolve("identity.properties")))
          .contains("machineId=m-test-1");
    }
  }
}

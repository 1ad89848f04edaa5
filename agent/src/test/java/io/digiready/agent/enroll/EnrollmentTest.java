package io.digiready.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.digiready.agent.http.CollectorClient;
import io.digiready.agent.identity.IdentityStore;
import io.digiready.agent.inventory.Readings;
import io.digiready.agent.probe.ProxyChoice;
import io.digiready.agent.testing.FakeCollector;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentTest {
  @TempDir Path stateDir;

  private Enrollment enrollment(FakeCollector collector) throws Exception {
    CollectorClient client =
        new CollectorClient(collector.url(), null, ProxyChoice.of(null), 2000, "test");
    Readings nothingRead =
        new Readings(null, null, null, null, null, null, null, null, null, null, null);
    return new Enrollment(
        new IdentityStore(stateDir), client, "enroll-token", () -> nothingRead, Clock.systemUTC());
  }

  @Test
  void a_refusal_with_retry_after_waits_at_least_that_long_then_enrolls() throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      collector.enrollFaults.add(FakeCollector.Fault.rateLimited(90));
      Enrollment enrollment = enrollment(collector);

      Enrollment.FailedException refused =
          catchThrowableOfType(enrollment::enroll, Enrollment.FailedException.class);

      assertThat(refused.retryInMillis()).isEqualTo(90_000L);
      assertThat(refused.getMessage()).contains("429").doesNotContain("enroll-token");
      assertThat(enrollment.enroll().machineId()).isNotBlank();
      assertThat(collector.enrollAttempts.get()).isEqualTo(2);
    }
  }

  @Test
  void a_refusal_without_retry_after_backs_off_from_a_second() throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      collector.enrollFaults.add(FakeCollector.Fault.status(500, "internal", "oops"));
      Enrollment.FailedException refused =
          catchThrowableOfType(enrollment(collector)::enroll, Enrollment.FailedException.class);

      assertThat(refused.retryInMillis()).isBetween(500L, 5_000L);
    }
  }
}

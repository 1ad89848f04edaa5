package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrollment tokens expire, may be limited in uses, and each is rate-limited. */
@Contract
class EnrollmentTokenLimitsTest {
  @TempDir Path dir;
  TestCollector c;

  void start(String... flags) throws Exception {
    c = new TestCollector(dir, flags);
    c.createUnit("a", "Xã A", null, "commune", 5);
  }

  @AfterEach
  void stop() {
    if (c != null) {
      c.close();
    }
  }

  Http.Answer enroll(String token, int i) {
    return c.http.post(
        "/api/v1/enroll",
        null,
        Fixtures.enroll(token, "PC-" + i, Fixtures.fingerprint("uuid-" + i, "sn-" + i, "os-" + i)));
  }

  JsonNode listed(String id) {
    for (JsonNode t : c.admin("GET", "/api/v1/units/a/enrollment-tokens", null).json()) {
      if (t.get("id").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("token " + id + " not listed");
  }

  @Test
  void a_token_expires_after_30_days_by_default_with_a_clear_401() throws Exception {
    start();
    Http.Answer made = c.admin("POST", "/api/v1/units/a/enrollment-tokens", "");
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    Instant expires = TestCollector.START.plus(Duration.ofDays(30));
    assertThat(made.json().get("expiresAt").asText()).isEqualTo(expires.toString());
    String token = made.json().get("token").asText();
    assertThat(listed(made.json().get("id").asText()).get("expiresAt").asText())
        .isEqualTo(expires.toString());

    c.clock.set(expires.minusSeconds(1));
    assertThat(enroll(token, 1).status()).isEqualTo(201);
    c.clock.set(expires);
    Http.Answer late = enroll(token, 2);
    assertThat(late.status()).isEqualTo(401);
    assertThat(late.json().get("detail").asText())
        .isEqualTo(
            "enrollmentToken: expired at "
                + expires
                + "; ask an administrator for a new enrollment token");
  }

  @Test
  void expiry_and_uses_are_set_at_creation_and_listing_shows_uses_left() throws Exception {
    start();
    Instant expires = TestCollector.START.plus(Duration.ofDays(90));
    Http.Answer made =
        c.admin(
            "POST",
            "/api/v1/units/a/enrollment-tokens",
            Fixtures.map("expiresAt", expires.toString(), "maxUses", 2));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    assertThat(made.json().get("maxUses").asInt()).isEqualTo(2);
    String id = made.json().get("id").asText();
    String token = made.json().get("token").asText();
    assertThat(listed(id).get("usesLeft").asInt()).isEqualTo(2);

    assertThat(enroll(token, 1).status()).isEqualTo(201);
    assertThat(listed(id).get("uses").asInt()).isEqualTo(1);
    assertThat(listed(id).get("usesLeft").asInt()).isEqualTo(1);
    assertThat(enroll(token, 2).status()).isEqualTo(201);
    Http.Answer third = enroll(token, 3);
    assertThat(third.status()).isEqualTo(401);
    assertThat(third.json().get("detail").asText())
        .isEqualTo(
            "enrollmentToken: used up (2 of 2 enrollments);"
                + " ask an administrator for a new enrollment token");
    assertThat(listed(id).get("usesLeft").asInt()).isZero();
    assertThat(c.admin("GET", "/api/v1/machines", null).json().size()).isEqualTo(2);

    // Uses survive a restart.
    c.close();
    c = new TestCollector(dir);
    assertThat(enroll(token, 4).status()).isEqualTo(401);
    assertThat(listed(id).get("uses").asInt()).isEqualTo(2);
  }

  @Test
  void a_bad_expiry_or_max_uses_is_a_400_naming_the_field() throws Exception {
    start();
    for (var body :
        java.util.List.of(
            Fixtures.map("expiresAt", TestCollector.START.minusSeconds(1).toString()),
            Fixtures.map("expiresAt", TestCollector.START.plus(Duration.ofDays(400)).toString()),
            Fixtures.map("expiresAt", "next week"),
            Fixtures.map("maxUses", 0),
            Fixtures.map("maxUses", "ten"))) {
      Http.Answer a = c.admin("POST", "/api/v1/units/a/enrollment-tokens", body);
      assertThat(a.status()).as(a.body()).isEqualTo(400);
      assertThat(a.json().get("field").asText()).isIn("expiresAt", "maxUses");
    }
    assertThat(c.admin("GET", "/api/v1/units/a/enrollment-tokens", null).json()).isEmpty();
  }

  @Test
  void enrollments_past_the_per_token_rate_get_429_with_retry_after() throws Exception {
    start("enrollmentsPerMinutePerToken", "5");
    String token = c.enrollmentToken("a");
    String other = c.enrollmentToken("a");
    for (int i = 0; i < 5; i++) {
      assertThat(enroll(token, i).status()).isEqualTo(201);
    }
    Http.Answer limited = enroll(token, 5);
    assertThat(limited.status()).as(limited.body()).isEqualTo(429);
    assertThat(limited.json().get("error").asText()).isEqualTo("too_many_requests");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    // The limit is per token: another token of the unit still works.
    assertThat(enroll(other, 6).status()).isEqualTo(201);
    // A rate-limited enrollment created nothing.
    assertThat(c.admin("GET", "/api/v1/machines", null).json().size()).isEqualTo(6);

    c.clock.advance(Duration.ofSeconds(12));
    assertThat(enroll(token, 7).status()).isEqualTo(201);
    assertThat(enroll(token, 8).status()).isEqualTo(429);
  }
}

package io.digiready.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeqBoundTest {
  static final Instant T = Instant.parse("2026-11-25T03:00:00Z");

  @Test
  void a_seq_may_jump_by_the_slack_plus_two_per_interval_since_the_last_heartbeat() {
    assertThat(SeqBound.maxJump(T, T, 60)).isEqualTo(1000);
    assertThat(SeqBound.maxJump(T, T.plus(Duration.ofMinutes(10)), 60)).isEqualTo(1020);
    // A PC off for a year may come back with any gap its spool dropped.
    assertThat(SeqBound.maxJump(T, T.plus(Duration.ofDays(365)), 60)).isEqualTo(1000 + 1_051_200);
    assertThat(SeqBound.maxJump(T, T.minusSeconds(5), 60)).isEqualTo(1000);
  }

  @Test
  void the_credit_grows_two_per_interval_up_to_a_month_of_backlog() {
    assertThat(SeqBound.credit(T, T, 60)).isEqualTo(1000);
    assertThat(SeqBound.credit(T, T.plus(Duration.ofMinutes(1)), 60)).isEqualTo(1002);
    long month = 1000 + 2 * 30 * 1440;
    assertThat(SeqBound.credit(T, T.plus(Duration.ofDays(30)), 60)).isEqualTo(month);
    assertThat(SeqBound.credit(T, T.plus(Duration.ofDays(300)), 60)).isEqualTo(month);
  }

  @Test
  void spending_moves_the_credit_and_the_wait_says_when_it_is_back() {
    Instant from = SeqBound.spend(T, T, 60, 1000);
    assertThat(SeqBound.credit(from, T, 60)).isZero();
    assertThat(SeqBound.wait(from, T, 60, 1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(SeqBound.credit(from, T.plusSeconds(30), 60)).isEqualTo(1);
    // An agent beating once a minute after that keeps its credit growing by one a minute.
    Instant at = T;
    for (int i = 0; i < 60; i++) {
      at = at.plusSeconds(60);
      from = SeqBound.spend(from, at, 60, 1);
    }
    assertThat(SeqBound.credit(from, at, 60)).isEqualTo(60);
  }
}

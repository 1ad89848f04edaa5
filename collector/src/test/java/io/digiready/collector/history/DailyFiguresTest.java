package io.digiready.collector.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyFiguresTest {
  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void the_next_pass_is_due_at_the_next_so_far_row_or_the_first_units_midnight() {
    // 10:20 in Hanoi (03:20 UTC): the so-far row an hour after the last one comes first.
    Instant lastSoFar = Instant.parse("2026-03-31T03:20:00Z");
    Map<String, ZoneId> zones = Map.of("a", HANOI, "b", UTC);
    Map<String, LocalDate> today =
        Map.of("a", LocalDate.of(2026, 3, 31), "b", LocalDate.of(2026, 3, 31));
    assertThat(DailyFigures.nextDue(lastSoFar, zones, today))
        .isEqualTo(Instant.parse("2026-03-31T04:20:00Z"));

    // 23:30 in Hanoi: Hanoi's midnight (17:00 UTC) comes before the next so-far row.
    Instant late = Instant.parse("2026-03-31T16:30:00Z");
    assertThat(DailyFigures.nextDue(late, zones, today))
        .isEqualTo(Instant.parse("2026-03-31T17:00:00Z"));

    // No so-far row yet: the first midnight.
    assertThat(DailyFigures.nextDue(null, Map.of("b", UTC), Map.of("b", LocalDate.of(2026, 3, 31))))
        .isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
  }
}

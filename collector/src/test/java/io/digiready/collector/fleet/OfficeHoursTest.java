package io.digiready.collector.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfficeHoursTest {
  @Test
  void the_default_is_monday_to_friday_7_to_17_in_hanoi_with_end_exclusive() {
    OfficeHours h = OfficeHours.DEFAULT;
    assertThat(h.isOpen(Instant.parse("2026-11-27T00:00:00Z"))).isTrue(); // Fri 07:00
    assertThat(h.isOpen(Instant.parse("2026-11-26T23:59:59Z"))).isFalse(); // Fri 06:59:59
    assertThat(h.isOpen(Instant.parse("2026-11-27T10:00:00Z"))).isFalse(); // Fri 17:00
    assertThat(h.isOpen(Instant.parse("2026-11-28T03:00:00Z"))).isFalse(); // Sat 10:00
  }

  @Test
  void unset_fields_come_from_the_parent() {
    OfficeHours child = new OfficeHours(null, List.of("SAT"), "08:00", null, null);
    OfficeHours effective = child.over(OfficeHours.DEFAULT);
    assertThat(effective.timeZone()).isEqualTo("Asia/Ho_Chi_Minh");
    assertThat(effective.days()).containsExactly("SAT");
    assertThat(effective.end()).isEqualTo("17:00");
    assertThat(effective.isOpen(Instant.parse("2026-11-28T03:00:00Z"))).isTrue();
  }

  @Test
  void problems_name_the_field() {
    assertThat(new OfficeHours("Nowhere/City", null, null, null, null).problem("officeHours"))
        .startsWith("officeHours.timeZone:");
    assertThat(new OfficeHours(null, null, "17:00", "07:00", null).problem("officeHours"))
        .startsWith("officeHours.end:");
    assertThat(new OfficeHours(null, null, null, null, List.of("2026-02-30")).problem("x"))
        .startsWith("x.holidays:");
    assertThat(OfficeHours.DEFAULT.problem("officeHours")).isNull();
  }
}

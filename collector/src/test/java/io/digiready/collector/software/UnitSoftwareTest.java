package io.digiready.collector.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.fleet.Machine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitSoftwareTest {
  static final Instant T = Instant.parse("2026-11-25T03:00:00Z");

  static Machine machine(String id, Instant inventoryAt, Instant softwareAt) {
    return new Machine(
        id,
        "u",
        "h-" + id,
        T,
        null,
        new Machine.Identity(id, null, null, null, null, null),
        Machine.Liveness.enrolledAt(T),
        new Machine.Hardware(
            null, null, null, null, null, inventoryAt, null, null, softwareAt, null),
        null);
  }

  @Test
  void a_unit_recounts_when_a_list_changes_or_a_machine_comes_or_goes_not_for_other_inventory() {
    long before = UnitSoftware.signature(List.of(machine("a", T, T), machine("b", T, null)));
    // An update installed (a new inventory, the same software): nothing to recount.
    assertThat(
            UnitSoftware.signature(
                List.of(machine("a", T.plusSeconds(60), T), machine("b", T.plusSeconds(60), null))))
        .isEqualTo(before);
    // Order does not matter.
    assertThat(UnitSoftware.signature(List.of(machine("b", T, null), machine("a", T, T))))
        .isEqualTo(before);
    assertThat(
            UnitSoftware.signature(
                List.of(machine("a", T, T.plusSeconds(1)), machine("b", T, null))))
        .isNotEqualTo(before);
    assertThat(UnitSoftware.signature(List.of(machine("a", T, T), machine("b", T, T))))
        .isNotEqualTo(before);
    assertThat(UnitSoftware.signature(List.of(machine("a", T, T)))).isNotEqualTo(before);
  }
}

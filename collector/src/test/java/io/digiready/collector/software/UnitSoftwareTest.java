package io.digiready.collector.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.fleet.Machine;
import io.digiready.collector.store.Store;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
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

  @Test
  void a_unit_whose_machines_never_sent_a_list_is_counted_without_reading_the_database() {
    List<String> asked = new ArrayList<>();
    Store store =
        recording(
            asked,
            name -> {
              throw new IllegalStateException("no read expected: " + name);
            });
    List<Machine> members = List.of(machine("a", T, null), machine("b", null, null));
    long signature = UnitSoftware.signature(members);

    UnitSoftware counts =
        UnitSoftware.build(store, members, signature, new UnitSoftware.Applications(store));

    assertThat(asked).isEmpty();
    assertThat(counts.machines()).isEqualTo(2);
    assertThat(counts.reporting()).isZero();
    assertThat(counts.sids()).isEmpty();
    assertThat(counts.vids()).isEmpty();
    assertThat(counts.signature()).isEqualTo(signature);
  }

  @Test
  void a_unit_with_one_machine_that_sent_a_list_reads_the_database() {
    List<String> asked = new ArrayList<>();
    Store store =
        recording(asked, name -> name.equals("softwareReported") ? java.util.Set.of("a") : null);
    List<Machine> members = List.of(machine("a", T, T), machine("b", null, null));

    UnitSoftware counts =
        UnitSoftware.build(
            store, members, UnitSoftware.signature(members), new UnitSoftware.Applications(store));

    assertThat(asked).contains("softwareReported", "installedReleases");
    assertThat(counts.machines()).isEqualTo(2);
    assertThat(counts.reporting()).isEqualTo(1);
  }

  /** A store that notes each method asked and answers with {@code answer} of its name. */
  private static Store recording(
      List<String> asked, java.util.function.Function<String, Object> answer) {
    return (Store)
        Proxy.newProxyInstance(
            Store.class.getClassLoader(),
            new Class<?>[] {Store.class},
            (proxy, method, args) -> {
              asked.add(method.getName());
              return answer.apply(method.getName());
            });
  }
}

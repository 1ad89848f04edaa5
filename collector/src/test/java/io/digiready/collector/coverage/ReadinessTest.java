package io.digiready.collector.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.config.ConfigLoader;
import io.digiready.collector.fleet.Machine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadinessTest {
  static final long GIB = 1024L * 1024 * 1024;

  static final class Defaults {
    final CollectorConfig.ReadinessPolicy policy =
        ConfigLoader.load(null, Map.of(), Map.of()).readiness();
  }

  final Defaults p = new Defaults();

  static Machine machine(
      Long memory, Integer cpus, String os, String version, Long free, Long total, Long skew) {
    Instant now = Instant.parse("2026-11-27T08:00:00Z");
    return new Machine(
        "m-1",
        "a",
        "h",
        now,
        null,
        new Machine.Identity("PC", null, null, null, null, null),
        new Machine.Liveness(now, now, 1, 0, true, now, skew, null, free, total, null, null),
        new Machine.Hardware(memory, cpus, "cpu", os, version, now),
        null);
  }

  @Test
  void a_good_pc_passes_every_rule() {
    var r =
        Readiness.evaluate(machine(8 * GIB, 4, "Windows", "10", 50 * GIB, 200 * GIB, 3L), p.policy);
    assertThat(r.compliant()).isTrue();
    assertThat(r.checks())
        .extracting(Readiness.Check::rule)
        .containsExactly("memory", "logicalCpus", "os", "systemDiskFree", "clock");
  }

  @Test
  void a_4_gib_pc_that_reports_3_8_gib_still_meets_the_4_gib_rule() {
    long reported = (long) (3.8 * GIB);
    assertThat(
            Readiness.evaluate(
                    machine(reported, 4, "Windows", "10", 50 * GIB, 200 * GIB, 0L), p.policy)
                .compliant())
        .isTrue();
    assertThat(
            Readiness.evaluate(
                    machine(3 * GIB, 4, "Windows", "10", 50 * GIB, 200 * GIB, 0L), p.policy)
                .failing())
        .extracting(Readiness.Check::value)
        .containsExactly("3 GiB");
  }

  @Test
  void windows_7_8_and_8_1_fail_the_os_rule_but_10_and_linux_pass() {
    for (String v : List.of("7", "8", "8.1")) {
      assertThat(Readiness.unsupported("Windows " + v, p.policy.unsupportedOs())).as(v).isTrue();
    }
    assertThat(Readiness.unsupported("Windows 10", p.policy.unsupportedOs())).isFalse();
    assertThat(Readiness.unsupported("Windows 11", p.policy.unsupportedOs())).isFalse();
    assertThat(Readiness.unsupported("Ubuntu 24.04", p.policy.unsupportedOs())).isFalse();
  }

  @Test
  void the_disk_rule_needs_both_the_share_and_the_absolute_free_space() {
    var smallShare =
        Readiness.evaluate(machine(8 * GIB, 4, "Windows", "10", 15 * GIB, 200 * GIB, 0L), p.policy);
    assertThat(smallShare.failing())
        .extracting(Readiness.Check::rule)
        .containsExactly("systemDiskFree");
    assertThat(smallShare.failing().get(0).value()).isEqualTo("7.5 %, 15 GiB free");
    var smallDisk =
        Readiness.evaluate(machine(8 * GIB, 4, "Windows", "10", 4 * GIB, 32 * GIB, 0L), p.policy);
    assertThat(smallDisk.failing())
        .extracting(Readiness.Check::rule)
        .containsExactly("systemDiskFree");
  }

  @Test
  void a_clock_off_by_more_than_5_minutes_fails_and_says_by_how_much() {
    var r =
        Readiness.evaluate(
            machine(8 * GIB, 4, "Windows", "10", 50 * GIB, 200 * GIB, -3600L), p.policy);
    assertThat(r.failing())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.rule()).isEqualTo("clock");
              assertThat(c.value()).isEqualTo("-3600 s off");
            });
  }

  @Test
  void unknown_values_are_not_compliant() {
    var r = Readiness.evaluate(machine(null, null, null, null, null, null, null), p.policy);
    assertThat(r.compliant()).isFalse();
    assertThat(r.checks()).allMatch(c -> c.status().equals("unknown"));
  }
}

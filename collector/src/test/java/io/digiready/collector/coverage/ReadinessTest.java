package io.digiready.collector.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.config.ConfigLoader;
import io.digiready.collector.fleet.Machine;
import java.time.Duration;
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

  static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
  static final Machine.AntiMalware DEFENDER =
      new Machine.AntiMalware(Machine.AntiMalware.State.PROTECTED, "Windows Defender");

  /** A PC protected by Defender and updated three days ago, with the given figures. */
  static Machine machine(
      Long memory, Integer cpus, String os, String version, Long free, Long total, Long skew) {
    return machine(
        memory, cpus, os, version, free, total, skew, DEFENDER, NOW.minus(Duration.ofDays(3)));
  }

  static Machine machine(
      Long memory,
      Integer cpus,
      String os,
      String version,
      Long free,
      Long total,
      Long skew,
      Machine.AntiMalware antiMalware,
      Instant updatedAt) {
    Instant now = NOW;
    return new Machine(
        "m-1",
        "a",
        "h",
        now,
        null,
        new Machine.Identity("PC", null, null, null, null, null),
        new Machine.Liveness(now, now, 1, 0, true, now, skew, null, free, total, null, null),
        new Machine.Hardware(
            memory, cpus, "cpu", os, version, now, antiMalware, updatedAt, null, null),
        null);
  }

  @Test
  void a_good_pc_passes_every_rule() {
    var r =
        Readiness.evaluate(
            machine(8 * GIB, 4, "Windows", "10", 50 * GIB, 200 * GIB, 3L), p.policy, NOW);
    assertThat(r.compliant()).isTrue();
    assertThat(r.checks())
        .extracting(Readiness.Check::rule)
        .containsExactly(
            "memory", "logicalCpus", "os", "systemDiskFree", "clock", "antiMalware", "osUpdates");
  }

  @Test
  void a_4_gib_pc_that_reports_3_8_gib_still_meets_the_4_gib_rule() {
    long reported = (long) (3.8 * GIB);
    assertThat(
            Readiness.evaluate(
                    machine(reported, 4, "Windows", "10", 50 * GIB, 200 * GIB, 0L), p.policy, NOW)
                .compliant())
        .isTrue();
    assertThat(
            Readiness.evaluate(
                    machine(3 * GIB, 4, "Windows", "10", 50 * GIB, 200 * GIB, 0L), p.policy, NOW)
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
        Readiness.evaluate(
            machine(8 * GIB, 4, "Windows", "10", 15 * GIB, 200 * GIB, 0L), p.policy, NOW);
    assertThat(smallShare.failing())
        .extracting(Readiness.Check::rule)
        .containsExactly("systemDiskFree");
    assertThat(smallShare.failing().get(0).value()).isEqualTo("7.5 %, 15 GiB free");
    var smallDisk =
        Readiness.evaluate(
            machine(8 * GIB, 4, "Windows", "10", 4 * GIB, 32 * GIB, 0L), p.policy, NOW);
    assertThat(smallDisk.failing())
        .extracting(Readiness.Check::rule)
        .containsExactly("systemDiskFree");
  }

  @Test
  void a_clock_off_by_more_than_5_minutes_fails_and_says_by_how_much() {
    var r =
        Readiness.evaluate(
            machine(8 * GIB, 4, "Windows", "10", 50 * GIB, 200 * GIB, -3600L), p.policy, NOW);
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
    var r =
        Readiness.evaluate(
            machine(null, null, null, null, null, null, null, null, null), p.policy, NOW);
    assertThat(r.compliant()).isFalse();
    assertThat(r.checks()).allMatch(c -> c.status().equals("unknown"));
  }

  static Machine.AntiMalware antiMalware(Machine.AntiMalware.State state, String product) {
    return new Machine.AntiMalware(state, product);
  }

  Readiness.Check check(Machine m, String rule) {
    return Readiness.evaluate(m, p.policy, NOW).checks().stream()
        .filter(c -> c.rule().equals(rule))
        .findFirst()
        .orElseThrow();
  }

  Machine protectedBy(Machine.AntiMalware a) {
    return machine(
        8 * GIB, 4, "Windows", "10", 50 * GIB, 200 * GIB, 0L, a, NOW.minus(Duration.ofDays(3)));
  }

  @Test
  void the_anti_malware_rule_passes_only_with_a_product_enabled_and_up_to_date() {
    assertThat(check(protectedBy(DEFENDER), "antiMalware"))
        .extracting(ReadinessTest::english)
        .isEqualTo(
            java.util.Arrays.asList(
                "antiMalware",
                "pass",
                "Windows Defender: enabled, up to date",
                "enabled, up to date"));
    var kaspersky = "Kaspersky Endpoint Security for Windows";
    assertThat(
            check(
                protectedBy(antiMalware(Machine.AntiMalware.State.OUT_OF_DATE, kaspersky)),
                "antiMalware"))
        .extracting(Readiness.Check::status, Readiness.Check::value)
        .containsExactly("fail", kaspersky + ": out of date");
    assertThat(
            check(
                protectedBy(antiMalware(Machine.AntiMalware.State.DISABLED, "Windows Defender")),
                "antiMalware"))
        .extracting(Readiness.Check::status, Readiness.Check::value)
        .containsExactly("fail", "Windows Defender: switched off");
    assertThat(check(protectedBy(antiMalware(Machine.AntiMalware.State.NONE, null)), "antiMalware"))
        .extracting(Readiness.Check::status, Readiness.Check::value)
        .containsExactly("fail", "no product");
  }

  @Test
  void anti_malware_nobody_reported_is_unknown_and_not_compliant() {
    var r = Readiness.evaluate(protectedBy(null), p.policy, NOW);
    assertThat(r.compliant()).isFalse();
    assertThat(r.failing())
        .singleElement()
        .extracting(ReadinessTest::english)
        .isEqualTo(java.util.Arrays.asList("antiMalware", "unknown", null, "enabled, up to date"));
  }

  Machine updatedAt(Instant at) {
    return machine(8 * GIB, 4, "Windows", "10", 50 * GIB, 200 * GIB, 0L, DEFENDER, at);
  }

  @Test
  void the_update_rule_counts_whole_days_up_to_the_limit() {
    var day60 = updatedAt(NOW.minus(Duration.ofDays(60)).minus(Duration.ofHours(23)));
    assertThat(check(day60, "osUpdates"))
        .extracting(ReadinessTest::english)
        .isEqualTo(java.util.Arrays.asList("osUpdates", "pass", "60 days ago", "within 60 days"));
    var day61 = updatedAt(NOW.minus(Duration.ofDays(61)));
    assertThat(check(day61, "osUpdates"))
        .extracting(Readiness.Check::status, Readiness.Check::value)
        .containsExactly("fail", "61 days ago");
    // An agent clock ahead of the collector's: not negative days.
    assertThat(check(updatedAt(NOW.plus(Duration.ofHours(5))), "osUpdates").value())
        .isEqualTo("0 days ago");
    assertThat(check(updatedAt(null), "osUpdates").status()).isEqualTo("unknown");
  }

  @Test
  void a_collector_can_switch_both_rules_off() {
    var off =
        ConfigLoader.load(
                null, Map.of(), Map.of("requireAntiMalware", "false", "osUpdatedWithinDays", "0"))
            .readiness();
    var old = machine(8 * GIB, 4, "Windows", "10", 50 * GIB, 200 * GIB, 0L, null, null);
    var r = Readiness.evaluate(old, off, NOW);
    assertThat(r.compliant()).isTrue();
    assertThat(r.checks())
        .extracting(Readiness.Check::rule)
        .containsExactly("memory", "logicalCpus", "os", "systemDiskFree", "clock");
    assertThat(Readiness.compliant(old, off, NOW)).isTrue();
    // Whether it is protected is still known to coverage.
    assertThat(Readiness.status(ReadinessRule.ANTI_MALWARE, protectedBy(DEFENDER), off, NOW))
        .isEqualTo(Readiness.Status.PASS);
  }

  @Test
  void the_update_limit_is_a_setting() {
    var strict = ConfigLoader.load(null, Map.of(), Map.of("osUpdatedWithinDays", "30")).readiness();
    var r = Readiness.evaluate(updatedAt(NOW.minus(Duration.ofDays(45))), strict, NOW);
    assertThat(r.failing())
        .singleElement()
        .extracting(ReadinessTest::english)
        .isEqualTo(java.util.Arrays.asList("osUpdates", "fail", "45 days ago", "within 30 days"));
  }

  /** What the API's English fields say. */
  static List<Object> english(Readiness.Check c) {
    return java.util.Arrays.asList(c.rule(), c.status(), c.value(), c.expected());
  }

  @Test
  void a_check_carries_its_measured_and_required_quantities_typed() {
    var small = machine(2 * GIB, 4, "Windows", "10", 50 * GIB, 200 * GIB, 0L, DEFENDER, NOW);
    var memory = check(small, "memory");
    assertThat(memory.measured())
        .containsExactly(new Readiness.Amount("bytes", 2.0 * GIB, null, null, null));
    assertThat(memory.required())
        .containsExactly(new Readiness.Amount("bytes", 4.0 * GIB, null, null, "min"));
    var off =
        check(
            protectedBy(antiMalware(Machine.AntiMalware.State.DISABLED, "Windows Defender")),
            "antiMalware");
    assertThat(off.measured())
        .extracting(Readiness.Amount::unit, Readiness.Amount::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("state", "disabled"),
            org.assertj.core.groups.Tuple.tuple("name", "Windows Defender"));
    var disk = check(small, "systemDiskFree");
    assertThat(disk.measured())
        .extracting(Readiness.Amount::unit, Readiness.Amount::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ratio", 0.25),
            org.assertj.core.groups.Tuple.tuple("bytes", 50.0 * GIB));
    assertThat(check(protectedBy(null), "antiMalware").measured()).isNull();
  }
}

package io.digiready.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeTargetsTest {

  @Test
  void internet_is_the_default_and_lan_is_marked_on_the_kind() {
    List<ProbeTarget> targets =
        ProbeTargets.parse(
            "http:https://dichvucong.gov.vn, dns:dichvucong.gov.vn ,tcp-lan:10.0.0.5:445,"
                + "HTTP-LAN:http://[::1]:8080/health");
    assertThat(targets)
        .containsExactly(
            new ProbeTarget(ProbeKind.HTTP, "https://dichvucong.gov.vn", true),
            new ProbeTarget(ProbeKind.DNS, "dichvucong.gov.vn", true),
            new ProbeTarget(ProbeKind.TCP, "10.0.0.5:445", false),
            new ProbeTarget(ProbeKind.HTTP, "http://[::1]:8080/health", false));
  }

  @Test
  void blank_entries_and_an_empty_value_give_no_target() {
    assertThat(ProbeTargets.parse("")).isEmpty();
    assertThat(ProbeTargets.parse(null)).isEmpty();
    assertThat(ProbeTargets.parse("dns:gov.vn,, ")).hasSize(1);
  }

  @Test
  void every_target_reads_back_from_its_written_form() {
    for (String entry :
        List.of("http:https://dichvucong.gov.vn:8443/x", "dns:gov.vn", "tcp-lan:[fe80::1]:445")) {
      ProbeTarget target = ProbeTargets.parseEntry(entry);
      assertThat(ProbeTargets.format(target)).isEqualTo(entry);
    }
  }

  @ParameterizedTest(name = "{0} is refused and rewritten as {1}")
  @CsvSource({
    "tcp:10.0.0.5:445:lan, tcp-lan:10.0.0.5:445",
    "http:https://dichvucong.gov.vn:internet, http:https://dichvucong.gov.vn",
    "dns:gov.vn:INTERNET, dns:gov.vn",
    "http:http://10.0.0.9:8080/ping:lan, http-lan:http://10.0.0.9:8080/ping"
  })
  void the_retired_scope_suffix_fails_with_the_entry_as_it_is_written_now(String old, String now) {
    assertThatThrownBy(() -> ProbeTargets.parse("dns:gov.vn," + old))
        .isInstanceOfSatisfying(
            ProbeTargets.SyntaxException.class,
            e -> {
              assertThat(e.found()).isEqualTo(old);
              assertThat(e.expectation())
                  .isEqualTo("the kind:target:scope form is no longer read; write " + now);
            });
  }

  @ParameterizedTest(name = "{0} is not a probe target")
  @ValueSource(
      strings = {
        "icmp:10.0.0.1",
        "http",
        ":https://x",
        "dns:",
        "tcp:10.0.0.5",
        "tcp:10.0.0.5:99999",
        "http:ftp://x",
        "http:dichvucong.gov.vn",
        "dns:https://gov.vn",
        "tcp-lan:10.0.0.5:445:lan"
      })
  void a_malformed_entry_names_itself_and_the_expected_form(String entry) {
    assertThatThrownBy(() -> ProbeTargets.parse(entry))
        .isInstanceOf(ProbeTargets.SyntaxException.class)
        .hasMessage(ProbeTargets.EXPECTATION + ". Found: " + entry);
  }

  @Test
  void a_target_longer_than_the_protocol_allows_is_refused() {
    String entry = "http:https://x.vn/" + "a".repeat(Limits.MAX_STRING_LENGTH);
    assertThatThrownBy(() -> ProbeTargets.parse(entry))
        .isInstanceOf(ProbeTargets.SyntaxException.class);
  }

  @Test
  void host_and_port_read_ipv6_in_brackets_and_refuse_a_missing_port() {
    assertThat(HostPort.parse("[::1]:443")).isEqualTo(new HostPort("::1", 443));
    assertThat(HostPort.parse("[::1]:443").toString()).isEqualTo("[::1]:443");
    assertThat(HostPort.parse("collector:0")).isNull();
    assertThat(HostPort.parse("collector")).isNull();
  }
}

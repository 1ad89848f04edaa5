package io.digiready.agent.centralconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.protocol.ProbeKind;
import io.digiready.protocol.ProbeTarget;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

  @Test
  void the_collector_is_probed_first_as_a_lan_target_and_duplicates_count_once() {
    ProbeTarget portal = new ProbeTarget(ProbeKind.HTTP, "https://dichvucong.gov.vn", true);
    List<ProbeTarget> all =
        Targets.effective(
            List.of(portal),
            List.of(portal, new ProbeTarget(ProbeKind.DNS, "gov.vn", true)),
            List.of(URI.create("https://collector.tinh.gov.vn")));
    assertThat(all)
        .containsExactly(
            new ProbeTarget(ProbeKind.TCP, "collector.tinh.gov.vn:443", false),
            portal,
            new ProbeTarget(ProbeKind.DNS, "gov.vn", true));
    assertThat(Targets.collectorTarget(URI.create("http://10.0.0.5:8080")).target())
        .isEqualTo("10.0.0.5:8080");
    assertThat(Targets.collectorTarget(null)).isNull();
  }
}

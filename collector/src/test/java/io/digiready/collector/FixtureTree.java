package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.TestCollector.Agent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The known-answer tree. District krong-nang (no staff of its own) with two communes:
 *
 * <ul>
 *   <li>phu-loc "Xã Phú Lộc", staff 10: one stale PC, one offline PC (internet), seven online PCs
 *       of which six reach the internet; two working PCs fail the policy (Windows 7, 2 GiB). So 8
 *       working, 7 with internet, 6 compliant: equipment 0.8, connectivity 0.875, compliance 0.75.
 *   <li>tam-giang "Xã Tâm Giang", staff 4: six online compliant PCs with internet; only 4 count for
 *       equipment (spare PCs do not equip another commune's staff).
 * </ul>
 *
 * District: equipment (8 + 4) / 14, connectivity 13 / 14, compliance 12 / 14.
 */
final class FixtureTree {
  final Map<String, Agent> agents = new HashMap<>();

  FixtureTree(TestCollector c) {
    c.createUnit("krong-nang", "Huyện Krông Năng", null, "district", 0);
    c.createUnit("krong-nang.phu-loc", "Xã Phú Lộc", "krong-nang", "commune", 10);
    c.createUnit("krong-nang.tam-giang", "Xã Tâm Giang", "krong-nang", "commune", 4);
    String phuLoc = c.enrollmentToken("krong-nang.phu-loc");
    String tamGiang = c.enrollmentToken("krong-nang.tam-giang");

    agents.put("stale", c.compliantMachine(phuLoc, "PL-STALE", true));
    c.clock.advance(Duration.ofDays(8));
    agents.put("offline", c.compliantMachine(phuLoc, "PL-OFF", true));
    c.clock.advance(Duration.ofMinutes(10));
    for (int i = 1; i <= 7; i++) {
      String name = "PL-" + i;
      Agent a = c.enroll(phuLoc, name, "uuid-" + name, "sn-" + name, "os-" + name);
      long memory = i == 6 ? 2 * Fixtures.GIB : 8 * Fixtures.GIB;
      String version = i == 5 ? "7" : "10";
      assertThat(
              c.inventory(
                      a, Fixtures.inventory(name, c.clock.instant(), memory, 4, "Windows", version))
                  .status())
          .isEqualTo(200);
      assertThat(c.beat(a, 1, i != 7).status()).isEqualTo(200);
      agents.put(name, a);
    }
    for (int i = 1; i <= 6; i++) {
      agents.put("TG-" + i, c.compliantMachine(tamGiang, "TG-" + i, true));
    }
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine's events in the reader's language ({@code ?lang=vi}), English by default. */
@Contract
class EventLanguageTest {
  @TempDir Path dir;
  TestCollector c;

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
    c.createUnit("phu-loc", "Xã Phú Lộc", null, "commune", 10);
  }

  @AfterEach
  void stop() {
    c.close();
  }

  private static List<String> details(JsonNode machine, String language) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : machine.get("events")) {
      assertThat(e.get("detailLanguage").asText()).isEqualTo(language);
      out.add(e.get("detail").asText());
    }
    return out;
  }

  @Test
  void events_are_said_in_the_language_asked_for() {
    TestCollector.Agent a = c.compliantMachine(c.enrollmentToken("phu-loc"), "PC-07", true);
    assertThat(
            c.inventory(
                    a,
                    Fixtures.inventory(
                        "PC-07", c.clock.instant(), 4 * Fixtures.GIB, 4, "Windows", "10"))
                .status())
        .isEqualTo(200);
    String path = "/api/v1/machines/" + a.machineId();
    JsonNode vi = c.admin("GET", path + "?lang=vi", null).json();
    assertThat(details(vi, "vi")).contains("bộ nhớ: 8 GiB → 4 GiB", "đăng ký với tên máy PC-07");
    JsonNode en = c.admin("GET", path, null).json();
    assertThat(details(en, "en")).contains("memory 8 GiB -> 4 GiB", "enrolled as PC-07");
    assertThat(c.admin("GET", path + "?lang=fr", null).status()).isEqualTo(400);
  }
}

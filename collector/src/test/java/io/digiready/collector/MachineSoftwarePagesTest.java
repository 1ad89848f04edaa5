package io.digiready.collector;

import static io.digiready.collector.Fixtures.GIB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One machine's long software list over the real API: pages of 50 by default, a filter on the name
 * that ignores case (Vietnamese capitals included) and the Unicode form the name was sent in, the
 * whole list and the matches counted, and bad parameters answered 400 naming the parameter.
 */
@Contract
class MachineSoftwarePagesTest {
  @TempDir Path dir;
  TestCollector c;
  Agent pc;
  List<String> sent;

  /** "Bộ gõ tiếng Việt" as some installers write it: letters and combining accents apart. */
  static final String DECOMPOSED = Normalizer.normalize("Bộ gõ tiếng Việt", Normalizer.Form.NFD);

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
    c.createUnit("krong-nang", "Huyện Krông Năng", null, "district", 10);
    String token = c.enrollmentToken("krong-nang");
    pc = c.enroll(token, "PC-LONG", "uuid-long", "sn-long", "os-long");
    sent = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      sent.add(String.format("Ứng dụng số %03d", i));
    }
    for (int i = 1; i <= 317; i++) {
      sent.add(String.format("lib-package-%03d", i));
    }
    sent.add("UniKey 4.3 RC5");
    sent.add("Đọc hóa đơn điện tử");
    sent.add(DECOMPOSED);
    List<Map<String, Object>> software = new ArrayList<>();
    for (String name : sent) {
      software.add(Fixtures.software(name, "1.0", "Vendor", null));
    }
    Map<String, Object> inv =
        Fixtures.inventory("PC-LONG", c.clock.instant(), 8 * GIB, 4, "Windows", "10");
    inv.put("software", software);
    Http.Answer r = c.inventory(pc, inv);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    c.close();
  }

  JsonNode page(String query) {
    Http.Answer r =
        c.admin("GET", "/api/v1/machines/" + pc.machineId() + "/software" + query, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static List<String> names(JsonNode answer) {
    List<String> out = new ArrayList<>();
    answer.get("software").forEach(a -> out.add(a.get("name").asText()));
    return out;
  }

  static String q(String text) {
    return "?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** What the test itself counts as a match: both sides in NFC, lower-cased. */
  long expectedMatches(String typed) {
    String want = Normalizer.normalize(typed, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return sent.stream()
        .filter(
            n ->
                Normalizer.normalize(n, Normalizer.Form.NFC)
                    .toLowerCase(Locale.ROOT)
                    .contains(want))
        .count();
  }

  @Test
  void the_first_page_holds_fifty_and_says_how_many_there_are() {
    JsonNode first = page("");
    assertThat(first.get("software")).hasSize(50);
    assertThat(first.get("count").asInt()).isEqualTo(sent.size());
    assertThat(first.get("total").asInt()).isEqualTo(sent.size());
    assertThat(first.get("matched").asInt()).isEqualTo(sent.size());
    assertThat(first.get("offset").asInt()).isZero();
    assertThat(first.get("limit").asInt()).isEqualTo(50);
    assertThat(first.get("nextOffset").asInt()).isEqualTo(50);
    assertThat(first.get("q").isNull()).isTrue();
    assertThat(first.get("reportedAt").asText()).isEqualTo(c.clock.instant().toString());
    assertThat(first.at("/software/0/version").asText()).isEqualTo("1.0");
  }

  @Test
  void pages_walked_with_next_offset_give_every_application_once() {
    List<String> seen = new ArrayList<>();
    Integer offset = 0;
    int pages = 0;
    while (offset != null) {
      JsonNode p = page("?limit=500&offset=" + offset);
      assertThat(p.get("offset").asInt()).isEqualTo(offset);
      seen.addAll(names(p));
      offset = p.get("nextOffset").isNull() ? null : p.get("nextOffset").asInt();
      pages++;
    }
    assertThat(pages).isEqualTo((sent.size() + 499) / 500);
    assertThat(seen).hasSize(sent.size());
    // Stored as sent, but in NFC: the decomposed name comes back composed.
    assertThat(new HashSet<>(seen))
        .isEqualTo(
            new HashSet<>(
                sent.stream().map(n -> Normalizer.normalize(n, Normalizer.Form.NFC)).toList()));
    // The pages follow the order of the whole list.
    assertThat(names(page("?limit=10&offset=40"))).isEqualTo(seen.subList(40, 50));
    // Past the end: an empty page, the counts still said.
    JsonNode past = page("?offset=" + (sent.size() + 5));
    assertThat(past.get("software")).isEmpty();
    assertThat(past.get("matched").asInt()).isEqualTo(sent.size());
    assertThat(past.get("nextOffset").isNull()).isTrue();
  }

  @Test
  void the_filter_ignores_case_in_vietnamese_and_the_form_the_name_was_sent_in() {
    JsonNode upper = page(q("ỨNG DỤNG SỐ") + "&limit=500");
    assertThat(upper.get("matched").asLong()).isEqualTo(expectedMatches("ứng dụng số"));
    assertThat(upper.get("matched").asInt()).isEqualTo(300);
    assertThat(upper.get("total").asInt()).isEqualTo(sent.size());
    assertThat(names(upper)).allMatch(n -> n.startsWith("Ứng dụng số "));
    assertThat(upper.get("q").asText()).isEqualTo("ỨNG DỤNG SỐ");

    // Typed precomposed (as a Vietnamese keyboard does), sent decomposed by the installer.
    JsonNode typed = page(q("bộ gõ"));
    assertThat(names(typed)).containsExactly("Bộ gõ tiếng Việt");
    assertThat(names(typed).get(0)).isNotEqualTo(DECOMPOSED);
    // And the other way round: typed decomposed, sent precomposed.
    JsonNode other = page(q(Normalizer.normalize("ĐỌC HÓA", Normalizer.Form.NFD)));
    assertThat(names(other)).containsExactly("Đọc hóa đơn điện tử");
    assertThat(other.get("q").asText()).isEqualTo("ĐỌC HÓA"); // said back in NFC

    JsonNode uni = page(q("unikey"));
    assertThat(names(uni)).containsExactly("UniKey 4.3 RC5");
    assertThat(uni.get("matched").asInt()).isEqualTo(1);
    assertThat(uni.get("nextOffset").isNull()).isTrue();

    JsonNode none = page(q("Photoshop"));
    assertThat(none.get("software")).isEmpty();
    assertThat(none.get("matched").asInt()).isZero();
    assertThat(none.get("total").asInt()).isEqualTo(sent.size());

    // Blank: no filter.
    assertThat(page("?q=%20%20").get("matched").asInt()).isEqualTo(sent.size());

    // Filter and pages together.
    JsonNode second = page(q("package") + "&limit=100&offset=300");
    assertThat(second.get("matched").asLong()).isEqualTo(expectedMatches("package"));
    assertThat(second.get("software")).hasSize(17);
    assertThat(second.get("nextOffset").isNull()).isTrue();
  }

  @Test
  void bad_parameters_are_400_naming_the_parameter() {
    Map<String, String> bad =
        Map.of(
            "?limit=0",
            "limit",
            "?limit=501",
            "limit",
            "?limit=fifty",
            "limit",
            "?offset=-1",
            "offset",
            "?offset=x",
            "offset",
            "?offset=1.5",
            "offset",
            q("a".repeat(201)),
            "q");
    bad.forEach(
        (query, field) -> {
          Http.Answer r =
              c.admin("GET", "/api/v1/machines/" + pc.machineId() + "/software" + query, null);
          assertThat(r.status()).as(query + " " + r.body()).isEqualTo(400);
          assertThat(r.json().get("error").asText()).as(query).isNotBlank();
          assertThat(r.json().get("detail").asText()).as(query).startsWith(field + ":");
        });
    assertThat(page("?limit=500").get("software")).hasSize(500);
  }

  @Test
  void a_machine_that_never_sent_a_list_says_so_on_every_page() {
    Agent quiet = c.enroll(c.enrollmentToken("krong-nang"), "PC-OLD", "u-old", "s-old", "o-old");
    Http.Answer r =
        c.admin("GET", "/api/v1/machines/" + quiet.machineId() + "/software?q=zalo", null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode a = r.json();
    for (String field : Set.of("software", "count", "total", "matched", "nextOffset")) {
      assertThat(a.get(field).isNull()).as(field).isTrue();
    }
    assertThat(a.get("q").asText()).isEqualTo("zalo");
  }
}

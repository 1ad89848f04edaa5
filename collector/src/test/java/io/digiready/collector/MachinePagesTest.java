package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/machines?limit=&cursor=&state=&failing=}: the pages a unit page of a ministry
 * asks for instead of the whole subtree, and {@code /api/v1/units?parent=} and the unit's path.
 */
@Contract
class MachinePagesTest {
  @TempDir Path dir;
  TestCollector c;
  final Set<String> offline = new HashSet<>();
  final Set<String> failing = new HashSet<>();

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
    c.createUnit("d", "D", null, "district", 10);
    c.createUnit("d.a", "A", "d", "commune", 6);
    c.createUnit("d.b", "B", "d", "commune", 4);
    String a = c.enrollmentToken("d.a");
    String b = c.enrollmentToken("d.b");
    // Seven early machines (they go offline), then four that stay online; every third fails the
    // memory rule with 2 GiB.
    for (int i = 0; i < 11; i++) {
      if (i == 7) {
        c.clock.advance(Duration.ofMinutes(10));
      }
      String host = String.format("PC-%02d", i);
      Agent m = c.enroll(i % 2 == 0 ? a : b, host, "u-" + host, "s-" + host, "o-" + host);
      long memory = (i % 3 == 0 ? 2 : 8) * Fixtures.GIB;
      assertThat(
              c.inventory(
                      m, Fixtures.inventory(host, c.clock.instant(), memory, 4, "Windows", "10"))
                  .status())
          .isEqualTo(200);
      assertThat(c.beat(m, 1, true).status()).isEqualTo(200);
      if (i < 7) {
        offline.add(m.machineId());
      }
      if (i % 3 == 0) {
        failing.add(m.machineId());
      }
    }
  }

  @AfterEach
  void stop() {
    c.close();
  }

  JsonNode get(String path) {
    Http.Answer r = c.admin("GET", path, null);
    assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
    return r.json();
  }

  List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(m -> out.add(m.get("machineId").asText()));
    return out;
  }

  /** Every page from the first, following nextCursor; asserts each holds at most the limit. */
  List<String> walk(String query, int limit, int expectedTotal) {
    List<String> out = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          get(
              "/api/v1/machines?"
                  + query
                  + "&limit="
                  + limit
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.get("total").asInt()).isEqualTo(expectedTotal);
      assertThat(page.get("machines").size()).isLessThanOrEqualTo(limit);
      out.addAll(ids(page.get("machines")));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 100);
    assertThat(cursor).isNull();
    return out;
  }

  @Test
  void pages_follow_the_cursor_through_the_whole_list_in_its_order() {
    JsonNode all = get("/api/v1/machines?unit=d");
    assertThat(all.isArray()).as("without limit or cursor the answer stays an array").isTrue();
    assertThat(all.size()).isEqualTo(11);
    assertThat(walk("unit=d", 4, 11)).containsExactlyElementsOf(ids(all));
    assertThat(walk("unit=d", 11, 11)).containsExactlyElementsOf(ids(all));
    JsonNode first = get("/api/v1/machines?unit=d&limit=4");
    assertThat(first.get("unit").asText()).isEqualTo("d");
    assertThat(first.get("machines").get(0).get("hostname").isTextual()).isTrue();
    // The commune's own list is its part of the district's.
    JsonNode commune = get("/api/v1/machines?unit=d.b&limit=3");
    assertThat(commune.get("total").asInt()).isEqualTo(5);
    assertThat(commune.get("machines"))
        .allSatisfy(
            m -> {
              assertThat(m.get("unit").asText()).isEqualTo("d.b");
              assertThat(m.get("unitName").asText()).isEqualTo("B");
            });
    // Only a cursor: the default page size.
    JsonNode fromCursor = get("/api/v1/machines?unit=d&cursor=" + first.get("nextCursor").asText());
    assertThat(ids(fromCursor.get("machines"))).containsExactlyElementsOf(ids(all).subList(4, 11));
    assertThat(fromCursor.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void offline_and_failing_pages_count_what_matches() {
    assertThat(walk("unit=d&state=offline", 3, offline.size()))
        .containsExactlyInAnyOrderElementsOf(offline);
    JsonNode failingPage = get("/api/v1/machines?unit=d&failing=true&limit=2");
    assertThat(failingPage.get("failing").asBoolean()).isTrue();
    assertThat(walk("unit=d&failing=true", 2, failing.size()))
        .containsExactlyInAnyOrderElementsOf(failing);
    assertThat(failingPage.get("machines"))
        .allSatisfy(
            m -> {
              assertThat(m.get("compliant").asBoolean()).isFalse();
              assertThat(m.get("failing").get(0).get("rule").asText()).isEqualTo("memory");
            });
    Set<String> offlineFailing = new HashSet<>(offline);
    offlineFailing.retainAll(failing);
    assertThat(walk("unit=d&state=offline&failing=true", 5, offlineFailing.size()))
        .containsExactlyInAnyOrderElementsOf(offlineFailing);
    assertThat(walk("unit=d&failing=false", 50, 11 - failing.size()))
        .doesNotContainAnyElementsOf(failing);
    // The array answer takes the same filter.
    assertThat(ids(get("/api/v1/machines?unit=d&failing=true")))
        .containsExactlyInAnyOrderElementsOf(failing);
  }

  @Test
  void bad_paging_and_filters_are_400_naming_the_field() {
    String cursor = get("/api/v1/machines?unit=d&limit=1").get("nextCursor").asText();
    for (String[] bad :
        new String[][] {
          {"limit=0", "limit"},
          {"limit=1001", "limit"},
          {"limit=ten", "limit"},
          {"limit=-5", "limit"},
          {"cursor=bm90LW91cnM", "cursor"},
          {"cursor=%25%25", "cursor"},
          {"cursor=" + cursor + "&limit=0", "limit"},
          {"failing=yes&limit=5", "failing"},
          {"state=gone&limit=5", "state"},
        }) {
      Http.Answer r = c.admin("GET", "/api/v1/machines?unit=d&" + bad[0], null);
      assertThat(r.status()).as(bad[0] + " " + r.body()).isEqualTo(400);
      assertThat(r.json().get("error").asText()).isNotBlank();
      assertThat(r.json().get("detail").asText()).as(bad[0]).startsWith(bad[1] + ":");
    }
    assertThat(c.admin("GET", "/api/v1/machines?unit=zz&limit=5", null).status()).isEqualTo(404);
  }

  @Test
  void a_unit_page_reads_its_children_and_its_path_without_the_whole_tree() {
    c.createUnit("d.a.x", "X", "d.a", "village", 1);
    JsonNode children = get("/api/v1/units?parent=d");
    List<String> codes = new ArrayList<>();
    children.forEach(u -> codes.add(u.get("code").asText()));
    assertThat(codes).containsExactlyInAnyOrder("d.a", "d.b");
    children.forEach(u -> assertThat(u.get("of").asInt()).isEqualTo(2));
    assertThat(get("/api/v1/units?parent=d.b")).isEmpty();
    assertThat(get("/api/v1/units").size()).isEqualTo(4);
    JsonNode x = get("/api/v1/units/d.a.x");
    assertThat(x.get("path").size()).isEqualTo(2);
    assertThat(x.at("/path/0/code").asText()).isEqualTo("d");
    assertThat(x.at("/path/1/code").asText()).isEqualTo("d.a");
    assertThat(x.at("/path/1/name").asText()).isEqualTo("A");
    assertThat(get("/api/v1/units/d").get("path")).isEmpty();
    assertThat(c.admin("GET", "/api/v1/units?parent=zz", null).status()).isEqualTo(404);
  }
}

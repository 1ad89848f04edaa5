package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.coverage.ReadinessRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /api/v1/readiness-rules names every rule of the policy in both languages, so that the status
 * page names a rule it was not written with; readers only.
 */
class ReadinessRulesApiTest {
  @TempDir Path dir;

  @Test
  void every_rule_is_named_in_english_and_vietnamese_for_readers_only() throws Exception {
    try (TestCollector c = new TestCollector(dir)) {
      Http.Answer answer = c.admin("GET", "/api/v1/readiness-rules", null);
      Http.Answer anonymous = c.http.get("/api/v1/readiness-rules", null);

      assertThat(answer.status()).isEqualTo(200);
      List<String> labels = new ArrayList<>();
      for (JsonNode rule : answer.json()) {
        labels.add(rule.get("rule").asText());
        assertThat(rule.get("names").get("en").asText()).as(rule.toString()).isNotBlank();
        assertThat(rule.get("names").get("vi").asText())
            .as(rule.toString())
            .isNotBlank()
            .isNotEqualTo(rule.get("names").get("en").asText());
      }
      List<String> expected = new ArrayList<>();
      for (ReadinessRule r : ReadinessRule.values()) {
        expected.add(r.label());
      }
      assertThat(labels).containsExactlyElementsOf(expected).contains("memory", "osUpdates");
      JsonNode memory = answer.json().get(0);
      assertThat(memory.get("names").get("vi").asText()).isEqualTo("Bộ nhớ (RAM)");
      assertThat(anonymous.status()).isEqualTo(401);
    }
  }
}

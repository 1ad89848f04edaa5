package io.digiready.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON Schema files and {@link ProtocolValidator} must agree: golden fixtures pass both, and
 * each broken variant fails both with the offending field named.
 */
class SchemaAndValidatorTest {

  private static final Instant NOW = Instant.parse("2026-11-27T08:00:30Z");
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  m -> m.mapPrefix("https://digiready.io/schema/", "classpath:schema/")));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .formatAssertionsEnabled(true)
          .pathType(PathType.JSON_PATH)
          .build();

  /** A kind of document: its schema, how to build it from a fixture, and the Java check. */
  enum Doc {
    BATCH("heartbeat-batch.schema.json", HeartbeatBatch.class),
    REPORT("inventory-report.schema.json", InventoryReport.class),
    ENROLL("enroll-request.schema.json", EnrollRequest.class);

    final String schema;
    final Class<?> type;

    Doc(String schema, Class<?> type) {
      this.schema = schema;
      this.type = type;
    }

    JsonNode golden() {
      return switch (this) {
        case BATCH -> Fixtures.tree("heartbeat-batch.json");
        case REPORT -> report("inventory-linux.json");
        case ENROLL -> Fixtures.tree("enroll-request.json");
      };
    }

    static JsonNode report(String inventoryFixture) {
      ObjectNode report = Fixtures.MAPPER.createObjectNode();
      report.put("machineId", "m-7f3a9c2e");
      report.set("inventory", Fixtures.tree(inventoryFixture));
      return report;
    }

    void javaCheck(JsonNode node) throws JsonProcessingException {
      Object value = Fixtures.MAPPER.treeToValue(node, type);
      switch (this) {
        case BATCH -> ProtocolValidator.heartbeatBatch((HeartbeatBatch) value, NOW);
        case REPORT -> ProtocolValidator.inventoryReport((InventoryReport) value, NOW);
        case ENROLL -> ProtocolValidator.enrollRequest((EnrollRequest) value, NOW);
      }
    }
  }

  @Test
  void every_golden_fixture_is_valid_for_the_schema_and_the_validator() throws Exception {
    List<JsonNode> reports =
        List.of(Doc.report("inventory-linux.json"), Doc.report("inventory-windows.json"));
    for (JsonNode report : reports) {
      assertThat(schemaErrors(Doc.REPORT, report)).isEmpty();
      Doc.REPORT.javaCheck(report);
    }
    for (Doc doc : Doc.values()) {
      assertThat(schemaErrors(doc, doc.golden())).as(doc.name()).isEmpty();
      doc.javaCheck(doc.golden());
    }
    JsonNode inventory = Fixtures.tree("inventory-windows.json");
    assertThat(
            schema("inventory.schema.json").validate(inventory).stream()
                .map(ValidationMessage::getMessage))
        .isEmpty();
    ProtocolValidator.inventory(
        "inventory", Fixtures.MAPPER.treeToValue(inventory, Inventory.class), NOW);
  }

  @ParameterizedTest(name = "{0} {1} := {2} is rejected at {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "BATCH  | /heartbeats/0/seq                    | 0            | heartbeats[0].seq",
        "BATCH  | /heartbeats/1/seq                    | -5           | heartbeats[1].seq",
        "BATCH  | /heartbeats/0/machineId              | REMOVE       | heartbeats[0].machineId",
        "BATCH  | /heartbeats/0/machineId              | '\"   \"'    | heartbeats[0].machineId",
        "BATCH  | /heartbeats/1/probes/0/kind          | '\"icmp\"'   | heartbeats[1].probes[0].kind",
        "BATCH  | /heartbeats/0/probes/0/latencyMillis | -1           | heartbeats[0].probes[0].latencyMillis",
        "BATCH  | /heartbeats/1/probes/0/error         | REMOVE       | heartbeats[1].probes[0].error",
        "BATCH  | /heartbeats                          | []           | heartbeats",
        "BATCH  | /heartbeats/0/internetUp             | REMOVE       | heartbeats[0].internetUp",
        "BATCH  | /heartbeats/0/agentTime              | '\"yesterday\"' | heartbeats[0].agentTime",
        "BATCH  | /heartbeats/0/memoryUsedBytes        | -1           | heartbeats[0].memoryUsedBytes",
        "BATCH  | /heartbeats/0/seq                    | '\"42\"'     | heartbeats[0].seq",
        "BATCH  | /heartbeats/0/seq                    | 4.5          | heartbeats[0].seq",
        "BATCH  | /heartbeats/0/internetUp             | '\"yes\"'    | heartbeats[0].internetUp",
        "BATCH  | /heartbeats/0/probes/0/target        | LONG         | heartbeats[0].probes[0].target",
        "BATCH  | /heartbeats/0/agentCpuSeconds        | -1.5         | heartbeats[0].agentCpuSeconds",
        "BATCH  | /heartbeats/0/probes                 | '{}'         | heartbeats[0].probes",
        "REPORT | /inventory/processor/logicalCores    | 0            | inventory.processor.logicalCores",
        "REPORT | /inventory/memory/totalBytes         | -1           | inventory.memory.totalBytes",
        "REPORT | /inventory/hostname                  | REMOVE       | inventory.hostname",
        "REPORT | /inventory/disks/0/sizeBytes         | -100         | inventory.disks[0].sizeBytes",
        "REPORT | /inventory/os/bitness                | 16           | inventory.os.bitness",
        "REPORT | /inventory/fileSystems/0/mount       | REMOVE       | inventory.fileSystems[0].mount",
        "REPORT | /machineId                           | REMOVE       | machineId",
        "REPORT | /inventory/schemaVersion             | 0            | inventory.schemaVersion",
        "REPORT | /inventory/networkInterfaces/0/ipv4  | '\"10.0.0.1\"' | inventory.networkInterfaces[0].ipv4",
        "REPORT | /inventory/collectedAt               | REMOVE       | inventory.collectedAt",
        "REPORT | /inventory/software/0/name           | REMOVE       | inventory.software[0].name",
        "REPORT | /inventory/software/1/name           | '\"  \"'     | inventory.software[1].name",
        "REPORT | /inventory/software/1/installDate    | '\"someday\"' | inventory.software[1].installDate",
        "REPORT | /inventory/software/2/version        | LONG         | inventory.software[2].version",
        "REPORT | /inventory/software                  | '{}'         | inventory.software",
        "REPORT | /inventory/protection/antiMalware    | '[{\"enabled\":true}]' | inventory.protection.antiMalware[0].name",
        "REPORT | /inventory/protection/antiMalware    | '{}'         | inventory.protection.antiMalware",
        "REPORT | /inventory/protection/source         | 7            | inventory.protection.source",
        "REPORT | /inventory/updates/rebootPending     | '\"yes\"'    | inventory.updates.rebootPending",
        "REPORT | /inventory/updates/lastInstalledAt   | '\"last week\"' | inventory.updates.lastInstalledAt",
        "ENROLL | /enrollmentToken                     | REMOVE       | enrollmentToken",
        "ENROLL | /hostname                            | '\"\"'       | hostname",
        "ENROLL | /fingerprint                         | REMOVE       | fingerprint",
        "ENROLL | /fingerprint/macs                    | '[\"\"]'     | fingerprint.macs[0]",
      })
  void a_broken_document_fails_both_checks_naming_the_field(
      Doc doc, String pointer, String replacement, String field) throws Exception {
    JsonNode broken = mutate(doc.golden(), pointer, replacement);

    Set<ValidationMessage> errors = schemaErrors(doc, broken);
    assertThat(errors).as("schema errors").isNotEmpty();
    assertThat(errors.stream().map(ValidationMessage::getMessage).collect(Collectors.toList()))
        .as("some schema error names " + field)
        .anySatisfy(message -> assertThat(namesField(message, field)).isTrue());

    assertThat(javaField(doc, broken)).isEqualTo(field);
  }

  @Test
  void a_time_far_in_the_future_is_rejected_but_a_wrong_clock_is_not() throws Exception {
    JsonNode hoursAhead =
        mutate(Doc.BATCH.golden(), "/heartbeats/0/agentTime", "\"2026-11-27T20:00:00Z\"");
    Doc.BATCH.javaCheck(hoursAhead);

    JsonNode yearsAhead =
        mutate(Doc.BATCH.golden(), "/heartbeats/0/agentTime", "\"2031-01-01T00:00:00Z\"");
    assertThat(javaField(Doc.BATCH, yearsAhead)).isEqualTo("heartbeats[0].agentTime");

    JsonNode before2000 =
        mutate(Doc.BATCH.golden(), "/heartbeats/1/agentTime", "\"1999-12-31T23:59:59Z\"");
    assertThat(javaField(Doc.BATCH, before2000)).isEqualTo("heartbeats[1].agentTime");
  }

  @Test
  void rules_the_schema_cannot_express_are_checked_by_the_validator() throws Exception {
    JsonNode fewerLogical = mutate(Doc.REPORT.golden(), "/inventory/processor/logicalCores", "2");
    assertThat(javaField(Doc.REPORT, fewerLogical)).isEqualTo("inventory.processor.logicalCores");

    JsonNode updatedInFiveYears =
        mutate(
            Doc.REPORT.golden(), "/inventory/updates/lastInstalledAt", "\"2031-11-27T00:00:00Z\"");
    assertThat(javaField(Doc.REPORT, updatedInFiveYears))
        .isEqualTo("inventory.updates.lastInstalledAt");
    JsonNode installedInFiveYears =
        mutate(Doc.REPORT.golden(), "/inventory/software/0/installDate", "\"2031-11-27\"");
    assertThat(javaField(Doc.REPORT, installedInFiveYears))
        .isEqualTo("inventory.software[0].installDate");

    JsonNode moreFreeThanTotal =
        mutate(Doc.BATCH.golden(), "/heartbeats/0/systemDiskFreeBytes", "300000000000");
    assertThat(javaField(Doc.BATCH, moreFreeThanTotal))
        .isEqualTo("heartbeats[0].systemDiskFreeBytes");
  }

  @Test
  void a_lone_surrogate_from_a_json_escape_is_refused_in_any_text_field() throws Exception {
    JsonNode hostname = mutate(Doc.ENROLL.golden(), "/hostname", "\"PC-\\ud800\"");
    assertThat(hostname.get("hostname").asText()).hasSize(4);
    assertThat(javaField(Doc.ENROLL, hostname)).isEqualTo("hostname");

    JsonNode target = mutate(Doc.BATCH.golden(), "/heartbeats/0/probes/0/target", "\"\\udc00x\"");
    assertThat(javaField(Doc.BATCH, target)).isEqualTo("heartbeats[0].probes[0].target");

    JsonNode os = mutate(Doc.REPORT.golden(), "/inventory/os/family", "\"Windows\\ud83d\"");
    assertThat(javaField(Doc.REPORT, os)).isEqualTo("inventory.os.family");

    // A real pair (an emoji written as two escapes) is text.
    JsonNode pair = mutate(Doc.ENROLL.golden(), "/hostname", "\"PC-\\ud83d\\ude00\"");
    Doc.ENROLL.javaCheck(pair);
  }

  @Test
  void well_formed_text_has_every_surrogate_in_a_pair() {
    assertThat(Text.wellFormed("Xã Phú Lộc 😀")).isTrue();
    assertThat(Text.wellFormed("a\ud800")).isFalse();
    assertThat(Text.wellFormed("\udc00a")).isFalse();
    assertThat(Text.wellFormed("\ud800\ud800\udc00")).isFalse();
  }

  @Test
  void a_batch_over_the_limit_is_rejected_by_both() throws Exception {
    ObjectNode batch = (ObjectNode) Doc.BATCH.golden();
    ArrayNode heartbeats = (ArrayNode) batch.get("heartbeats");
    JsonNode template = heartbeats.get(0);
    heartbeats.removeAll();
    for (int i = 1; i <= Limits.MAX_HEARTBEATS_PER_BATCH + 1; i++) {
      heartbeats.add(((ObjectNode) template.deepCopy()).put("seq", i));
    }
    assertThat(schemaErrors(Doc.BATCH, batch)).isNotEmpty();
    assertThatThrownBy(() -> Doc.BATCH.javaCheck(batch))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("heartbeats: must hold at most 1000 entries. Found: 1001");
  }

  @Test
  void an_inventory_of_an_older_agent_without_software_protection_and_updates_is_valid()
      throws Exception {
    ObjectNode report = (ObjectNode) Doc.REPORT.golden();
    ((ObjectNode) report.get("inventory")).remove(List.of("software", "protection", "updates"));
    assertThat(schemaErrors(Doc.REPORT, report)).isEmpty();
    Doc.REPORT.javaCheck(report);
    Inventory read = Fixtures.MAPPER.treeToValue(report.get("inventory"), Inventory.class);
    assertThat(read.software()).isNull();
    assertThat(Fixtures.MAPPER.writeValueAsString(read))
        .doesNotContain("software")
        .doesNotContain("protection")
        .doesNotContain("updates");
  }

  @Test
  void undetermined_anti_malware_and_an_empty_software_list_are_valid() throws Exception {
    JsonNode unknown = mutate(Doc.REPORT.golden(), "/inventory/protection/antiMalware", "null");
    JsonNode none = mutate(unknown, "/inventory/software", "[]");
    JsonNode nothing = mutate(none, "/inventory/updates/lastInstalledAt", "null");
    assertThat(schemaErrors(Doc.REPORT, nothing)).isEmpty();
    Doc.REPORT.javaCheck(nothing);
  }

  @Test
  void more_software_than_the_limit_is_rejected_by_both() throws Exception {
    ObjectNode report = (ObjectNode) Doc.REPORT.golden();
    ArrayNode software = (ArrayNode) report.get("inventory").get("software");
    JsonNode template = software.get(0);
    software.removeAll();
    for (int i = 0; i <= Limits.MAX_SOFTWARE; i++) {
      software.add(((ObjectNode) template.deepCopy()).put("name", "app-" + i));
    }
    assertThat(schemaErrors(Doc.REPORT, report)).isNotEmpty();
    assertThatThrownBy(() -> Doc.REPORT.javaCheck(report))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("inventory.software: must hold at most 2000 entries. Found: 2001");
    software.remove(Limits.MAX_SOFTWARE);
    assertThat(schemaErrors(Doc.REPORT, report)).isEmpty();
    Doc.REPORT.javaCheck(report);
  }

  @Test
  void unknown_fields_inside_the_new_sections_are_accepted_by_both() throws Exception {
    ObjectNode report = (ObjectNode) Doc.REPORT.golden();
    ObjectNode inventory = (ObjectNode) report.get("inventory");
    ((ObjectNode) inventory.get("software").get(0)).put("architecture", "amd64");
    ((ObjectNode) inventory.get("protection")).put("firewallEnabled", true);
    ((ObjectNode) inventory.get("updates")).put("pendingCount", 3);
    assertThat(schemaErrors(Doc.REPORT, report)).isEmpty();
    Doc.REPORT.javaCheck(report);
  }

  @Test
  void unknown_fields_from_a_newer_agent_are_accepted_by_both() throws Exception {
    ObjectNode batch = (ObjectNode) Doc.BATCH.golden();
    ((ObjectNode) batch.get("heartbeats").get(0)).put("batteryPercent", 87);
    batch.put("agentBuild", "2027.1");

    assertThat(schemaErrors(Doc.BATCH, batch)).isEmpty();
    Doc.BATCH.javaCheck(batch);
  }

  private static boolean namesField(String message, String field) {
    String location = "$." + field;
    if (message.startsWith(location + ":") || message.startsWith(location + " ")) {
      return true;
    }
    int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
    String parent = cut < 0 ? "$" : "$." + field.substring(0, cut);
    String leaf = cut < 0 ? field : field.substring(cut + 1).replace("]", "");
    return message.startsWith(parent + ":") && message.contains("'" + leaf + "'");
  }

  private static String javaField(Doc doc, JsonNode node) {
    try {
      doc.javaCheck(node);
    } catch (JsonProcessingException e) {
      return Json.fieldOf(e);
    } catch (ValidationException e) {
      assertThat(e.getMessage()).startsWith(e.field() + ": ");
      return e.field();
    }
    throw new AssertionError("the validator accepted " + node);
  }

  private static JsonNode mutate(JsonNode original, String pointer, String replacement)
      throws JsonProcessingException {
    JsonNode copy = original.deepCopy();
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, cut));
    String leaf = pointer.substring(cut + 1);
    JsonNode value =
        switch (replacement) {
          case "REMOVE" -> null;
          case "LONG" -> Fixtures.MAPPER.getNodeFactory().textNode("x".repeat(2000));
          default -> Fixtures.MAPPER.readTree(replacement);
        };
    if (parent instanceof ObjectNode object) {
      if (value == null) {
        object.remove(leaf);
      } else {
        object.set(leaf, value);
      }
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(leaf), value);
    } else {
      throw new IllegalArgumentException("no parent at " + pointer);
    }
    return copy;
  }

  private static Set<ValidationMessage> schemaErrors(Doc doc, JsonNode node) {
    return schema(doc.schema).validate(node);
  }

  private static JsonSchema schema(String file) {
    return FACTORY.getSchema(SchemaLocation.of("classpath:schema/" + file), CONFIG);
  }
}

package io.digiready.collector;

import static io.digiready.collector.Fixtures.GIB;
import static io.digiready.collector.Fixtures.software;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestCollector.Agent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Required applications per unit (issue 29): a province sets the list, communes inherit it, each
 * working machine is matched when its list arrives or the unit's list changes, and the units API,
 * the machine page, the history, the exports and /metrics give the software-ready figures.
 */
@Contract
class RequiredApplicationsTest {
  static final String PROVINCE = "dak-lak";
  static final String DISTRICT = "dak-lak.krong-nang";
  static final String PHU_LOC = "dak-lak.krong-nang.phu-loc";
  static final String TAM_GIANG = "dak-lak.krong-nang.tam-giang";

  @TempDir Path dir;
  TestCollector c;

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
    createTree();
  }

  void createTree() {
    var province = Fixtures.unit(PROVINCE, "Tỉnh Đắk Lắk", null, "province", 0);
    province.put("requiredApplications", required());
    assertThat(c.admin("POST", "/api/v1/units", province).status()).isEqualTo(201);
    c.createUnit(DISTRICT, "Huyện Krông Năng", PROVINCE, "district", 0);
    c.createUnit(PHU_LOC, "Xã Phú Lộc", DISTRICT, "commune", 3);
    c.createUnit(TAM_GIANG, "Xã Tâm Giang", DISTRICT, "commune", 2);
  }

  @AfterEach
  void stop() {
    c.close();
  }

  static List<Map<String, Object>> required() {
    return List.of(
        Map.of("label", "Quản lý văn bản", "match", "văn bản"),
        Map.of("label", "Ký số", "match", "token manager"),
        Map.of("label", "Bộ gõ tiếng Việt", "match", "unikey"),
        Map.of("label", "Đọc PDF", "match", "pdf"));
  }

  static String nfd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD);
  }

  /** Everything the list requires, named as real installers name it (any case, decomposed). */
  static List<Map<String, Object>> complete() {
    return List.of(
        software(nfd("PHẦN MỀM QUẢN LÝ VĂN BẢN VÀ HỒ SƠ CÔNG VIỆC"), "3.1", "VNPT", null),
        software("ViettelCA Token Manager", "2.0.1", "Viettel", null),
        software("UniKey 4.3 RC5", "4.3.5", "Pham Kim Long", null),
        software("Foxit PDF Reader", "2024.3", "Foxit Software", null));
  }

  Agent pc(String unit, String hostname, List<Map<String, Object>> software) {
    Agent a =
        c.enroll(
            c.enrollmentToken(unit),
            hostname,
            "uuid-" + hostname,
            "sn-" + hostname,
            "os-" + hostname);
    Map<String, Object> inv =
        Fixtures.inventory(hostname, c.clock.instant(), 8 * GIB, 4, "Windows", "10");
    inv.put("software", new ArrayList<>(software));
    Http.Answer r = c.inventory(a, inv);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(c.beat(a, 1, true).status()).isEqualTo(200);
    return a;
  }

  JsonNode requiredSoftware(Agent a) {
    Http.Answer r = c.admin("GET", "/api/v1/machines/" + a.machineId(), null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("requiredSoftware");
  }

  @Test
  void a_machine_passes_with_every_required_application_and_its_page_names_what_is_missing() {
    Agent full = pc(PHU_LOC, "PL-1", complete());
    List<Map<String, Object>> noSigning = new ArrayList<>(complete());
    noSigning.remove(1);
    noSigning.remove(2); // the PDF reader
    Agent partial = pc(PHU_LOC, "PL-2", noSigning);
    Agent other = pc(TAM_GIANG, "TG-1", complete());

    assertThat(requiredSoftware(full).get("ready").asBoolean()).isTrue();
    assertThat(requiredSoftware(full).get("missing")).isEmpty();
    JsonNode missing = requiredSoftware(partial);
    assertThat(missing.get("ready").asBoolean()).isFalse();
    assertThat(texts(missing.get("missing"))).containsExactly("Ký số", "Đọc PDF");
    assertThat(missing.get("required")).hasSize(4);

    JsonNode commune = c.unitView(PHU_LOC);
    assertThat(commune.get("requiredApplications").isNull()).isTrue();
    assertThat(commune.get("effectiveRequiredApplications")).hasSize(4);
    assertThat(commune.get("softwareReadyMachines").asInt()).isEqualTo(1);
    assertThat(commune.get("softwareCoverage").asDouble()).isEqualTo(0.5);
    assertThat(commune.get("softwareTarget").asDouble()).isEqualTo(1.0);
    JsonNode province = c.unitView(PROVINCE);
    assertThat(province.get("softwareReadyMachines").asInt()).isEqualTo(2);
    assertThat(province.get("softwareCoverage").asDouble()).isEqualTo(2.0 / 3);
    assertThat(c.unitView(TAM_GIANG).get("softwareCoverage").asDouble()).isEqualTo(1.0);
    // Not part of the readiness score by default (readinessWeightSoftware = 0).
    double withoutSoftware =
        (commune.get("equipmentCoverage").asDouble()
                + commune.get("connectivityCoverage").asDouble()
                + commune.get("compliance").asDouble())
            / 3;
    assertThat(commune.get("readinessScore").asDouble()).isCloseTo(withoutSoftware, within(1e-9));
    assertThat(other).isNotNull();
  }

  @Test
  void
      a_changed_list_is_applied_to_the_machines_below_without_a_new_inventory_and_survives_a_restart()
          throws Exception {
    List<Map<String, Object>> noPdf = new ArrayList<>(complete());
    noPdf.remove(3);
    Agent a = pc(PHU_LOC, "PL-1", noPdf);
    assertThat(c.unitView(PHU_LOC).get("softwareReadyMachines").asInt()).isZero();

    // The commune sets its own list without a PDF reader: the machine is ready at once.
    var commune = Fixtures.unit(PHU_LOC, "Xã Phú Lộc", DISTRICT, "commune", 3);
    commune.put("requiredApplications", required().subList(0, 3));
    Http.Answer put = c.admin("PUT", "/api/v1/units/" + PHU_LOC, commune);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(requiredSoftware(a).get("ready").asBoolean()).isTrue();
    assertThat(c.unitView(PHU_LOC).get("softwareCoverage").asDouble()).isEqualTo(1.0);

    // What was worked out is stored: a restarted collector answers the same without recounting.
    c.close();
    c = new TestCollector(dir);
    assertThat(c.unitView(PHU_LOC).get("softwareReadyMachines").asInt()).isEqualTo(1);
    assertThat(requiredSoftware(a).get("missing")).isEmpty();

    // Back to the province's list (the field left out): the PDF reader is missing again.
    commune.remove("requiredApplications");
    assertThat(c.admin("PUT", "/api/v1/units/" + PHU_LOC, commune).status()).isEqualTo(200);
    assertThat(texts(requiredSoftware(a).get("missing"))).containsExactly("Đọc PDF");
  }

  @Test
  void an_admin_weight_adds_software_coverage_to_the_readiness_score() throws Exception {
    c.close();
    c = new TestCollector(dir.resolve("weighted"), "readinessWeightSoftware", "1");
    createTree();
    pc(PHU_LOC, "PL-1", complete());
    pc(PHU_LOC, "PL-2", complete().subList(0, 2));
    JsonNode u = c.unitView(PHU_LOC);
    double withSoftware =
        (u.get("equipmentCoverage").asDouble()
                + u.get("connectivityCoverage").asDouble()
                + u.get("compliance").asDouble()
                + u.get("softwareCoverage").asDouble())
            / 4;
    assertThat(u.get("softwareCoverage").asDouble()).isEqualTo(0.5);
    assertThat(u.get("readinessScore").asDouble()).isCloseTo(withSoftware, within(1e-9));
  }

  @Test
  void a_unit_tree_that_requires_nothing_has_no_software_figure() throws Exception {
    c.close();
    c = new TestCollector(dir.resolve("plain"));
    c.createUnit("p", "Tỉnh", null, "province", 1);
    pc("p", "P-1", complete());
    JsonNode p = c.unitView("p");
    assertThat(p.get("softwareReadyMachines").isNull()).isTrue();
    assertThat(p.get("softwareCoverage").isNull()).isTrue();
    PromText m = new PromText(c.http.get("/metrics", null).body());
    assertThat(m.find("digiready_unit_software_coverage_ratio")).isEmpty();
    assertThat(m.value("digiready_unit_software_target_ratio", "unit", "p")).isEqualTo(1.0);
  }

  @Test
  void the_figure_is_in_metrics_the_units_export_the_history_and_the_period_report() {
    pc(PHU_LOC, "PL-1", complete());
    pc(PHU_LOC, "PL-2", complete().subList(0, 2));
    PromText m = new PromText(c.http.get("/metrics", null).body());
    assertThat(m.value("digiready_unit_software_ready_machines", "unit", PHU_LOC)).isEqualTo(1.0);
    assertThat(m.value("digiready_unit_software_coverage_ratio", "unit", PHU_LOC)).isEqualTo(0.5);
    assertThat(m.value("digiready_unit_software_coverage_ratio", "unit", PROVINCE)).isEqualTo(0.5);

    String csv = c.admin("GET", "/api/v1/units.csv", null).body();
    List<String> lines = csv.lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    int ready = header.indexOf("softwareReadyMachines");
    int coverage = header.indexOf("softwareCoverage");
    assertThat(ready).isPositive();
    String phuLoc =
        lines.stream().filter(l -> l.startsWith(PHU_LOC + ",")).findFirst().orElseThrow();
    assertThat(phuLoc.split(",")[ready]).isEqualTo("1");
    assertThat(Double.parseDouble(phuLoc.split(",")[coverage])).isEqualTo(0.5);

    JsonNode today =
        c.admin("GET", "/api/v1/units/" + PHU_LOC + "/coverage-history", null).json().get("days");
    JsonNode last = today.get(today.size() - 1);
    assertThat(last.get("softwareReadyMachines").asInt()).isEqualTo(1);
    assertThat(last.get("softwareCoverage").asDouble()).isEqualTo(0.5);
    assertThat(last.get("softwareTargetMet").asBoolean()).isFalse();

    String day = c.clock.instant().toString().substring(0, 10);
    for (String lang : List.of("vi", "en")) {
      Http.Answer r =
          c.admin(
              "GET",
              "/api/v1/reports/period?unit="
                  + PHU_LOC
                  + "&from="
                  + day
                  + "&to="
                  + day
                  + "&lang="
                  + lang,
              null);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      String sentence = r.json().at("/units/0/sentence").asText();
      assertThat(sentence)
          .contains(
              lang.equals("vi")
                  ? "50% máy tính có đủ phần mềm bắt buộc"
                  : "50% of computers have every required application");
    }
  }

  @Test
  void a_units_csv_sets_lists_with_label_match_pairs_and_keeps_them_without_the_column() {
    String csv =
        "code,name,parent,kind,staff,equipmentTarget,connectivityTarget,protectionTarget,"
            + "requiredApplications\n"
            + TAM_GIANG
            + ",Xã Tâm Giang,"
            + DISTRICT
            + ",commune,2,,,,\"Ký số=token manager; Đọc PDF=pdf\"\n"
            + PHU_LOC
            + ",Xã Phú Lộc,"
            + DISTRICT
            + ",commune,3,,,,-\n";
    Http.Answer r = importCsv(csv);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(labels(c.unitView(TAM_GIANG).get("requiredApplications")))
        .containsExactly("Ký số", "Đọc PDF");
    assertThat(c.unitView(PHU_LOC).get("requiredApplications")).isEmpty();

    // An older template without the column keeps the lists set before.
    r =
        importCsv(
            "code,name,parent,kind,staff\n"
                + TAM_GIANG
                + ",Xã Tâm Giang,"
                + DISTRICT
                + ",commune,4\n");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(c.unitView(TAM_GIANG).get("requiredApplications")).hasSize(2);

    r =
        importCsv(
            "code,name,parent,kind,staff,equipmentTarget,connectivityTarget,protectionTarget,"
                + "requiredApplications\n"
                + TAM_GIANG
                + ",Xã Tâm Giang,"
                + DISTRICT
                + ",commune,4,,,,Ký số\n");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("detail").asText()).contains("line 2: requiredApplications");
  }

  @Test
  void a_bad_list_is_refused_naming_the_entry_and_field() {
    var unit = Fixtures.unit(TAM_GIANG, "Xã Tâm Giang", DISTRICT, "commune", 2);
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      tooMany.add(Map.of("label", "App " + i, "match", "app" + i));
    }
    assertRefused(unit, tooMany, "requiredApplications");
    assertRefused(unit, List.of(Map.of("label", "Ký số")), "requiredApplications[0].match");
    assertRefused(
        unit,
        List.of(Map.of("label", "x".repeat(129), "match", "x")),
        "requiredApplications[0].label");
    assertRefused(
        unit,
        List.of(Map.of("label", "A", "match", "pdf"), Map.of("label", "A", "match", "doc")),
        "requiredApplications[1].label");
    assertRefused(
        unit, List.of(Map.of("label", "A", "match", " ̀ ")), "requiredApplications[0].match");
  }

  void assertRefused(Map<String, Object> unit, Object list, String field) {
    unit.put("requiredApplications", list);
    Http.Answer r = c.admin("PUT", "/api/v1/units/" + TAM_GIANG, unit);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).isNotEmpty();
    assertThat(r.json().get("detail").asText()).startsWith(field + ":");
  }

  Http.Answer importCsv(String csv) {
    return c.http.send(
        "POST",
        "/api/v1/units/import",
        TestCollector.ADMIN,
        "text/csv; charset=utf-8",
        csv.getBytes(StandardCharsets.UTF_8),
        false);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<String> labels(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get("label").asText()));
    return out;
  }
}

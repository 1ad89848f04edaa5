package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report exports on the fixture tree, plus a third commune whose name holds a comma and quotes
 * and which has 2 staff and no machine. The district then has staff 16: equipment (8 + 4 + 0) / 16
 * = 0.75; connectivity 13 / 14; compliance 12 / 14.
 */
@Contract
class ReportsTest {
  static final String ODD_NAME = "Văn phòng \"Một cửa\", UBND";

  @TempDir Path dir;
  TestCollector c;
  FixtureTree tree;

  @BeforeEach
  void start() throws Exception {
    c = new TestCollector(dir);
    tree = new FixtureTree(c);
    c.createUnit("krong-nang.mot-cua", ODD_NAME, "krong-nang", "agency", 2);
  }

  @AfterEach
  void stop() {
    c.close();
  }

  private Http.Answer get(String path) {
    Http.Answer a = c.admin("GET", path, null);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a;
  }

  /** The rows without the BOM, split on CRLF (every line ends with one). */
  private static List<String> lines(Http.Answer a) {
    byte[] bytes = a.raw().body();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    return List.of(text.substring(0, text.length() - 2).split("\r\n", -1));
  }

  @Test
  void coverage_csv_has_one_row_per_unit_of_the_subtree_with_exact_figures() {
    Http.Answer a = get("/api/v1/reports/coverage.csv?unit=krong-nang");
    assertThat(a.header("Content-Type")).startsWith("text/csv").contains("utf-8");
    // Fixture time: 2026-12-03 10:10 in Hanoi.
    assertThat(a.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"digiready-coverage-krong-nang-2026-12-03.csv\"");
    JsonNode district = c.unitView("krong-nang");
    JsonNode phuLoc = c.unitView("krong-nang.phu-loc");
    JsonNode tamGiang = c.unitView("krong-nang.tam-giang");
    JsonNode motCua = c.unitView("krong-nang.mot-cua");
    assertThat(lines(a))
        .containsExactly(
            "code,name,parent,kind,staff,workingMachines,equipmentCoverage,internetMachines,"
                + "connectivityCoverage,compliantMachines,compliance,readinessScore,rank,of,"
                + "equipmentTarget,connectivityTarget,equipmentTargetMet,connectivityTargetMet,"
                + "protectedMachines,protectionCoverage,protectionTarget,protectionTargetMet,status",
            "krong-nang,Huyện Krông Năng,,district,16,14,0.7500,13,0.9286,12,0.8571,"
                + score(district)
                + ",1,1,1.0000,0.9800,not met,not met,14,1.0000,1.0000,met,today",
            "krong-nang.mot-cua,\"Văn phòng \"\"Một cửa\"\", UBND\",krong-nang,agency,2,0,0.0000,0,,0,,"
                + score(motCua)
                + ","
                + motCua.get("rank").asInt()
                + ",3,1.0000,0.9800,not met,,0,,1.0000,,today",
            "krong-nang.phu-loc,Xã Phú Lộc,krong-nang,commune,10,8,0.8000,7,0.8750,6,0.7500,"
                + score(phuLoc)
                + ","
                + phuLoc.get("rank").asInt()
                + ",3,1.0000,0.9800,not met,not met,8,1.0000,1.0000,met,today",
            "krong-nang.tam-giang,Xã Tâm Giang,krong-nang,commune,4,6,1.0000,6,1.0000,6,1.0000,"
                + score(tamGiang)
                + ",1,3,1.0000,0.9800,met,met,6,1.0000,1.0000,met,today");
    // Tâm Giang (all targets met) ranks first; the office with no computer ranks last.
    assertThat(phuLoc.get("rank").asInt()).isEqualTo(2);
    assertThat(motCua.get("rank").asInt()).isEqualTo(3);
  }

  private static String score(JsonNode unit) {
    JsonNode s = unit.get("readinessScore");
    return s.isNull() ? "" : String.format(java.util.Locale.ROOT, "%.4f", s.asDouble());
  }

  @Test
  void a_commune_s_export_holds_only_that_commune_and_the_whole_export_every_unit() {
    assertThat(lines(get("/api/v1/reports/coverage.csv?unit=krong-nang.tam-giang")))
        .hasSize(2)
        .last()
        .asString()
        .startsWith("krong-nang.tam-giang,");
    Http.Answer all = get("/api/v1/reports/coverage.csv");
    assertThat(lines(all)).hasSize(5);
    assertThat(all.header("Content-Disposition")).contains("digiready-coverage-all-2026-12-03.csv");
  }

  @Test
  void machines_csv_has_one_row_per_machine_with_state_hardware_and_failing_rules() {
    Http.Answer a = get("/api/v1/reports/machines.csv?unit=krong-nang.phu-loc");
    assertThat(a.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"digiready-machines-krong-nang.phu-loc-2026-12-03.csv\"");
    List<String> lines = lines(a);
    assertThat(lines.get(0))
        .isEqualTo(
            "unit,hostname,machineId,state,lastSeen (Asia/Ho_Chi_Minh; UTC+07:00),os,cpu,"
                + "logicalCpus,memoryGib,systemDiskFreeGib,internetInWindow,readiness,"
                + "failingRules,antiMalware,osUpdatedAt (Asia/Ho_Chi_Minh; UTC+07:00)");
    assertThat(lines).hasSize(10);
    assertThat(lines.stream().skip(1).map(l -> l.split(",", -1)[1]))
        .containsExactly(
            "PL-1", "PL-2", "PL-3", "PL-4", "PL-5", "PL-6", "PL-7", "PL-OFF", "PL-STALE");
    assertThat(lines.stream().skip(1).map(l -> l.split(",", -1)[3]))
        .containsExactly(
            "online", "online", "online", "online", "online", "online", "online", "offline",
            "stale");
    String pl1 = row(lines, "PL-1");
    assertThat(pl1)
        .startsWith("krong-nang.phu-loc,PL-1," + tree.agents.get("PL-1").machineId() + ",online,")
        .contains(",Windows 10,")
        .contains(",4,8.0,")
        // 2026-11-22T03:00:00Z is 10:00 in Hanoi: times are the unit's, to the second.
        .endsWith(",yes,meets policy,,protected,2026-11-22 10:00:00");
    assertThat(row(lines, "PL-5"))
        .contains(",fails policy,\"os Windows 7 (expected not Windows XP, ");
    assertThat(row(lines, "PL-6")).contains(",2.0,").contains("memory 2 GiB (expected >= 4 GiB)");
    assertThat(row(lines, "PL-7")).contains(",no,meets policy,");
    // The stale PC saw the internet 8 days ago, outside the 24 h window.
    assertThat(row(lines, "PL-STALE")).contains(",no,");
    String lastSeen = row(lines, "PL-1").split(",", -1)[4];
    Instant seen =
        Instant.parse(
            c.admin("GET", "/api/v1/machines/" + tree.agents.get("PL-1").machineId(), null)
                .json()
                .get("lastSeenAt")
                .asText());
    assertThat(lastSeen)
        .isEqualTo(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(seen.atZone(ZoneId.of("Asia/Ho_Chi_Minh"))));
  }

  private static String row(List<String> lines, String hostname) {
    return lines.stream()
        .filter(l -> l.split(",", -1)[1].equals(hostname))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_hostname_that_looks_like_a_formula_stays_text() {
    String token = c.enrollmentToken("krong-nang.mot-cua");
    c.compliantMachine(token, "=HYPERLINK(\"x\")", true);
    List<String> lines = lines(get("/api/v1/reports/machines.csv?unit=krong-nang.mot-cua"));
    assertThat(lines.get(1)).startsWith("krong-nang.mot-cua,\"'=HYPERLINK(\"\"x\"\")\",");
  }

  @Test
  void the_vietnamese_exports_have_vietnamese_headings_and_words_and_the_same_figures() {
    List<String> en = lines(get("/api/v1/reports/coverage.csv?unit=krong-nang&lang=en"));
    List<String> vi = lines(get("/api/v1/reports/coverage.csv?unit=krong-nang&lang=vi"));
    assertThat(vi.get(0))
        .isEqualTo(
            "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại đơn vị,Số cán bộ,Số máy tính làm việc,"
                + "Tỷ lệ trang bị máy tính,Số máy tính kết nối Internet,Tỷ lệ kết nối Internet,"
                + "Số máy tính đạt tiêu chuẩn,Tỷ lệ đạt tiêu chuẩn,Điểm sẵn sàng,Xếp hạng,"
                + "Số đơn vị cùng cấp,Chỉ tiêu trang bị máy tính,Chỉ tiêu kết nối Internet,"
                + "Đạt chỉ tiêu trang bị,Đạt chỉ tiêu kết nối,Số máy tính được bảo vệ,"
                + "Tỷ lệ máy tính được bảo vệ,Chỉ tiêu bảo vệ,Đạt chỉ tiêu bảo vệ,"
                + "Tình trạng số liệu");
    assertThat(vi).hasSameSizeAs(en);
    assertThat(vi.get(3))
        .isEqualTo(
            en.get(3)
                .replace(",commune,", ",cấp xã,")
                .replace("not met", "chưa đạt")
                .replace(",met,", ",đạt,")
                .replace(",today", ",\"trong ngày, chưa chốt\""));
    for (int i = 1; i < en.size(); i++) {
      String[] e = csvCells(en.get(i));
      String[] v = csvCells(vi.get(i));
      assertThat(v).hasSameSizeAs(e);
      for (int column : new int[] {0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 18, 19, 20}) {
        assertThat(v[column]).as("row %d column %d", i, column).isEqualTo(e[column]);
      }
    }
    List<String> machinesEn = lines(get("/api/v1/reports/machines.csv?unit=krong-nang&lang=en"));
    List<String> machinesVi = lines(get("/api/v1/reports/machines.csv?unit=krong-nang&lang=vi"));
    assertThat(machinesVi.get(0))
        .isEqualTo(
            "Mã đơn vị,Tên máy tính,Mã máy,Trạng thái,"
                + "Hoạt động lần cuối (Asia/Ho_Chi_Minh; UTC+07:00),Hệ điều hành,Bộ xử lý,"
                + "Số luồng xử lý,Bộ nhớ (GiB),Ổ hệ thống còn trống (GiB),"
                + "Kết nối Internet trong khoảng theo dõi,Tiêu chuẩn sẵn sàng,Tiêu chí không đạt,"
                + "Phần mềm phòng chống mã độc,"
                + "Cập nhật hệ điều hành lần cuối (Asia/Ho_Chi_Minh; UTC+07:00)");
    assertThat(machinesVi).hasSameSizeAs(machinesEn);
    assertThat(row(machinesVi, "PL-6"))
        .contains(",trực tuyến,")
        .contains(",2.0,")
        .contains(",có,không đạt tiêu chuẩn,Bộ nhớ (RAM) 2 GiB (yêu cầu >= 4 GiB)")
        .contains(",\"đang bật, đã cập nhật\",");
    assertThat(row(machinesEn, "PL-6")).contains(",protected,");
    assertThat(row(machinesVi, "PL-STALE")).contains(",lâu không hoạt động,");
  }

  @Test
  void the_language_comes_from_report_language_when_the_request_names_none() throws Exception {
    c.close();
    c = new TestCollector(dir, "reportLanguage", "vi");
    assertThat(lines(get("/api/v1/reports/coverage.csv")).get(0))
        .startsWith("Mã đơn vị,Tên đơn vị,");
    assertThat(lines(get("/api/v1/reports/coverage.csv?lang=en")).get(0)).startsWith("code,name,");
    Http.Answer bad = c.admin("GET", "/api/v1/reports/coverage.csv?lang=fr", null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("detail").asText()).isEqualTo("lang: must be vi or en. Found: fr");
    Http.Answer date = c.admin("GET", "/api/v1/reports/coverage.csv?date=31/03/2026", null);
    assertThat(date.status()).isEqualTo(400);
    assertThat(date.json().get("detail").asText()).startsWith("date: expected a date such as");
  }

  /** The cells of one CSV line (RFC 4180 quotes). */
  static String[] csvCells(String line) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out.toArray(new String[0]);
  }

  @Test
  void an_unknown_unit_is_a_404_naming_the_unit() {
    for (String path :
        List.of(
            "/api/v1/reports/coverage.csv?unit=nowhere",
            "/api/v1/reports/machines.csv?unit=nowhere")) {
      Http.Answer a = c.admin("GET", path, null);
      assertThat(a.status()).isEqualTo(404);
      assertThat(a.json().get("detail").asText()).startsWith("unit:");
    }
    assertThat(c.http.get("/api/v1/reports/coverage.csv", null).status()).isEqualTo(401);
  }
}

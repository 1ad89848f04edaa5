package io.digiready.collector.reports;

import io.digiready.collector.coverage.Readiness;
import io.digiready.collector.coverage.ReadinessRule;
import io.digiready.collector.history.DayFigures;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the exports and reports say in Vietnamese. */
final class WordsVi extends Words {
  private final Map<String, String> states =
      Map.of(
          "online", "trực tuyến",
          "offline", "ngoại tuyến",
          "stale", "lâu không hoạt động",
          "retired", "ngừng sử dụng");
  private final Map<String, String> kinds =
      Map.of(
          "province", "cấp tỉnh",
          "district", "cấp huyện",
          "commune", "cấp xã",
          "agency", "cơ quan, đơn vị");
  private final Map<String, String> antiMalware =
      Map.of(
          "protected", "đang bật, đã cập nhật",
          "out_of_date", "chưa cập nhật mẫu nhận diện",
          "disabled", "đang tắt",
          "none", "không có",
          "unknown", "chưa rõ");
  private final DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Override
  Language language() {
    return Language.VI;
  }

  @Override
  Locale locale() {
    return Locale.forLanguageTag("vi-VN");
  }

  @Override
  List<String> coverageHeadings() {
    return List.of(
        "Mã đơn vị",
        "Tên đơn vị",
        "Mã đơn vị cấp trên",
        "Loại đơn vị",
        "Số cán bộ",
        "Số máy tính làm việc",
        "Tỷ lệ trang bị máy tính",
        "Số máy tính kết nối Internet",
        "Tỷ lệ kết nối Internet",
        "Số máy tính đạt tiêu chuẩn",
        "Tỷ lệ đạt tiêu chuẩn",
        "Điểm sẵn sàng",
        "Xếp hạng",
        "Số đơn vị cùng cấp",
        "Chỉ tiêu trang bị máy tính",
        "Chỉ tiêu kết nối Internet",
        "Đạt chỉ tiêu trang bị",
        "Đạt chỉ tiêu kết nối",
        "Số máy tính được bảo vệ",
        "Tỷ lệ máy tính được bảo vệ",
        "Chỉ tiêu bảo vệ",
        "Đạt chỉ tiêu bảo vệ",
        "Tình trạng số liệu");
  }

  @Override
  List<String> machineHeadings() {
    return List.of(
        "Mã đơn vị",
        "Tên máy tính",
        "Mã máy",
        "Trạng thái",
        "Hoạt động lần cuối",
        "Hệ điều hành",
        "Bộ xử lý",
        "Số luồng xử lý",
        "Bộ nhớ (GiB)",
        "Ổ hệ thống còn trống (GiB)",
        "Kết nối Internet trong khoảng theo dõi",
        "Tiêu chuẩn sẵn sàng",
        "Tiêu chí không đạt",
        "Phần mềm phòng chống mã độc",
        "Cập nhật hệ điều hành lần cuối");
  }

  @Override
  String coverageSheet() {
    return "Độ phủ theo đơn vị";
  }

  @Override
  String machineSheet() {
    return "Máy tính";
  }

  @Override
  String met(Boolean met) {
    return met == null ? "" : met ? "đạt" : "chưa đạt";
  }

  @Override
  String yesNo(boolean yes) {
    return yes ? "có" : "không";
  }

  @Override
  String policy(boolean compliant) {
    return compliant ? "đạt tiêu chuẩn" : "không đạt tiêu chuẩn";
  }

  @Override
  String state(String label) {
    return states.getOrDefault(label, label);
  }

  @Override
  String kind(String kind) {
    return kinds.getOrDefault(kind, kind);
  }

  @Override
  String status(String status) {
    return switch (status) {
      case DayFigures.RECORDED -> "chốt cuối ngày";
      case DayFigures.ESTIMATED -> "ước tính";
      case DayFigures.TODAY -> "trong ngày, chưa chốt";
      default -> "không có số liệu";
    };
  }

  @Override
  String rule(String rule) {
    ReadinessRule r = ReadinessRule.of(rule);
    return r == null ? rule : r.names().in(language().code());
  }

  @Override
  String antiMalware(String label) {
    return antiMalware.getOrDefault(label, label);
  }

  @Override
  String failing(Readiness.Check c) {
    return rule(c.rule())
        + " "
        + (c.measured() == null ? "chưa rõ" : said(c.rule(), c.measured()))
        + " (yêu cầu "
        + said(c.rule(), c.required())
        + ")";
  }

  /** A check's typed quantities in Vietnamese, with a decimal comma, as its rule says them. */
  private String said(String rule, List<Readiness.Amount> a) {
    return ReadinessRule.of(rule).vietnamese(a, numbers);
  }

  private final Readiness.Numbers numbers =
      new Readiness.Numbers() {
        @Override
        public String decimal(double value) {
          return WordsVi.this.decimal(value);
        }

        @Override
        public String count(long n) {
          return WordsVi.this.count((int) n);
        }
      };

  @Override
  String noFigures() {
    return "chưa có số liệu";
  }

  @Override
  String noStaff() {
    return "chưa có số cán bộ";
  }

  @Override
  String equipped(String equipped, String staff, String coverage) {
    return equipped + "/" + staff + " cán bộ có máy tính làm việc (" + coverage + ")";
  }

  @Override
  String noWorkingComputers() {
    return "chưa có máy tính làm việc";
  }

  @Override
  String connected(String coverage) {
    return coverage + " máy tính kết nối Internet";
  }

  @Override
  String softwareReady(String coverage) {
    return coverage + " máy tính có đủ phần mềm bắt buộc";
  }

  @Override
  String ranked(int rank, int of) {
    return "xếp thứ " + count(rank) + "/" + count(of);
  }

  @Override
  String estimated() {
    return "(số liệu ước tính)";
  }

  @Override
  String title(LocalDate from, LocalDate to) {
    Period p = Period.of(from, to);
    return switch (p.kind()) {
      case YEAR -> "Năm " + from.getYear();
      case QUARTER -> "Quý " + ROMAN[p.number() - 1] + "/" + from.getYear();
      case MONTH -> "Tháng " + p.number() + "/" + from.getYear();
      case DAYS -> date.format(from) + " – " + date.format(to);
    };
  }
}

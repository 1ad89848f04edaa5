package io.digiready.collector.reports;

import io.digiready.collector.coverage.Readiness;
import io.digiready.collector.history.DayFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the exports and period reports say in each language: column headings, the few words in
 * cells, numbers and dates as each language writes them ({@code 98,2%}, {@code 31/03/2026} in
 * Vietnamese), and the one sentence per unit that a report's annex is written with. Figures in CSV
 * cells stay machine-readable (ratios with a dot) in both languages, so that the two files hold the
 * same figures; only headings, words and the order of a date's parts change.
 */
abstract class Words {
  static Words of(Language language) {
    return language == Language.VI ? VI : EN;
  }

  abstract Language language();

  abstract List<String> coverageHeadings();

  abstract List<String> machineHeadings();

  /** The worksheet's tab in the Excel form of the coverage export. */
  abstract String coverageSheet();

  /** The worksheet's tab in the Excel form of the machines export. */
  abstract String machineSheet();

  /** A target met or not; null (no figure) is an empty cell. */
  abstract String met(Boolean met);

  abstract String yesNo(boolean yes);

  abstract String policy(boolean compliant);

  abstract String state(String label);

  abstract String kind(String kind);

  /** recorded, estimated or today, as a cell says it. */
  abstract String status(String status);

  abstract String rule(String rule);

  /** A machine's anti-malware state in a cell; "unknown" when its agent did not say. */
  abstract String antiMalware(String label);

  /** "memory 3.8 GiB (expected >= 4 GiB)": a failing check in the language's words and numbers. */
  abstract String failing(Readiness.Check check);

  /**
   * One sentence per unit, the way reports write it ("Xã Phú Lộc: 24/24 cán bộ có máy tính làm việc
   * (100%); 98,2% máy tính kết nối Internet; xếp thứ 4/15."): the same parts in every language, in
   * the words of each.
   */
  final String sentence(String name, DayFigures f) {
    if (!f.known()) {
      return name + ": " + noFigures() + ".";
    }
    StringBuilder s = new StringBuilder(name).append(": ");
    s.append(
        f.staff() == 0
            ? noStaff()
            : equipped(count(f.equippedStaff()), count(f.staff()), percent(f.equipmentCoverage())));
    s.append("; ");
    s.append(
        f.connectivityCoverage() == null
            ? noWorkingComputers()
            : connected(percent(f.connectivityCoverage())));
    if (f.of() != null && f.of() > 1) {
      s.append("; ").append(ranked(f.rank(), f.of()));
    }
    if (f.estimated()) {
      s.append(' ').append(estimated());
    }
    return s.append('.').toString();
  }

  abstract String noFigures();

  abstract String noStaff();

  abstract String equipped(String equipped, String staff, String coverage);

  abstract String noWorkingComputers();

  abstract String connected(String coverage);

  abstract String ranked(int rank, int of);

  abstract String estimated();

  abstract String title(LocalDate from, LocalDate to);

  abstract Locale locale();

  private static final double GIB = 1024.0 * 1024 * 1024;

  /** A measure with at most one decimal: 3,8 (vi), 3.8 (en). */
  String decimal(double value) {
    return new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(locale()))
        .format(BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP));
  }

  /** A count with the language's grouping: 1.234 (vi), 1,234 (en). */
  String count(int n) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale())).format(n);
  }

  /**
   * A coverage in a sentence: at most one decimal (98,2%, 100%). Never 100% below 1: a report must
   * not write that every computer is connected when one is not.
   */
  String percent(double ratio) {
    BigDecimal value =
        BigDecimal.valueOf(ratio * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    if (ratio < 1 && value.compareTo(BigDecimal.valueOf(100)) >= 0) {
      value = new BigDecimal("99.9");
    }
    return new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(locale())).format(value)
        + "%";
  }

  static final Words VI =
      new Words() {
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
        private final Map<String, String> rules =
            Map.of(
                "memory", "Bộ nhớ (RAM)",
                "logicalCpus", "Số luồng xử lý",
                "os", "Hệ điều hành",
                "systemDiskFree", "Dung lượng trống ổ hệ thống",
                "clock", "Đồng hồ",
                "antiMalware", "Phần mềm phòng chống mã độc",
                "osUpdates", "Cập nhật hệ điều hành");
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
          return rules.getOrDefault(rule, rule);
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

        /** A check's typed quantities in Vietnamese, with a decimal comma. */
        private String said(String rule, List<Readiness.Amount> a) {
          Readiness.Amount first = a.get(0);
          String bound = first.bound() == null ? "" : first.bound().equals("min") ? ">= " : "";
          return switch (rule) {
            case "memory" -> bound + decimal(first.value() / GIB) + " GiB";
            case "logicalCpus" -> bound + count((int) Math.round(first.value()));
            case "os" ->
                first.texts() == null
                    ? first.text()
                    : "không phải " + String.join(", ", first.texts());
            case "systemDiskFree" ->
                bound
                    + decimal(first.value() * 100)
                    + " %"
                    + (first.bound() == null ? ", " : " và >= ")
                    + decimal(a.get(1).value() / GIB)
                    + " GiB trống";
            case "clock" ->
                (first.bound() == null ? "lệch " : "lệch không quá ")
                    + count((int) Math.round(first.value()))
                    + " giây";
            case "osUpdates" ->
                first.bound() == null
                    ? count((int) Math.round(first.value())) + " ngày trước"
                    : "trong vòng " + count((int) Math.round(first.value())) + " ngày";
            case "antiMalware" -> {
              String product = a.size() > 1 ? a.get(1).text() + ": " : "";
              yield switch (first.text()) {
                case "protected" -> product + "đang bật, đã cập nhật";
                case "out_of_date" -> product + "chưa cập nhật mẫu nhận diện";
                case "disabled" -> product + "đang tắt";
                default -> "không có phần mềm";
              };
            }
            default -> String.valueOf(first.value() != null ? first.value() : first.text());
          };
        }

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
      };

  static final Words EN =
      new Words() {
        private final DateTimeFormatter date =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.forLanguageTag("en-GB"));
        private final DateTimeFormatter month =
            DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag("en-GB"));

        @Override
        Language language() {
          return Language.EN;
        }

        @Override
        Locale locale() {
          return Locale.forLanguageTag("en-GB");
        }

        @Override
        List<String> coverageHeadings() {
          return List.of(
              "code",
              "name",
              "parent",
              "kind",
              "staff",
              "workingMachines",
              "equipmentCoverage",
              "internetMachines",
              "connectivityCoverage",
              "compliantMachines",
              "compliance",
              "readinessScore",
              "rank",
              "of",
              "equipmentTarget",
              "connectivityTarget",
              "equipmentTargetMet",
              "connectivityTargetMet",
              "protectedMachines",
              "protectionCoverage",
              "protectionTarget",
              "protectionTargetMet",
              "status");
        }

        @Override
        List<String> machineHeadings() {
          return List.of(
              "unit",
              "hostname",
              "machineId",
              "state",
              "lastSeen",
              "os",
              "cpu",
              "logicalCpus",
              "memoryGib",
              "systemDiskFreeGib",
              "internetInWindow",
              "readiness",
              "failingRules",
              "antiMalware",
              "osUpdatedAt");
        }

        @Override
        String coverageSheet() {
          return "Coverage";
        }

        @Override
        String machineSheet() {
          return "Machines";
        }

        @Override
        String met(Boolean met) {
          return met == null ? "" : met ? "met" : "not met";
        }

        @Override
        String yesNo(boolean yes) {
          return yes ? "yes" : "no";
        }

        @Override
        String policy(boolean compliant) {
          return compliant ? "meets policy" : "fails policy";
        }

        @Override
        String state(String label) {
          return label;
        }

        @Override
        String kind(String kind) {
          return kind;
        }

        @Override
        String antiMalware(String label) {
          return switch (label) {
            case "out_of_date" -> "out of date";
            case "disabled" -> "switched off";
            default -> label;
          };
        }

        @Override
        String status(String status) {
          return status;
        }

        @Override
        String rule(String rule) {
          return rule;
        }

        @Override
        String failing(Readiness.Check c) {
          // Readiness says its values in English already.
          return c.rule()
              + " "
              + (c.value() == null ? "unknown" : c.value())
              + " (expected "
              + c.expected()
              + ")";
        }

        @Override
        String noFigures() {
          return "no figures kept for that day";
        }

        @Override
        String noStaff() {
          return "no staff figure";
        }

        @Override
        String equipped(String equipped, String staff, String coverage) {
          return equipped + "/" + staff + " staff have a working computer (" + coverage + ")";
        }

        @Override
        String noWorkingComputers() {
          return "no working computers";
        }

        @Override
        String connected(String coverage) {
          return coverage + " of computers connected to the internet";
        }

        @Override
        String ranked(int rank, int of) {
          return "ranked " + ordinal(rank) + " of " + count(of);
        }

        @Override
        String estimated() {
          return "(estimated)";
        }

        private String ordinal(int n) {
          int tens = n % 100;
          String suffix =
              tens >= 11 && tens <= 13
                  ? "th"
                  : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                  };
          return count(n) + suffix;
        }

        @Override
        String title(LocalDate from, LocalDate to) {
          Period p = Period.of(from, to);
          return switch (p.kind()) {
            case YEAR -> "Year " + from.getYear();
            case QUARTER -> "Q" + p.number() + " " + from.getYear();
            case MONTH -> month.format(from);
            case DAYS -> date.format(from) + " – " + date.format(to);
          };
        }
      };

  private static final String[] ROMAN = {"I", "II", "III", "IV"};

  /** A period that is a whole calendar year, quarter or month, or just days. */
  record Period(Kind kind, int number) {
    enum Kind {
      YEAR,
      QUARTER,
      MONTH,
      DAYS
    }

    static Period of(LocalDate from, LocalDate to) {
      boolean firstOfMonth = from.getDayOfMonth() == 1;
      boolean lastOfMonth = to.equals(to.withDayOfMonth(to.lengthOfMonth()));
      if (firstOfMonth && lastOfMonth && from.getYear() == to.getYear()) {
        int months = to.getMonthValue() - from.getMonthValue() + 1;
        if (months == 12) {
          return new Period(Kind.YEAR, 1);
        }
        if (months == 3 && (from.getMonthValue() - 1) % 3 == 0) {
          return new Period(Kind.QUARTER, (from.getMonthValue() - 1) / 3 + 1);
        }
        if (months == 1) {
          return new Period(Kind.MONTH, from.getMonthValue());
        }
      }
      return new Period(Kind.DAYS, 0);
    }
  }
}

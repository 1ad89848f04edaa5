package io.digiready.collector.reports;

import io.digiready.collector.coverage.Readiness;
import io.digiready.collector.history.DayFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

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
        f.figures().staff() == 0
            ? noStaff()
            : equipped(
                count(f.figures().equippedStaff()),
                count(f.figures().staff()),
                percent(f.figures().equipmentCoverage())));
    s.append("; ");
    s.append(
        f.figures().connectivityCoverage() == null
            ? noWorkingComputers()
            : connected(percent(f.figures().connectivityCoverage())));
    if (f.figures().softwareCoverage() != null) {
      s.append("; ").append(softwareReady(percent(f.figures().softwareCoverage())));
    }
    if (f.figures().of() != null && f.figures().of() > 1) {
      s.append("; ").append(ranked(f.figures().rank(), f.figures().of()));
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

  /** "95% of computers have every required application". */
  abstract String softwareReady(String coverage);

  abstract String estimated();

  abstract String title(LocalDate from, LocalDate to);

  abstract Locale locale();

  static final double GIB = 1024.0 * 1024 * 1024;

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

  static final Words VI = new WordsVi();

  static final Words EN = new WordsEn();

  static final String[] ROMAN = {"I", "II", "III", "IV"};

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

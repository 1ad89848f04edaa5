package io.digiready.collector.reports;

import io.digiready.collector.coverage.Readiness;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the exports and reports say in English. */
final class WordsEn extends Words {
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
  String softwareReady(String coverage) {
    return coverage + " of computers have every required application";
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
}

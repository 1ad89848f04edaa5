package io.digiready.collector.web;

import io.digiready.collector.coverage.UnitCoverage;
import java.util.List;
import java.util.Locale;

/** Coverage per unit as CSV for pasting into a report; names are written exactly as stored. */
final class CoverageCsv {
  private CoverageCsv() {}

  static String write(List<UnitCoverage> units) {
    StringBuilder out =
        new StringBuilder(
            "code,name,parent,kind,staff,online,offline,stale,retired,workingMachines,"
                + "internetMachines,compliantMachines,equipmentCoverage,connectivityCoverage,"
                + "compliance,readinessScore,rank,of\n");
    for (UnitCoverage u : units) {
      out.append(
              String.join(
                  ",",
                  quote(u.code()),
                  quote(u.name()),
                  quote(u.parent() == null ? "" : u.parent()),
                  quote(u.kind()),
                  String.valueOf(u.staff()),
                  String.valueOf(u.machines().get("online")),
                  String.valueOf(u.machines().get("offline")),
                  String.valueOf(u.machines().get("stale")),
                  String.valueOf(u.machines().get("retired")),
                  String.valueOf(u.workingMachines()),
                  String.valueOf(u.internetMachines()),
                  String.valueOf(u.compliantMachines()),
                  ratio(u.equipmentCoverage()),
                  ratio(u.connectivityCoverage()),
                  ratio(u.compliance()),
                  ratio(u.readinessScore()),
                  String.valueOf(u.rank()),
                  String.valueOf(u.of())))
          .append('\n');
    }
    return out.toString();
  }

  private static String ratio(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}

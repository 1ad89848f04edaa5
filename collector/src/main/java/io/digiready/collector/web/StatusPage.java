package io.digiready.collector.web;

import io.digiready.collector.coverage.UnitCoverage;
import java.util.List;
import java.util.Locale;

/**
 * The status page at {@code /}: the unit tree with its figures, readable with no other stack. It
 * shows what /metrics already exports without authentication, nothing more.
 */
final class StatusPage {
  private StatusPage() {}

  static String render(List<UnitCoverage> units, int machines) {
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">")
        .append("<title>digiready</title><style>body{font-family:sans-serif;margin:2em}")
        .append(
            "table{border-collapse:collapse}td,th{padding:.3em .8em;border-bottom:1px solid #ddd}")
        .append("td.n{text-align:right}.low{color:#b00}</style></head><body>")
        .append("<h1>digiready collector</h1><p>")
        .append(units.size())
        .append(" units, ")
        .append(machines)
        .append(" machines.</p><table><tr><th>unit</th><th>staff</th><th>online</th>")
        .append("<th>offline</th><th>stale</th><th>equipment</th><th>connectivity</th>")
        .append("<th>compliance</th><th>readiness</th><th>rank</th></tr>");
    for (UnitCoverage u : units) {
      html.append("<tr><td>")
          .append("&nbsp;&nbsp;".repeat(depth(u, units)))
          .append(escape(u.name()))
          .append(" <small>")
          .append(escape(u.code()))
          .append("</small></td>")
          .append(cell(String.valueOf(u.staff()), false))
          .append(cell(String.valueOf(u.machines().get("online")), false))
          .append(cell(String.valueOf(u.machines().get("offline")), false))
          .append(cell(String.valueOf(u.machines().get("stale")), false))
          .append(ratio(u.equipmentCoverage(), u.equipmentTarget()))
          .append(ratio(u.connectivityCoverage(), u.connectivityTarget()))
          .append(ratio(u.compliance(), null))
          .append(ratio(u.readinessScore(), null))
          .append(cell(u.rank() + "/" + u.of(), false))
          .append("</tr>");
    }
    return html.append("</table></body></html>").toString();
  }

  private static int depth(UnitCoverage u, List<UnitCoverage> all) {
    int depth = 0;
    String parent = u.parent();
    while (parent != null && depth < 50) {
      depth++;
      String p = parent;
      parent =
          all.stream()
              .filter(x -> x.code().equals(p))
              .findFirst()
              .map(UnitCoverage::parent)
              .orElse(null);
    }
    return depth;
  }

  private static String ratio(Double value, Double target) {
    if (value == null) {
      return cell("–", false);
    }
    return cell(
        String.format(Locale.ROOT, "%.1f %%", value * 100), target != null && value < target);
  }

  private static String cell(String text, boolean low) {
    return "<td class=\"n" + (low ? " low" : "") + "\">" + text + "</td>";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}

package io.digiready.collector.software;

import io.digiready.collector.paging.Cursor;
import io.digiready.collector.problem.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/software?q=}: the applications of a subtree whose name contains the text,
 * ignoring case (Vietnamese letters included) and composition ({@link NameFilter}), by name, a page
 * at a time with an opaque cursor, and how many machines have each.
 */
public final class SoftwareSearch {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  private final SoftwareService software;

  public SoftwareSearch(SoftwareService software) {
    this.software = software;
  }

  public record Match(String name, int machines) {}

  /** {@code total}: matches in all; {@code nextCursor}: null on the last page. */
  public record Page(
      String q, String unit, int total, List<Match> applications, String nextCursor) {}

  public Page search(String typed, String unit, int limit, String cursor) {
    NameFilter filter = NameFilter.of(typed);
    if (filter.text() == null) {
      throw Problem.invalid("q", "is required: a part of an application's name, e.g. unikey");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw Problem.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
    int offset = Cursor.offset(cursor);
    SoftwareService.Totals totals = software.totals(unit);
    int[] sidTotals = totals.sidTotals();
    List<Integer> present = new ArrayList<>();
    for (int sid = 0; sid < sidTotals.length; sid++) {
      if (sidTotals[sid] > 0) {
        present.add(sid);
      }
    }
    Map<Integer, String> names = software.names(present);
    List<Match> matches = new ArrayList<>();
    for (Integer sid : present) {
      String name = names.get(sid);
      if (name != null && filter.matches(name)) {
        matches.add(new Match(name, sidTotals[sid]));
      }
    }
    matches.sort(
        Comparator.comparing((Match m) -> NameFilter.fold(m.name())).thenComparing(Match::name));
    int from = Math.min(offset, matches.size());
    int to = Math.min(matches.size(), from + limit);
    return new Page(
        filter.text(),
        unit,
        matches.size(),
        List.copyOf(matches.subList(from, to)),
        to < matches.size() ? Cursor.of(to) : null);
  }
}

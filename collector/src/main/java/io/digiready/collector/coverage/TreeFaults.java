package io.digiready.collector.coverage;

import io.digiready.collector.fleet.Unit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names, once per distinct set, the units no root of the tree reaches: a cycle or a missing parent
 * that an older version let into the database. Figures are still computed for them (see {@link
 * CoverageCalculator#compute}); the log line is what tells an administrator which parents to fix.
 */
final class TreeFaults {
  private static final Logger LOG = LoggerFactory.getLogger(TreeFaults.class);
  private static final int NAMED = 20;
  private static volatile List<String> lastLogged = List.of();

  private TreeFaults() {}

  static void unreached(List<String> codes, Map<String, Unit> units) {
    if (codes.equals(lastLogged)) {
      return;
    }
    lastLogged = List.copyOf(codes);
    LOG.warn(
        "the unit tree is broken: {} unit(s) are in a cycle or below an unknown parent, each group"
            + " is counted as if its first unit were a root until its parent is fixed (PUT"
            + " /api/v1/units/CODE): {}",
        codes.size(),
        codes.stream()
            .limit(NAMED)
            .map(c -> c + " (parent " + units.get(c).parent() + ")")
            .collect(Collectors.joining(", ")));
  }
}

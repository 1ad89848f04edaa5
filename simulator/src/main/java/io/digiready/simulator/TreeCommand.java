package io.digiready.simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tree}: writes a ministry's unit tree as the CSV the collector imports. */
@Command(
    name = "tree",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a ministry's unit tree (the ministry, 63 provinces, districts, communes) as the unit",
      "CSV that POST /api/v1/units/import takes. The same seed gives the same tree."
    })
final class TreeCommand implements Callable<Integer> {
  @Option(
      names = "--communes",
      defaultValue = "10000",
      description = "communes (default: ${DEFAULT-VALUE}); districts are about 7 % of them")
  int communes;

  @Option(
      names = "--staff",
      defaultValue = "1050000",
      description = "people in all units together (default: ${DEFAULT-VALUE})")
  long staff;

  @Option(names = "--seed", defaultValue = "1", description = "seed of names and headcounts")
  long seed;

  @Option(names = "--out", required = true, description = "CSV file to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    List<UnitRow> rows = MinistryTree.generate(communes, staff, seed);
    Files.writeString(out, MinistryTree.csv(rows), StandardCharsets.UTF_8);
    long people = rows.stream().mapToLong(UnitRow::staff).sum();
    System.out.printf("tree: %d units, %d staff, written to %s%n", rows.size(), people, out);
    return 0;
  }
}

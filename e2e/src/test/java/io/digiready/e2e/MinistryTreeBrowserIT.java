package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The units page with a ministry's tree: the simulator writes the tree (one ministry, 63 provinces,
 * 700 districts, 10,000 communes), the collector jar imports it through {@code POST
 * /api/v1/units/import}, the simulator's {@code fleet} enrolls a few thousand machines into it by
 * staff and sends one heartbeat each, then {@code node --test ministry.test.mjs tree.test.mjs
 * paging.test.mjs} in {@code e2e/browser/} drives Debian's Chromium: the units page and the unit
 * pages of the ministry and of a commune ready in under a second, a level at a time, search by name
 * or code with the path to the root, a page of computers at a time.
 */
class MinistryTreeBrowserIT {
  /** Enough for the ministry's page to need "more" (100 a page) and for many units to have some. */
  static final int MACHINES = 3000;

  @TempDir Path dir;

  @Test
  void a_ministry_of_ten_thousand_units_is_usable_in_chromium() throws Exception {
    String node = BrowserIT.requireBrowserTools();
    Path units = dir.resolve("ministry.csv");
    Process tree =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Child.jar("simulator").toString(),
                "tree",
                "--communes",
                "10000",
                "--out",
                units.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(tree.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tree.waitFor()).as(said).isZero();

    // A heartbeat interval of 10 minutes keeps every machine that beat once online for the whole
    // test (30 minutes), so that the totals the test reads from the API hold while it runs.
    try (CollectorProcess collector =
        new CollectorProcess(dir.resolve("data"), "--heartbeat-interval-seconds", "600")) {
      collector.startAndAwaitReady();
      HttpResponse<String> imported =
          collector.adminPost(
              "/api/v1/units/import", "text/csv", Files.readString(units, StandardCharsets.UTF_8));
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
      assertThat(CollectorProcess.JSON.readTree(imported.body()).get("created").asInt())
          .isGreaterThan(10_000);

      enrollFleet(collector, units);

      BrowserIT.npmCiWhenNeeded();
      List<String> command =
          List.of(node, "--test", "ministry.test.mjs", "tree.test.mjs", "paging.test.mjs");
      int exit =
          BrowserIT.run(
              command,
              Map.of(
                  "BASE_URL", collector.url(),
                  "ADMIN_TOKEN", collector.adminToken(),
                  "SCREENSHOT_DIR", Child.REPO.resolve("e2e/target/screenshots").toString(),
                  "CHROMIUM", BrowserIT.CHROMIUM.toString()),
              Duration.ofMinutes(5));
      assertThat(exit)
          .as(
              "%s in e2e/browser (output above); collector log:%n%s",
              String.join(" ", command), BrowserIT.tail(collector.log()))
          .isZero();
    }
  }

  /**
   * {@code simulator fleet --tree}: an enrollment token per unit, {@link #MACHINES} machines spread
   * by staff, a heartbeat each (4 s at one beat per machine per 4 s).
   */
  private void enrollFleet(CollectorProcess collector, Path units) throws Exception {
    Path token = dir.resolve("admin-token");
    Files.writeString(token, collector.adminToken(), StandardCharsets.UTF_8);
    long started = System.nanoTime();
    Process fleet =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                Child.jar("simulator").toString(),
                "fleet",
                "--collector",
                collector.url(),
                "--admin-token-file",
                token.toString(),
                "--tree",
                units.toString(),
                "--machines",
                String.valueOf(MACHINES),
                "--interval-seconds",
                "4",
                "--duration-seconds",
                "4",
                "--connections",
                "32")
            .redirectErrorStream(true)
            .start();
    String said = new String(fleet.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(fleet.waitFor()).as(said).isZero();
    System.out.printf(
        "simulator fleet: %d machines in %.1f s%n%s%n",
        MACHINES, (System.nanoTime() - started) / 1e9, said.strip());
    assertThat(collector.adminJson("/api/v1/machines?limit=1").get("total").asInt())
        .isEqualTo(MACHINES);
    // On a busy machine the simulator may not reach every machine within its 4 s: those stay
    // stale (enrolled, never heard from), which the page must show as well.
    int online = collector.adminJson("/api/v1/machines?state=online&limit=1").get("total").asInt();
    System.out.printf("machines online: %d of %d%n", online, MACHINES);
    assertThat(online).as("machines online after their heartbeat").isPositive();
  }
}

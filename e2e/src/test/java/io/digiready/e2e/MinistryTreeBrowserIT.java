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
 * /api/v1/units/import} (no agents), then {@code node --test ministry.test.mjs tree.test.mjs} in
 * {@code e2e/browser/} drives Debian's Chromium: ready in under a second, a level at a time, search
 * by name or code with the path to the root.
 */
class MinistryTreeBrowserIT {
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

    try (CollectorProcess collector = new CollectorProcess(dir.resolve("data"))) {
      collector.startAndAwaitReady();
      HttpResponse<String> imported =
          collector.adminPost(
              "/api/v1/units/import", "text/csv", Files.readString(units, StandardCharsets.UTF_8));
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
      assertThat(CollectorProcess.JSON.readTree(imported.body()).get("created").asInt())
          .isGreaterThan(10_000);

      BrowserIT.npmCiWhenNeeded();
      List<String> command = List.of(node, "--test", "ministry.test.mjs", "tree.test.mjs");
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
}

package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real browser: the collector jar with a simulated district (Vietnamese unit
 * names, one with a comma and quotes), a viewer token made through the admin API, then {@code node
 * --test status-page.test.mjs office-day.test.mjs strings.test.mjs} in {@code e2e/browser/} (the
 * second seeds its own unit and a PC with 900 packages through the API): Debian's Chromium headless
 * in English and in Vietnamese, and the strings files checked without a browser. Screenshots land
 * in {@code e2e/target/screenshots/}.
 */
class BrowserIT {
  static final Path BROWSER_DIR = Child.REPO.resolve("e2e/browser");
  static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");
  static final String UNIT = "krong-nang.phu-loc";
  static final String DISTRICT = "krong-nang";
  static final String QUOTED_UNIT = "krong-nang.noi-vu";
  static final String QUOTED_NAME = "Phòng Nội vụ, \"Tổ chức\" huyện";

  @TempDir Path dir;

  @Test
  void a_viewer_and_an_administrator_use_the_status_page_in_chromium() throws Exception {
    String node = requireBrowserTools();
    Path units = dir.resolve("units.csv");
    Files.writeString(
        units,
        Files.readString(Child.REPO.resolve("install/demo/units.csv"), StandardCharsets.UTF_8)
            + QUOTED_UNIT
            + ",\""
            + QUOTED_NAME.replace("\"", "\"\"")
            + "\",krong-nang,agency,9,1.0,0.98,,\n",
        StandardCharsets.UTF_8);

    try (CollectorProcess collector =
        new CollectorProcess(dir.resolve("data"), "--heartbeat-interval-seconds", "5")) {
      collector.startAndAwaitReady();
      Process simulator = startSimulator(collector, units, dir.resolve("simulator.log"));
      try {
        Child.await(
            Duration.ofSeconds(240),
            "the simulated district to be verified",
            () -> simulatorLog().contains("verify:") || !simulator.isAlive());
        assertThat(simulatorLog())
            .as("simulator output")
            .contains("verify: every unit matches the expectation");

        JsonNode unit = collector.adminJson("/api/v1/units/" + UNIT);
        int machines = collector.adminJson("/api/v1/machines?unit=" + UNIT).size();
        assertThat(machines).isPositive();
        int districtMachines = collector.adminJson("/api/v1/machines?unit=" + DISTRICT).size();
        int districtOffline =
            collector.adminJson("/api/v1/machines?unit=" + DISTRICT + "&state=offline").size();
        String viewerToken = viewerToken(collector);

        npmCiWhenNeeded();
        Map<String, String> env = new HashMap<>();
        env.put("BASE_URL", collector.url());
        env.put("ADMIN_TOKEN", collector.adminToken());
        env.put("VIEWER_TOKEN", viewerToken);
        env.put("EXPECT_UNIT", UNIT);
        env.put("EXPECT_UNIT_NAME", unit.get("name").asText());
        env.put("EXPECT_EQUIPMENT", unit.get("equipmentCoverage").asText());
        if (unit.hasNonNull("protectionCoverage")) {
          env.put("EXPECT_PROTECTION", unit.get("protectionCoverage").asText());
        }
        env.put("EXPECT_MACHINES", String.valueOf(machines));
        env.put("EXPECT_QUOTED_UNIT", QUOTED_UNIT);
        env.put("EXPECT_QUOTED_NAME", QUOTED_NAME);
        env.put("EXPECT_DISTRICT", DISTRICT);
        env.put("EXPECT_DISTRICT_MACHINES", String.valueOf(districtMachines));
        env.put("EXPECT_DISTRICT_OFFLINE", String.valueOf(districtOffline));
        env.put("SCREENSHOT_DIR", Child.REPO.resolve("e2e/target/screenshots").toString());
        env.put("CHROMIUM", CHROMIUM.toString());
        List<String> command =
            List.of(
                node, "--test", "status-page.test.mjs", "office-day.test.mjs", "strings.test.mjs");
        int exit = run(command, env, Duration.ofMinutes(8));
        assertThat(exit)
            .as(
                "%s in e2e/browser (output above); collector log:%n%s",
                String.join(" ", command), tail(collector.log()))
            .isZero();
      } finally {
        simulator.destroy();
        if (!simulator.waitFor(10, TimeUnit.SECONDS)) {
          simulator.destroyForcibly();
        }
      }
    }
  }

  private String simulatorLog() {
    try {
      Path log = dir.resolve("simulator.log");
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Fails, saying what to install, unless Chromium and Node 18 or newer (Debian 12's) are here. */
  static String requireBrowserTools() throws InterruptedException {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(
          CHROMIUM
              + " is missing: install Debian's Chromium (apt-get install chromium), or set"
              + " CHROMIUM to a Chromium binary");
    }
    String version;
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      version = null;
    }
    if (version == null || !version.matches("v\\d+\\..*")) {
      fail("node is missing: install Node.js 18 or newer with npm (apt-get install nodejs npm)");
    }
    int major = Integer.parseInt(version.substring(1, version.indexOf('.')));
    if (major < 18) {
      fail("node " + version + " is too old for playwright-core: install Node.js 18 or newer");
    }
    if (!Files.isExecutable(PDFTOTEXT)) {
      fail(
          PDFTOTEXT
              + " is missing: the printed period report is read with it (apt-get install"
              + " poppler-utils)");
    }
    return "node";
  }

  private static Process startSimulator(CollectorProcess collector, Path units, Path log)
      throws IOException {
    return new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Child.jar("simulator").toString(),
                "district",
                "--collector",
                collector.url(),
                "--admin-token-file",
                collector.dataDir.resolve("admin-token").toString(),
                "--units",
                units.toString(),
                "--machines",
                "200",
                "--seed",
                "2026",
                "--verify",
                "--keep-beating"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static String viewerToken(CollectorProcess collector) throws IOException {
    HttpResponse<String> created =
        collector.adminPost(
            "/api/v1/viewer-tokens",
            "application/json",
            "{\"name\":\"Phòng Văn hóa (browser test)\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return CollectorProcess.JSON.readTree(created.body()).get("token").asText();
  }

  /** npm ci (exact versions from package-lock.json) unless node_modules is already there. */
  static void npmCiWhenNeeded() throws IOException, InterruptedException {
    if (Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
      return;
    }
    int exit =
        run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(5));
    assertThat(exit).as("npm ci in e2e/browser (output above)").isZero();
  }

  /** Runs a command in e2e/browser, streaming its output to this test's output. */
  static int run(List<String> command, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(BROWSER_DIR.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    System.out.println("[browser] $ " + String.join(" ", command));
    Process process = builder.start();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  System.out.println("[browser] " + line);
                }
              } catch (IOException e) {
                System.out.println("[browser] output lost: " + e.getMessage());
              }
            },
            "browser-output");
    pump.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      pump.join(5_000);
      fail(String.join(" ", command) + " did not finish within " + timeout.toMinutes() + " min");
    }
    pump.join(5_000);
    return process.exitValue();
  }

  static String tail(String log) {
    String[] lines = log.split("\n");
    return String.join(
        "\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
  }
}

package io.digiready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digiready.collector.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A district grown on SQLite by the real simulator moves to PostgreSQL with the collector's own
 * {@code migrate-to-postgresql} command, and the collector then answers exactly as before.
 */
class MigrateToPostgresIT {
  @TempDir Path dir;

  @Test
  void a_simulated_district_moved_to_postgresql_gives_the_same_units_answer() throws Exception {
    Path data = dir.resolve("data");
    // A 20 s interval keeps the simulated district short.
    try (CollectorProcess sqlite =
        new CollectorProcess(data, "--heartbeat-interval-seconds", "20")) {
      sqlite.startAndAwaitReady();
      run(
          List.of(
              java(),
              "-jar",
              Child.jar("simulator").toString(),
              "district",
              "--collector",
              sqlite.url(),
              "--admin-token-file",
              data.resolve("admin-token").toString(),
              "--units",
              Child.REPO.resolve("install/demo/units.csv").toString(),
              "--machines",
              "120",
              "--seed",
              "7"));
      sqlite.stop();
    }
    TestPostgres postgres = TestPostgres.start(true);
    try {
      String url = postgres.newDatabase();
      String output =
          run(
              List.of(
                  java(),
                  "-jar",
                  Child.jar("collector").toString(),
                  "migrate-to-postgresql",
                  "--data-dir",
                  data.toString(),
                  "--jdbc-url",
                  url,
                  "--jdbc-user",
                  TestPostgres.USER));
      assertThat(output)
          .contains("row counts: every table identical")
          .containsPattern("figures: all \\d+ units identical")
          .contains("admin token: the one in");
      // The same instant on both sides: the SQLite collector again, and one on PostgreSQL with a
      // data directory of its own (it needs only the admin token there, which the copy keeps).
      Path pgData = Files.createDirectories(dir.resolve("pg"));
      Files.copy(data.resolve("admin-token"), pgData.resolve("admin-token"));
      try (CollectorProcess sqlite =
              new CollectorProcess(data, "--heartbeat-interval-seconds", "20");
          CollectorProcess pg =
              new CollectorProcess(
                  pgData,
                  "--heartbeat-interval-seconds",
                  "20",
                  "--storage",
                  "postgresql",
                  "--jdbc-url",
                  url,
                  "--jdbc-user",
                  TestPostgres.USER)) {
        sqlite.startAndAwaitReady();
        pg.startAndAwaitReady();
        JsonNode before = sqlite.adminJson("/api/v1/units");
        JsonNode after = pg.adminJson("/api/v1/units");
        assertThat(after.size()).isEqualTo(before.size()).isGreaterThan(10);
        for (int i = 0; i < before.size(); i++) {
          assertThat(after.get(i))
              .as("unit %s", before.get(i).get("code"))
              .isEqualTo(before.get(i));
        }
      }
    } finally {
      postgres.stop();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private String run(List<String> command) throws Exception {
    Path out = Files.createTempFile(dir, "run", ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean finished = p.waitFor(300, TimeUnit.SECONDS);
    String log = Files.readString(out, StandardCharsets.UTF_8);
    if (!finished) {
      p.destroyForcibly();
    }
    assertThat(finished).as("%s finished:%n%s", command.get(3), log).isTrue();
    assertThat(p.exitValue()).as("%s output:%n%s", command.get(3), log).isZero();
    return log;
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.collector.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
  @TempDir Path dir;

  private static String capture(boolean stderr, Supplier<Integer> run, int[] code) {
    PrintStream original = stderr ? System.err : System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream replacement = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    if (stderr) {
      System.setErr(replacement);
    } else {
      System.setOut(replacement);
    }
    try {
      code[0] = run.get();
    } finally {
      if (stderr) {
        System.setErr(original);
      } else {
        System.setOut(original);
      }
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void an_unknown_flag_exits_2_naming_it() {
    int[] code = new int[1];
    String err =
        capture(
            true, () -> CollectorMain.run(new String[] {"serve", "--prot", "80"}, Map.of()), code);
    assertThat(code[0]).isEqualTo(2);
    assertThat(err).contains("--prot");
  }

  @Test
  void a_bad_environment_value_exits_2_naming_the_key() {
    int[] code = new int[1];
    String err =
        capture(
            true,
            () ->
                CollectorMain.run(
                    new String[] {"serve"}, Map.of("DIGIREADY_WORKING_WINDOW_DAYS", "-1")),
            code);
    assertThat(code[0]).isEqualTo(2);
    assertThat(err).startsWith("workingWindowDays: must be a number from 0.0001 to 3650");
  }

  @Test
  void an_unknown_key_in_the_config_file_exits_2() throws Exception {
    Path file = dir.resolve("c.properties");
    Files.writeString(file, "adminTokn=x\n");
    int[] code = new int[1];
    String err =
        capture(
            true,
            () -> CollectorMain.run(new String[] {"serve", "--config", file.toString()}, Map.of()),
            code);
    assertThat(code[0]).isEqualTo(2);
    assertThat(err).contains("adminTokn: unknown key, expected one of");
  }

  @Test
  void help_lists_every_key_as_a_flag() {
    int[] code = new int[1];
    String out =
        capture(false, () -> CollectorMain.run(new String[] {"serve", "--help"}, Map.of()), code);
    assertThat(code[0]).isZero();
    assertThat(out)
        .contains(
            "--heartbeat-interval-seconds",
            "--sqlite-synchronous",
            "--tls-keystore-file",
            "DIGIREADY_DATA_DIR");
  }

  @Test
  void without_an_admin_token_one_is_generated_owner_only_and_only_its_path_is_printed()
      throws Exception {
    Path data = dir.resolve("data");
    var config =
        ConfigLoader.load(
            null,
            Map.of(),
            Map.of("port", "0", "bindAddress", "127.0.0.1", "dataDir", data.toString()));
    Collector[] started = new Collector[1];
    String out =
        capture(
            false,
            () -> {
              try {
                started[0] = new Collector(config, Clock.systemUTC(), cause -> {});
              } catch (Exception e) {
                throw new AssertionError(e);
              }
              return 0;
            },
            new int[1]);
    started[0].close();
    Path file = data.resolve("admin-token");
    String token = Files.readString(file).strip();
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(out).contains(file.toAbsolutePath().toString()).doesNotContain(token);
  }
}

package io.digiready.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The installed collector's JVM ends on an OutOfMemoryError instead of half living (the writer
 * thread gone, SIGTERM ignored), and systemd restarts it: the unit starts the launcher, the
 * launcher passes the flag, and the unit restarts on failure.
 */
class InstallFilesTest {
  static final Path LINUX = Path.of("..", "install", "collector", "linux");

  @Test
  void the_installed_collector_exits_on_out_of_memory_and_is_restarted() throws Exception {
    String launcher = Files.readString(LINUX.resolve("digiready-collector"));
    assertThat(launcher).contains("-XX:+ExitOnOutOfMemoryError").contains("-jar \"$jar\"");
    String unit = Files.readString(LINUX.resolve("digiready-collector.service"));
    assertThat(unit)
        .contains("ExecStart=/opt/digiready-collector/digiready-collector serve")
        .contains("Restart=on-failure");
  }
}

package io.digiready.agent.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;

/** The live figures read from /proc agree with OSHI's, which the agent no longer loads on Linux. */
class LiveStatsTest {

  @Test
  void meminfo_gives_total_and_available_or_oshi_s_estimate_without_mem_available() {
    List<String> modern =
        List.of(
            "MemTotal:        8000000 kB",
            "MemFree:          500000 kB",
            "MemAvailable:    3000000 kB",
            "Active(file):    1000000 kB");
    assertThat(LiveStats.parseMemInfo(modern)).containsExactly(8_192_000_000L, 3_072_000_000L);
    List<String> old =
        List.of(
            "MemTotal:        8000000 kB",
            "MemFree:          500000 kB",
            "Active(file):    1000000 kB",
            "Inactive(file):   200000 kB",
            "SReclaimable:      50000 kB");
    assertThat(LiveStats.parseMemInfo(old)).containsExactly(8_192_000_000L, 1_792_000_000L);
  }

  @Test
  void on_linux_the_figures_match_oshi_s() {
    assumeThat(Files.isReadable(Path.of("/proc/meminfo"))).isTrue();
    SystemInfo si = new SystemInfo();
    LiveStats.Figures ours = new LiveStats(() -> null).read();
    long total = si.getHardware().getMemory().getTotal();
    long oshiUsed = total - si.getHardware().getMemory().getAvailable();
    assertThat(ours.memoryUsedBytes()).isBetween(oshiUsed - (total / 20), oshiUsed + (total / 20));
    assertThat(ours.uptimeSeconds())
        .isBetween(
            si.getOperatingSystem().getSystemUptime() - 2,
            si.getOperatingSystem().getSystemUptime() + 2);
    assertThat(ours.residentBytes()).isPositive();
  }
}

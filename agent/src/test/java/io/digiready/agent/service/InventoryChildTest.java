package io.digiready.agent.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digiready.agent.inventory.InventoryStep;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryChildTest {
  @TempDir Path stateDir;

  @Test
  void a_step_survives_the_trip_through_the_child_s_output() throws Exception {
    byte[] payload = "{\"hostname\":\"pc-1\",\"note\":\"a\\nb\"}".getBytes(StandardCharsets.UTF_8);
    InventoryStep step =
        new InventoryStep("changed", payload, "12", "abc def 2026-11-27T08:00:00Z");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(InventoryChild.header(step).getBytes(StandardCharsets.UTF_8));
    out.write(payload);
    InventoryStep back = InventoryChild.parse(out.toByteArray());
    assertThat(back.reason()).isEqualTo("changed");
    assertThat(back.payload()).isEqualTo(payload);
    assertThat(back.software()).isEqualTo("12");
    assertThat(back.state()).isEqualTo(step.state());

    InventoryStep nothing = new InventoryStep(null, null, null, step.state());
    InventoryStep none =
        InventoryChild.parse(InventoryChild.header(nothing).getBytes(StandardCharsets.UTF_8));
    assertThat(none.reason()).isNull();
    assertThat(none.payload()).isNull();
    assertThatThrownBy(() -> InventoryChild.parse("start\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void a_real_child_process_reads_this_machine_then_sends_nothing_when_nothing_changed()
      throws Exception {
    InventoryChild child = new InventoryChild(stateDir, oshi.SystemInfo::new);
    Instant now = Instant.now();
    InventoryStep first = child.inChild(null, now);
    assertThat(first.reason()).isEqualTo("start");
    Inventory inv = Json.mapper().readValue(first.payload(), Inventory.class);
    assertThat(inv.hostname()).isNotBlank();
    assertThat(first.state()).isNotBlank();
    InventoryStep second = child.inChild(first.state(), now.plusSeconds(60));
    assertThat(second.reason()).isNull();
    assertThat(second.state()).isEqualTo(first.state());
    assertThat(stateDir.resolve("inventory-check.out")).doesNotExist();
  }

  @Test
  void the_child_runs_this_java_with_this_class_path_and_the_inventory_archive_when_there_is_one()
      throws Exception {
    assertThat(InventoryChild.command())
        .startsWith(Path.of(System.getProperty("java.home"), "bin", "java").toString())
        .endsWith("-cp", System.getProperty("java.class.path"), InventoryChild.class.getName())
        .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
    Path archive = java.nio.file.Files.createFile(stateDir.resolve("inventory.jsa"));
    System.setProperty("digiready.inventory.cds", archive.toString());
    try {
      assertThat(InventoryChild.command())
          .contains("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    } finally {
      System.clearProperty("digiready.inventory.cds");
    }
  }
}

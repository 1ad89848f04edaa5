package io.digiready.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmiAccessTest {
  @TempDir Path dir;

  @Test
  void a_machine_without_the_dmi_directory_has_no_table() {
    Path dmi = dir.resolve("sys/devices/virtual/dmi/id");

    assertThat(DmiAccess.of(dmi)).isEqualTo(DmiAccess.NO_TABLE);
    assertThat(DmiAccess.NO_TABLE.reason(dmi))
        .contains("no DMI table", dmi.toString())
        .doesNotContain("root");
  }

  @Test
  void a_dmi_directory_without_serial_files_has_no_table_either() throws Exception {
    Path dmi = Files.createDirectories(dir.resolve("id"));
    Files.writeString(dmi.resolve("sys_vendor"), "QEMU\n");

    assertThat(DmiAccess.of(dmi)).isEqualTo(DmiAccess.NO_TABLE);
  }

  @Test
  void serial_files_whose_opening_is_refused_mean_no_permission() throws Exception {
    Path dmi = Files.createDirectories(dir.resolve("id"));
    Files.writeString(dmi.resolve("product_serial"), "PF2ABC12\n");
    Files.writeString(dmi.resolve("product_uuid"), "4c4c4544-0042-3510-8052-b3c04f4d3732\n");

    DmiAccess access =
        DmiAccess.of(
            dmi,
            file -> {
              throw new AccessDeniedException(file.toString());
            });

    assertThat(access).isEqualTo(DmiAccess.NO_PERMISSION);
    assertThat(access.reason(dmi)).contains("no permission", "product_serial", "root");
  }

  @Test
  void files_the_user_may_not_read_mean_no_permission_when_not_root() throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
    Path dmi = Files.createDirectories(dir.resolve("id"));
    for (String name : DmiAccess.SERIAL_FILES) {
      Path file = Files.writeString(dmi.resolve(name), "x\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    }

    assertThat(DmiAccess.of(dmi)).isEqualTo(DmiAccess.NO_PERMISSION);
  }

  @Test
  void one_readable_serial_file_is_enough() throws Exception {
    Path dmi = Files.createDirectories(dir.resolve("id"));
    Files.writeString(dmi.resolve("product_serial"), "To be filled by O.E.M.\n");
    Files.writeString(dmi.resolve("product_uuid"), "03000200-0400-0500-0006-000700080009\n");

    assertThat(DmiAccess.of(dmi)).isEqualTo(DmiAccess.READABLE);
    assertThat(
            DmiAccess.of(
                dmi,
                file -> {
                  if (file.endsWith("product_serial")) {
                    throw new AccessDeniedException(file.toString());
                  }
                }))
        .isEqualTo(DmiAccess.READABLE);
  }
}

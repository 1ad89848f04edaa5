package io.digiready.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistrictTest {

  private static List<UnitRow> demoUnits() throws IOException {
    return UnitRow.parseCsv(
        Files.readString(Path.of("../install/demo/units.csv"), StandardCharsets.UTF_8));
  }

  @Test
  void the_demo_unit_file_parses_with_vietnamese_names_and_quoted_fields() throws IOException {
    List<UnitRow> units = demoUnits();
    assertThat(units).hasSizeGreaterThanOrEqualTo(14);
    assertThat(units)
        .extracting(UnitRow::name)
        .contains("Xã Phú Lộc", "Văn phòng HĐND và UBND huyện");
    assertThat(units.get(0).parent()).isNull();
  }

  @Test
  void the_same_seed_gives_the_same_district() throws IOException {
    District a = District.generate(demoUnits(), 200, 42, true);
    District b = District.generate(demoUnits(), 200, 42, true);

    assertThat(a.machines()).hasSize(201); // plus the clone
    for (int i = 0; i < a.machines().size(); i++) {
      SimMachine x = a.machines().get(i);
      SimMachine y = b.machines().get(i);
      assertThat(x.hostname).isEqualTo(y.hostname);
      assertThat(x.fingerprint).isEqualTo(y.fingerprint);
      assertThat(x.power).isEqualTo(y.power);
      assertThat(x.belowPolicy()).isEqualTo(y.belowPolicy());
    }
    assertThat(a.lineDownUnit).isEqualTo(b.lineDownUnit);
  }

  @Test
  void a_district_holds_every_kind_of_pc_the_scenario_needs() throws IOException {
    District d = District.generate(demoUnits(), 500, 42, true);

    assertThat(d.machines()).anyMatch(m -> m.power == SimMachine.Power.GONE);
    assertThat(d.machines()).anyMatch(m -> m.power == SimMachine.Power.SWITCHED_OFF);
    assertThat(d.machines()).anyMatch(m -> m.power == SimMachine.Power.OFFICE_HOURS);
    assertThat(d.machines()).anyMatch(m -> m.memoryBytes < 4 * SimMachine.GIB);
    assertThat(d.machines()).anyMatch(m -> "7".equals(m.osVersion));
    assertThat(d.machines()).anyMatch(m -> m.diskFreeBytes < m.diskTotalBytes / 10);
    assertThat(d.machines()).anyMatch(m -> m.clockOffset.toMinutes() > 5);
    assertThat(d.machines()).anyMatch(m -> m.lineDown);
    assertThat(d.cloneCopy.fingerprint.hardwareUuid())
        .isEqualTo(d.cloneOriginal.fingerprint.hardwareUuid());
    assertThat(d.cloneCopy.fingerprint.osInstallId())
        .isNotEqualTo(d.cloneOriginal.fingerprint.osInstallId());
    assertThat(District.reinstalled(d.reimaged.fingerprint, 42).osInstallId())
        .isNotEqualTo(d.reimaged.fingerprint.osInstallId());
  }

  @Test
  void machines_are_shared_out_by_headcount_and_add_up() throws IOException {
    List<UnitRow> staffed = demoUnits().stream().filter(u -> u.staff() > 0).toList();
    int[] share = District.allocate(staffed, 333);
    assertThat(java.util.Arrays.stream(share).sum()).isEqualTo(333);
    int biggest = 0;
    for (int i = 1; i < staffed.size(); i++) {
      if (staffed.get(i).staff() > staffed.get(biggest).staff()) {
        biggest = i;
      }
    }
    assertThat(share[biggest]).isEqualTo(java.util.Arrays.stream(share).max().orElseThrow());
  }

  @Test
  void office_pcs_are_off_at_night_and_at_the_weekend_in_vietnam() {
    assertThat(District.officeHours(Instant.parse("2026-11-27T03:00:00Z"))).isTrue(); // Fri 10:00
    assertThat(District.officeHours(Instant.parse("2026-11-27T12:00:00Z"))).isFalse(); // Fri 19:00
    assertThat(District.officeHours(Instant.parse("2026-11-28T03:00:00Z"))).isFalse(); // Saturday
  }
}

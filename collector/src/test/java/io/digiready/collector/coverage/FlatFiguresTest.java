package io.digiready.collector.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.collector.fleet.OfficeHours;
import io.digiready.collector.fleet.RequiredApplication;
import io.digiready.collector.history.DayFigures;
import io.digiready.collector.store.Store;
import io.digiready.protocol.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The live unit and the history's day carry one {@link UnitFigures}, and still answer the fields in
 * the order they always had: the expected text below is the order of the records before they shared
 * the value (UnitCoverage and DayFigures of 2026-12-07).
 */
class FlatFiguresTest {
  private static final ObjectMapper JSON = Json.mapper();

  private static final UnitFigures FIGURES =
      new UnitFigures(
          24, 4, 23, 23, 22, 19, 0.958, 0.957, 0.826, 0.91, 1.0, 0.98, 2, 12, 20, 0.87, 1.0, 21,
          0.913, 1.0);

  @Test
  void a_live_unit_answers_its_fields_in_the_order_it_always_had_without_equipped_staff()
      throws Exception {
    Map<String, Integer> machines = new LinkedHashMap<>();
    machines.put("online", 20);
    machines.put("offline", 3);
    UnitCoverage u =
        new UnitCoverage(
            "kn.pl",
            "Xã Phú Lộc",
            "kn",
            "commune",
            machines,
            true,
            null,
            null,
            FIGURES,
            null,
            List.of(new RequiredApplication("Ký số", "token")));
    assertThat(JSON.writeValueAsString(u))
        .isEqualTo(
            "{\"code\":\"kn.pl\",\"name\":\"Xã Phú Lộc\",\"parent\":\"kn\",\"kind\":\"commune\","
                + "\"staff\":24,\"ownStaff\":4,\"machines\":{\"online\":20,\"offline\":3},"
                + "\"workingMachines\":23,\"internetMachines\":22,\"compliantMachines\":19,"
                + "\"equipmentCoverage\":0.958,\"connectivityCoverage\":0.957,\"compliance\":0.826,"
                + "\"readinessScore\":0.91,\"equipmentTarget\":1.0,\"connectivityTarget\":0.98,"
                + "\"rank\":2,\"of\":12,\"officeHoursNow\":true,\"officeHours\":null,"
                + "\"effectiveOfficeHours\":null,\"protectedMachines\":20,"
                + "\"protectionCoverage\":0.87,\"protectionTarget\":1.0,"
                + "\"softwareReadyMachines\":21,\"softwareCoverage\":0.913,\"softwareTarget\":1.0,"
                + "\"requiredApplications\":null,"
                + "\"effectiveRequiredApplications\":[{\"label\":\"Ký số\",\"match\":\"token\"}]}");
  }

  @Test
  void office_hours_keep_their_own_shape_inside_the_flat_unit() throws Exception {
    UnitCoverage u =
        new UnitCoverage(
            "kn",
            "Huyện",
            null,
            "district",
            Map.of(),
            false,
            null,
            OfficeHours.DEFAULT,
            FIGURES,
            null,
            List.of());
    assertThat(JSON.readTree(JSON.writeValueAsString(u)).get("effectiveOfficeHours"))
        .isEqualTo(JSON.valueToTree(OfficeHours.DEFAULT));
  }

  @Test
  void a_day_answers_its_fields_in_the_order_it_always_had() throws Exception {
    Store.CoverageDay row =
        new Store.CoverageDay(
            "kn.pl",
            LocalDate.parse("2026-12-01"),
            Store.CoverageDay.RECORDED,
            Instant.parse("2026-12-01T17:00:00Z"),
            FIGURES);
    String asOf = JSON.writeValueAsString(Instant.parse("2026-12-01T17:00:00Z"));
    assertThat(JSON.writeValueAsString(DayFigures.of(row)))
        .isEqualTo(
            "{\"day\":\"2026-12-01\",\"status\":\"recorded\",\"estimated\":false,\"asOf\":"
                + asOf
                + ",\"staff\":24,\"ownStaff\":4,\"equippedStaff\":23,\"workingMachines\":23,"
                + "\"internetMachines\":22,\"compliantMachines\":19,\"equipmentCoverage\":0.958,"
                + "\"connectivityCoverage\":0.957,\"compliance\":0.826,\"readinessScore\":0.91,"
                + "\"equipmentTarget\":1.0,\"connectivityTarget\":0.98,\"equipmentTargetMet\":false,"
                + "\"connectivityTargetMet\":false,\"rank\":2,\"of\":12,\"protectedMachines\":20,"
                + "\"protectionCoverage\":0.87,\"protectionTarget\":1.0,"
                + "\"protectionTargetMet\":false,\"softwareReadyMachines\":21,"
                + "\"softwareCoverage\":0.913,\"softwareTarget\":1.0,\"softwareTargetMet\":false}");
  }

  @Test
  void a_day_with_nothing_kept_names_every_field_with_null() throws Exception {
    assertThat(JSON.writeValueAsString(DayFigures.none(LocalDate.parse("2026-12-01"))))
        .isEqualTo(
            "{\"day\":\"2026-12-01\",\"status\":\"none\",\"estimated\":false,\"asOf\":null,"
                + "\"staff\":null,\"ownStaff\":null,\"equippedStaff\":null,"
                + "\"workingMachines\":null,\"internetMachines\":null,\"compliantMachines\":null,"
                + "\"equipmentCoverage\":null,\"connectivityCoverage\":null,\"compliance\":null,"
                + "\"readinessScore\":null,\"equipmentTarget\":null,\"connectivityTarget\":null,"
                + "\"equipmentTargetMet\":null,\"connectivityTargetMet\":null,\"rank\":null,"
                + "\"of\":null,\"protectedMachines\":null,\"protectionCoverage\":null,"
                + "\"protectionTarget\":null,\"protectionTargetMet\":null,"
                + "\"softwareReadyMachines\":null,\"softwareCoverage\":null,"
                + "\"softwareTarget\":null,\"softwareTargetMet\":null}");
  }
}

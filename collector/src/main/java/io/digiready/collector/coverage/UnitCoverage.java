package io.digiready.collector.coverage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.digiready.collector.fleet.OfficeHours;
import io.digiready.collector.fleet.RequiredApplication;
import java.util.List;
import java.util.Map;

/**
 * A unit with the figures of its subtree (itself and every unit below it), as {@code GET
 * /api/v1/units} returns it: one flat object, its fields in the order the API has always answered
 * in. Ratios are null when their denominator is 0. {@code protectedMachines} counts the working
 * machines with an anti-malware product enabled and up to date, {@code protectionCoverage} is their
 * share of the working machines. The live answer leaves out {@code equippedStaff} (the history has
 * it). {@code requiredApplications} is the unit's own list (null: its parent's), {@code
 * effectiveRequiredApplications} the one its machines are matched against.
 */
@JsonSerialize(using = FlatFigures.class)
@JsonIgnoreProperties("equippedStaff")
@JsonPropertyOrder({
  "code",
  "name",
  "parent",
  "kind",
  "staff",
  "ownStaff",
  "machines",
  "workingMachines",
  "internetMachines",
  "compliantMachines",
  "equipmentCoverage",
  "connectivityCoverage",
  "compliance",
  "readinessScore",
  "equipmentTarget",
  "connectivityTarget",
  "rank",
  "of",
  "officeHoursNow",
  "officeHours",
  "effectiveOfficeHours",
  "protectedMachines",
  "protectionCoverage",
  "protectionTarget"
})
public record UnitCoverage(
    String code,
    String name,
    String parent,
    String kind,
    Map<String, Integer> machines,
    boolean officeHoursNow,
    OfficeHours officeHours,
    OfficeHours effectiveOfficeHours,
    UnitFigures figures,
    List<RequiredApplication> requiredApplications,
    List<RequiredApplication> effectiveRequiredApplications) {

  /** The same unit ranked {@code rank} of {@code of} among its siblings. */
  UnitCoverage ranked(int rank, int of) {
    return new UnitCoverage(
        code,
        name,
        parent,
        kind,
        machines,
        officeHoursNow,
        officeHours,
        effectiveOfficeHours,
        figures.ranked(rank, of),
        requiredApplications,
        effectiveRequiredApplications);
  }
}

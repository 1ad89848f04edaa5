package io.digiready.collector.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.digiready.collector.fleet.OfficeHours;
import java.util.Map;

/**
 * A unit with the figures of its subtree (itself and every unit below it), as {@code GET
 * /api/v1/units} returns it. Ratios are null when their denominator is 0. {@code protectedMachines}
 * counts the working machines with an anti-malware product enabled and up to date, {@code
 * protectionCoverage} is their share of the working machines.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UnitCoverage(
    String code,
    String name,
    String parent,
    String kind,
    int staff,
    int ownStaff,
    Map<String, Integer> machines,
    int workingMachines,
    int internetMachines,
    int compliantMachines,
    Double equipmentCoverage,
    Double connectivityCoverage,
    Double compliance,
    Double readinessScore,
    double equipmentTarget,
    double connectivityTarget,
    int rank,
    int of,
    boolean officeHoursNow,
    OfficeHours officeHours,
    OfficeHours effectiveOfficeHours,
    int protectedMachines,
    Double protectionCoverage,
    double protectionTarget) {}

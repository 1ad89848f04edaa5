package io.digiready.collector.fleet;

import java.util.List;

/**
 * An administrative unit as stored; {@code officeHours} is null when it inherits all of them.
 * {@code protectionTarget} is the share of working computers that should be protected against
 * malware. {@code requiredApplications} is null when the unit takes its parent's list (as with
 * office hours); an empty list requires nothing, whatever the parent requires.
 */
public record Unit(
    String code,
    String name,
    String parent,
    String kind,
    int staff,
    double equipmentTarget,
    double connectivityTarget,
    OfficeHours officeHours,
    double protectionTarget,
    List<RequiredApplication> requiredApplications) {}

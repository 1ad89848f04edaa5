package io.digiready.collector.fleet;

/**
 * An administrative unit as stored; {@code officeHours} is null when it inherits all of them.
 * {@code protectionTarget} is the share of working computers that should be protected against
 * malware.
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
    double protectionTarget) {}

package io.digiready.collector.units;

import io.digiready.collector.fleet.OfficeHours;
import io.digiready.collector.fleet.RequiredApplication;
import java.util.List;

/** Body of {@code POST /api/v1/units} and {@code PUT /api/v1/units/{code}}. */
public record UnitBody(
    String code,
    String name,
    String parent,
    String kind,
    Integer staff,
    Double equipmentTarget,
    Double connectivityTarget,
    OfficeHours officeHours,
    Double protectionTarget,
    List<RequiredApplication> requiredApplications) {}

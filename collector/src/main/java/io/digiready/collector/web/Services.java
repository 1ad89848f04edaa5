package io.digiready.collector.web;

import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.coverage.CoverageService;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.history.CoverageHistory;
import io.digiready.collector.ingest.EnrollService;
import io.digiready.collector.ingest.HeartbeatService;
import io.digiready.collector.ingest.InventoryService;
import io.digiready.collector.machines.MachineService;
import io.digiready.collector.metrics.DigireadyMetrics;
import io.digiready.collector.metrics.HttpMetrics;
import io.digiready.collector.reports.PeriodReportService;
import io.digiready.collector.reports.ReportService;
import io.digiready.collector.software.SoftwareService;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Store;
import io.digiready.collector.units.UnitHistoryService;
import io.digiready.collector.units.UnitService;
import io.digiready.collector.viewers.ViewerTokenService;
import java.time.Clock;

/** What the HTTP layer calls into; built once by the collector. */
public record Services(
    CollectorConfig config,
    Clock clock,
    Fleet fleet,
    Store store,
    GroupCommitWriter writer,
    Auth auth,
    EnrollService enroll,
    HeartbeatService heartbeats,
    InventoryService inventory,
    UnitService units,
    MachineService machines,
    UnitHistoryService unitHistory,
    ViewerTokenService viewerTokens,
    ReportService reports,
    CoverageService coverage,
    DigireadyMetrics metrics,
    HttpMetrics httpMetrics,
    CoverageHistory coverageHistory,
    PeriodReportService periodReports,
    SoftwareService software) {}

package io.digiready.collector.web;

import io.digiready.collector.coverage.MachineState;
import io.digiready.collector.coverage.Readiness;
import io.digiready.collector.reports.Export;
import io.digiready.collector.reports.Language;
import io.digiready.collector.sheet.FileFormat;
import io.digiready.collector.units.UnitHistoryService;
import io.javalin.http.Context;
import java.time.Instant;

/**
 * What the admin token and viewer tokens may both read: who is signed in, units with coverage,
 * machines, histories and the report exports.
 */
final class ReadRoutes {
  private ReadRoutes() {}

  private interface Read<T> {
    T from(Context ctx) throws Exception;
  }

  static void register(Registration r, Services s) {
    json(r, Route.SESSION, Auth::session);
    json(r, Route.READINESS_RULES, ctx -> Readiness.rules());
    json(r, Route.UNITS, ctx -> s.coverage().all());
    json(r, Route.UNIT, ctx -> s.coverage().unit(ctx.pathParam("code")));
    json(
        r,
        Route.UNIT_HISTORY,
        ctx ->
            s.unitHistory()
                .history(
                    ctx.pathParam("code"),
                    Params.optional(
                        ctx,
                        "days",
                        Integer.class,
                        d -> d >= 1 && d <= UnitHistoryService.MAX_DAYS,
                        "must be a whole number of days from 1 to " + UnitHistoryService.MAX_DAYS,
                        UnitHistoryService.DEFAULT_DAYS)));
    json(
        r,
        Route.MACHINES,
        ctx ->
            s.machines()
                .list(
                    Params.optional(ctx, "unit", String.class, u -> true, "a unit code", null),
                    Params.optional(
                        ctx,
                        "state",
                        MachineState.class,
                        st -> true,
                        "must be one of online, offline, stale, retired",
                        null)));
    json(
        r,
        Route.MACHINE,
        ctx ->
            s.machines()
                .detail(
                    ctx.pathParam("id"),
                    Auth.session(ctx).admin(),
                    Params.language(ctx, Language.EN.code())));
    json(
        r,
        Route.MACHINE_HISTORY,
        ctx ->
            s.machines()
                .history(
                    ctx.pathParam("id"),
                    Params.optional(ctx, "from", Instant.class, t -> true, Params.ISO_TIME, null),
                    Params.optional(ctx, "to", Instant.class, t -> true, Params.ISO_TIME, null)));
    file(r, Route.UNITS_CSV, ctx -> s.reports().units(Params.format(ctx)), false);
    file(
        r,
        Route.COVERAGE_CSV,
        ctx ->
            s.reports()
                .coverage(
                    Params.unitOrAll(ctx),
                    Params.date(ctx, "date"),
                    Params.language(ctx, s.config().reportLanguage()),
                    Params.format(ctx)),
        true);
    file(
        r,
        Route.MACHINES_CSV,
        ctx ->
            s.reports()
                .machines(
                    Params.unitOrAll(ctx),
                    Params.language(ctx, s.config().reportLanguage()),
                    Params.format(ctx)),
        true);
  }

  private static void json(Registration r, Route route, Read<Object> read) {
    r.add(route, ctx -> Responses.json(ctx, 200, read.from(ctx)));
  }

  private static void file(Registration r, Route route, Read<Export> read, boolean attachment) {
    r.add(
        route,
        ctx -> {
          Export export = read.from(ctx);
          // An Excel file is always a download: a browser cannot show it.
          if (attachment || export.format() == FileFormat.XLSX) {
            // The name holds only a unit code (an ASCII slug) and a date: nothing to escape.
            ctx.header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"");
          }
          ctx.header("Cache-Control", "no-store")
              .contentType(export.format().contentType())
              .result(export.bytes());
        });
  }
}

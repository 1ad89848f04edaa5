package io.digiready.collector.web;

import io.digiready.collector.coverage.MachineState;
import io.digiready.collector.reports.Export;
import io.digiready.collector.reports.Language;
import io.digiready.collector.sheet.FileFormat;
import io.digiready.collector.units.UnitHistoryService;
import io.digiready.protocol.Endpoints;
import io.javalin.config.RoutesConfig;
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

  static void register(RoutesConfig r, Services s) {
    json(r, "/api/v1/session", Auth::session);
    json(r, Endpoints.UNITS, ctx -> s.coverage().all());
    json(r, "/api/v1/units/{code}", ctx -> s.coverage().unit(ctx.pathParam("code")));
    json(
        r,
        "/api/v1/units/{code}/history",
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
        "/api/v1/machines",
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
        "/api/v1/machines/{id}",
        ctx ->
            s.machines()
                .detail(
                    ctx.pathParam("id"),
                    Auth.session(ctx).admin(),
                    Params.language(ctx, Language.EN.code())));
    json(
        r,
        "/api/v1/machines/{id}/history",
        ctx ->
            s.machines()
                .history(
                    ctx.pathParam("id"),
                    Params.optional(ctx, "from", Instant.class, t -> true, Params.ISO_TIME, null),
                    Params.optional(ctx, "to", Instant.class, t -> true, Params.ISO_TIME, null)));
    file(r, "/api/v1/units.csv", ctx -> s.reports().units(Params.format(ctx)), false);
    file(
        r,
        "/api/v1/reports/coverage.csv",
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
        "/api/v1/reports/machines.csv",
        ctx ->
            s.reports()
                .machines(
                    Params.unitOrAll(ctx),
                    Params.language(ctx, s.config().reportLanguage()),
                    Params.format(ctx)),
        true);
  }

  private static void json(RoutesConfig r, String path, Read<Object> read) {
    r.get(path, ctx -> Responses.json(ctx, 200, read.from(ctx)), Access.READER);
  }

  private static void file(RoutesConfig r, String path, Read<Export> read, boolean attachment) {
    r.get(
        path,
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
        },
        Access.READER);
  }
}

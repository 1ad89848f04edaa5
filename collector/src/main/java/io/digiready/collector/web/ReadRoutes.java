package io.digiready.collector.web;

import io.digiready.collector.reports.Export;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * What the admin token and viewer tokens may both read: who is signed in, units with coverage,
 * machines, histories and the report exports.
 */
final class ReadRoutes {
  private ReadRoutes() {}

  static void register(RoutesConfig r, Services s) {
    r.get("/api/v1/session", ctx -> Responses.json(ctx, 200, s.auth().requireReader(ctx)));
    r.get(
        "/api/v1/units",
        ctx -> read(ctx, s, () -> Responses.json(ctx, 200, AdminRoutes.coverage(s))));
    r.get(
        "/api/v1/units/{code}",
        ctx ->
            read(
                ctx,
                s,
                () ->
                    Responses.json(ctx, 200, AdminRoutes.unitCoverage(s, ctx.pathParam("code")))));
    r.get(
        "/api/v1/units/{code}/history",
        ctx ->
            read(
                ctx,
                s,
                () ->
                    Responses.json(
                        ctx,
                        200,
                        s.unitHistory().history(ctx.pathParam("code"), ctx.queryParam("days")))));
    r.get(
        "/api/v1/machines",
        ctx ->
            read(
                ctx,
                s,
                () ->
                    Responses.json(
                        ctx,
                        200,
                        s.machines().list(ctx.queryParam("unit"), ctx.queryParam("state")))));
    r.get(
        "/api/v1/machines/{id}",
        ctx ->
            read(ctx, s, () -> Responses.json(ctx, 200, s.machines().detail(ctx.pathParam("id")))));
    r.get(
        "/api/v1/machines/{id}/history",
        ctx ->
            read(
                ctx,
                s,
                () ->
                    Responses.json(
                        ctx,
                        200,
                        s.machines()
                            .history(
                                ctx.pathParam("id"),
                                ctx.queryParam("from"),
                                ctx.queryParam("to")))));
    r.get(
        "/api/v1/units.csv",
        ctx ->
            read(
                ctx,
                s,
                () ->
                    ctx.contentType("text/csv; charset=utf-8")
                        .result(CoverageCsv.write(AdminRoutes.coverage(s)))));
    r.get(
        "/api/v1/reports/coverage.csv",
        ctx -> read(ctx, s, () -> csv(ctx, s.reports().coverageCsv(ctx.queryParam("unit")))));
    r.get(
        "/api/v1/reports/machines.csv",
        ctx -> read(ctx, s, () -> csv(ctx, s.reports().machinesCsv(ctx.queryParam("unit")))));
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void read(Context ctx, Services s, Action action) throws Exception {
    s.auth().requireReader(ctx);
    action.run();
  }

  private static void csv(Context ctx, Export export) {
    // The name holds only the unit code (an ASCII slug) and a date, so it needs no escaping.
    ctx.header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"")
        .header("Cache-Control", "no-store")
        .contentType("text/csv; charset=utf-8")
        .result(export.bytes());
  }
}

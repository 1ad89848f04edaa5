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

  private interface Read<T> {
    T from(Context ctx) throws Exception;
  }

  static void register(RoutesConfig r, Services s) {
    r.get("/api/v1/session", ctx -> Responses.json(ctx, 200, s.auth().requireReader(ctx)));
    json(r, s, "/api/v1/units", ctx -> AdminRoutes.coverage(s));
    json(r, s, "/api/v1/units/{code}", ctx -> AdminRoutes.unitCoverage(s, ctx.pathParam("code")));
    json(
        r,
        s,
        "/api/v1/units/{code}/history",
        ctx -> s.unitHistory().history(ctx.pathParam("code"), ctx.queryParam("days")));
    json(
        r,
        s,
        "/api/v1/machines",
        ctx -> s.machines().list(ctx.queryParam("unit"), ctx.queryParam("state")));
    json(r, s, "/api/v1/machines/{id}", ctx -> s.machines().detail(ctx.pathParam("id")));
    json(
        r,
        s,
        "/api/v1/machines/{id}/history",
        ctx ->
            s.machines()
                .history(ctx.pathParam("id"), ctx.queryParam("from"), ctx.queryParam("to")));
    r.get(
        "/api/v1/units.csv",
        ctx -> {
          s.auth().requireReader(ctx);
          ctx.contentType("text/csv; charset=utf-8")
              .result(CoverageCsv.write(AdminRoutes.coverage(s)));
        });
    file(
        r,
        s,
        "/api/v1/reports/coverage.csv",
        ctx -> s.reports().coverageCsv(ctx.queryParam("unit")));
    file(
        r,
        s,
        "/api/v1/reports/machines.csv",
        ctx -> s.reports().machinesCsv(ctx.queryParam("unit")));
  }

  private static void json(RoutesConfig r, Services s, String path, Read<Object> read) {
    r.get(
        path,
        ctx -> {
          s.auth().requireReader(ctx);
          Responses.json(ctx, 200, read.from(ctx));
        });
  }

  private static void file(RoutesConfig r, Services s, String path, Read<Export> read) {
    r.get(
        path,
        ctx -> {
          s.auth().requireReader(ctx);
          Export export = read.from(ctx);
          // The name holds only a unit code (an ASCII slug) and a date: nothing to escape.
          ctx.header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"")
              .header("Cache-Control", "no-store")
              .contentType("text/csv; charset=utf-8")
              .result(export.bytes());
        });
  }
}

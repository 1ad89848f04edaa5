package io.digiready.collector.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digiready.collector.coverage.MachineState;
import io.digiready.collector.coverage.Readiness;
import io.digiready.collector.machines.MachinePage;
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
    SameAnswer allUnits = new SameAnswer();
    r.add(
        Route.UNITS,
        ctx -> {
          // ?parent= answers one level of the tree: a unit page shows its children, not 10,000.
          String parent =
              Params.optional(ctx, "parent", String.class, p -> true, "a unit code", null);
          if (parent == null) {
            Responses.json(ctx, allUnits.json(s.coverage().all()));
          } else {
            Responses.json(ctx, 200, s.coverage().children(parent));
          }
        });
    json(
        r,
        Route.UNIT,
        ctx -> {
          String code = ctx.pathParam("code");
          ObjectNode unit = Bodies.MAPPER.valueToTree(s.coverage().unit(code));
          unit.set("path", Bodies.MAPPER.valueToTree(s.coverage().path(code)));
          return unit;
        });
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
    json(r, Route.MACHINES, ctx -> machines(ctx, s));
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

  /**
   * The whole list (an array, as it always was) unless {@code limit} or {@code cursor} asks for a
   * page: a ministry's root has a million machines below it.
   */
  private static Object machines(Context ctx, Services s) {
    String unit = Params.optional(ctx, "unit", String.class, u -> true, "a unit code", null);
    MachineState state =
        Params.optional(
            ctx,
            "state",
            MachineState.class,
            st -> true,
            "must be one of online, offline, stale, retired",
            null);
    // Checked as text: Javalin reads any word but "true" as false, and "yes" must be a 400.
    String failingText =
        Params.optional(
            ctx,
            "failing",
            String.class,
            f -> f.equals("true") || f.equals("false"),
            "must be true or false",
            null);
    Boolean failing = failingText == null ? null : Boolean.valueOf(failingText);
    String cursor = ctx.queryParam("cursor");
    String limit = ctx.queryParam("limit");
    if ((cursor == null || cursor.isEmpty()) && (limit == null || limit.isEmpty())) {
      return s.machines().list(unit, state, failing);
    }
    return s.machines()
        .page(
            unit,
            state,
            failing,
            Params.optional(
                ctx,
                "limit",
                Integer.class,
                n -> n >= 1 && n <= MachinePage.MAX_LIMIT,
                "must be a whole number from 1 to " + MachinePage.MAX_LIMIT,
                MachinePage.DEFAULT_LIMIT),
            cursor);
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

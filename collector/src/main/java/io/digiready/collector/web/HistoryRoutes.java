package io.digiready.collector.web;

import io.digiready.collector.problem.Problem;

/**
 * The figures kept per unit and day: a unit's coverage history and the period report (the annex of
 * a quarterly report). Readers: the admin token or a viewer token.
 */
final class HistoryRoutes {
  private HistoryRoutes() {}

  static void register(Registration r, Services s) {
    r.add(
        Route.COVERAGE_HISTORY,
        ctx ->
            Responses.json(
                ctx,
                200,
                s.coverageHistory()
                    .history(
                        ctx.pathParam("code"), Params.date(ctx, "from"), Params.date(ctx, "to"))));
    r.add(
        Route.PERIOD_REPORT,
        ctx -> {
          String unit = Params.unitOrAll(ctx);
          if (unit == null) {
            throw Problem.invalid("unit", "is required: the code of the unit to report on");
          }
          Responses.json(
              ctx,
              200,
              s.periodReports()
                  .report(
                      unit,
                      Params.requiredDate(ctx, "from"),
                      Params.requiredDate(ctx, "to"),
                      Params.language(ctx, s.config().reportLanguage())));
        });
  }
}

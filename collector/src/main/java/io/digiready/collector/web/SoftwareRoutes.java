package io.digiready.collector.web;

import io.digiready.collector.software.SoftwareSearch;
import io.digiready.collector.software.SoftwareService;

/** The software questions, for the admin token and viewer tokens alike. */
final class SoftwareRoutes {
  private SoftwareRoutes() {}

  static void register(Registration r, Services s) {
    r.add(
        Route.SOFTWARE,
        ctx -> {
          // ?q= searches names (a page of applications); ?name= lists who has one application.
          if (ctx.queryParam("q") != null && ctx.queryParam("name") == null) {
            Responses.json(
                ctx,
                200,
                new SoftwareSearch(s.software())
                    .search(
                        ctx.queryParam("q"),
                        Params.unitOrAll(ctx),
                        Params.optional(
                            ctx,
                            "limit",
                            Integer.class,
                            n -> n >= 1 && n <= SoftwareSearch.MAX_LIMIT,
                            "must be a whole number from 1 to " + SoftwareSearch.MAX_LIMIT,
                            SoftwareSearch.DEFAULT_LIMIT),
                        ctx.queryParam("cursor")));
            return;
          }
          Responses.json(
              ctx,
              200,
              s.software()
                  .holders(
                      Params.optional(
                          ctx,
                          "name",
                          String.class,
                          n -> n.length() <= SoftwareService.MAX_NAME,
                          "an application's name of at most "
                              + SoftwareService.MAX_NAME
                              + " characters",
                          null),
                      Params.unitOrAll(ctx)));
        });
    r.add(
        Route.SOFTWARE_SUMMARY,
        ctx ->
            Responses.json(
                ctx,
                200,
                s.software()
                    .summary(
                        Params.unitOrAll(ctx),
                        Params.optional(
                            ctx,
                            "limit",
                            Integer.class,
                            n -> n >= 1 && n <= SoftwareService.MAX_LIMIT,
                            "must be a whole number from 1 to " + SoftwareService.MAX_LIMIT,
                            SoftwareService.DEFAULT_LIMIT))));
    r.add(
        Route.MACHINE_SOFTWARE,
        ctx ->
            Responses.json(
                ctx,
                200,
                s.software()
                    .ofMachine(
                        ctx.pathParam("id"),
                        Params.optional(
                            ctx,
                            "q",
                            String.class,
                            q -> q.length() <= SoftwareService.MAX_QUERY,
                            "a part of an application's name of at most "
                                + SoftwareService.MAX_QUERY
                                + " characters",
                            null),
                        Params.optional(
                            ctx,
                            "offset",
                            Integer.class,
                            n -> n >= 0,
                            "must be a whole number from 0",
                            0),
                        Params.optional(
                            ctx,
                            "limit",
                            Integer.class,
                            n -> n >= 1 && n <= SoftwareService.MAX_PAGE,
                            "must be a whole number from 1 to " + SoftwareService.MAX_PAGE,
                            SoftwareService.DEFAULT_PAGE))));
  }
}

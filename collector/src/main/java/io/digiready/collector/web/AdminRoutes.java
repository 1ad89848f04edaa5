package io.digiready.collector.web;

import io.digiready.collector.units.TokenOptions;
import io.digiready.collector.units.UnitBody;
import io.digiready.collector.viewers.ViewerTokenService;

/** The admin API: writes to units, enrollment and viewer tokens, machines. Admin token only. */
final class AdminRoutes {
  private AdminRoutes() {}

  record MoveBody(String unit) {}

  static void register(Registration r, Services s) {
    r.add(
        Route.UNITS_IMPORT,
        ctx -> Responses.json(ctx, 200, s.units().importCsv(Bodies.bytes(ctx, "text/csv"))));
    r.add(
        Route.UNIT_CREATE,
        ctx -> {
          var unit = s.units().create(Bodies.json(ctx, UnitBody.class));
          Responses.json(ctx, 201, s.coverage().unit(unit.code()));
        });
    r.add(
        Route.UNIT_UPDATE,
        ctx -> {
          String code = ctx.pathParam("code");
          s.units().update(code, Bodies.json(ctx, UnitBody.class));
          Responses.json(ctx, 200, s.coverage().unit(code));
        });
    r.add(
        Route.ENROLLMENT_TOKEN_CREATE,
        ctx ->
            Responses.json(
                ctx,
                201,
                s.units()
                    .newEnrollmentToken(
                        ctx.pathParam("code"),
                        Bodies.optionalJson(ctx, TokenOptions.class, TokenOptions.DEFAULTS))));
    r.add(
        Route.ENROLLMENT_TOKENS,
        ctx -> Responses.json(ctx, 200, s.units().enrollmentTokens(ctx.pathParam("code"))));
    r.add(
        Route.ENROLLMENT_TOKEN_REVOKE,
        ctx -> {
          s.units().revokeEnrollmentToken(ctx.pathParam("id"));
          ctx.status(204);
        });
    r.add(
        Route.MACHINE_RETIRE,
        ctx -> Responses.json(ctx, 200, s.machines().retire(ctx.pathParam("id"))));
    r.add(
        Route.MACHINE_MOVE,
        ctx -> {
          MoveBody body = Bodies.json(ctx, MoveBody.class);
          Responses.json(ctx, 200, s.machines().move(ctx.pathParam("id"), body.unit()));
        });
    r.add(
        Route.VIEWER_TOKEN_CREATE,
        ctx -> {
          var body = Bodies.json(ctx, ViewerTokenService.Body.class);
          Responses.json(ctx, 201, s.viewerTokens().create(body));
        });
    r.add(Route.VIEWER_TOKENS, ctx -> Responses.json(ctx, 200, s.viewerTokens().list()));
    r.add(
        Route.VIEWER_TOKEN_REVOKE,
        ctx -> {
          s.viewerTokens().revoke(ctx.pathParam("id"));
          ctx.status(204);
        });
  }
}

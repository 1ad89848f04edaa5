package io.digiready.collector.web;

import io.digiready.collector.units.TokenOptions;
import io.digiready.collector.units.UnitBody;
import io.digiready.collector.viewers.ViewerTokenService;
import io.digiready.protocol.Endpoints;
import io.javalin.config.RoutesConfig;

/** The admin API: writes to units, enrollment and viewer tokens, machines. Admin token only. */
final class AdminRoutes {
  private AdminRoutes() {}

  record MoveBody(String unit) {}

  static void register(RoutesConfig r, Services s) {
    r.post(
        "/api/v1/units/import",
        ctx -> Responses.json(ctx, 200, s.units().importCsv(Bodies.bytes(ctx, "text/csv"))),
        Access.ADMIN);
    r.post(
        Endpoints.UNITS,
        ctx -> {
          var unit = s.units().create(Bodies.json(ctx, UnitBody.class));
          Responses.json(ctx, 201, s.coverage().unit(unit.code()));
        },
        Access.ADMIN);
    r.put(
        "/api/v1/units/{code}",
        ctx -> {
          String code = ctx.pathParam("code");
          s.units().update(code, Bodies.json(ctx, UnitBody.class));
          Responses.json(ctx, 200, s.coverage().unit(code));
        },
        Access.ADMIN);
    r.post(
        "/api/v1/units/{code}/enrollment-tokens",
        ctx ->
            Responses.json(
                ctx,
                201,
                s.units()
                    .newEnrollmentToken(
                        ctx.pathParam("code"),
                        Bodies.optionalJson(ctx, TokenOptions.class, TokenOptions.DEFAULTS))),
        Access.ADMIN);
    r.get(
        "/api/v1/units/{code}/enrollment-tokens",
        ctx -> Responses.json(ctx, 200, s.units().enrollmentTokens(ctx.pathParam("code"))),
        Access.ADMIN);
    r.delete(
        "/api/v1/enrollment-tokens/{id}",
        ctx -> {
          s.units().revokeEnrollmentToken(ctx.pathParam("id"));
          ctx.status(204);
        },
        Access.ADMIN);
    r.post(
        "/api/v1/machines/{id}/retire",
        ctx -> Responses.json(ctx, 200, s.machines().retire(ctx.pathParam("id"))),
        Access.ADMIN);
    r.post(
        "/api/v1/machines/{id}/move",
        ctx -> {
          MoveBody body = Bodies.json(ctx, MoveBody.class);
          Responses.json(ctx, 200, s.machines().move(ctx.pathParam("id"), body.unit()));
        },
        Access.ADMIN);
    r.post(
        "/api/v1/viewer-tokens",
        ctx -> {
          var body = Bodies.json(ctx, ViewerTokenService.Body.class);
          Responses.json(ctx, 201, s.viewerTokens().create(body));
        },
        Access.ADMIN);
    r.get(
        "/api/v1/viewer-tokens",
        ctx -> Responses.json(ctx, 200, s.viewerTokens().list()),
        Access.ADMIN);
    r.delete(
        "/api/v1/viewer-tokens/{id}",
        ctx -> {
          s.viewerTokens().revoke(ctx.pathParam("id"));
          ctx.status(204);
        },
        Access.ADMIN);
  }
}

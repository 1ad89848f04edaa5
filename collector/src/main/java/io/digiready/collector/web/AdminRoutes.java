package io.digiready.collector.web;

import io.digiready.collector.coverage.UnitCoverage;
import io.digiready.collector.units.UnitBody;
import io.digiready.collector.units.UnitService;
import io.digiready.collector.viewers.ViewerTokenService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** The admin API: writes to units, enrolment and viewer tokens, machines. Admin token only. */
final class AdminRoutes {
  private AdminRoutes() {}

  record MoveBody(String unit) {}

  static void register(RoutesConfig r, Services s) {
    r.post(
        "/api/v1/units/import",
        ctx -> {
          s.auth().requireAdmin(ctx);
          String csv = Bodies.text(ctx, "text/csv");
          Responses.json(ctx, 200, s.units().importCsv(csv));
        });
    r.post(
        "/api/v1/units",
        ctx -> {
          s.auth().requireAdmin(ctx);
          var unit = s.units().create(Bodies.json(ctx, UnitBody.class));
          Responses.json(ctx, 201, unitCoverage(s, unit.code()));
        });
    r.put(
        "/api/v1/units/{code}",
        ctx -> {
          s.auth().requireAdmin(ctx);
          String code = ctx.pathParam("code");
          s.units().update(code, Bodies.json(ctx, UnitBody.class));
          Responses.json(ctx, 200, unitCoverage(s, code));
        });
    r.post(
        "/api/v1/units/{code}/enrollment-tokens",
        ctx ->
            admin(
                ctx,
                s,
                () ->
                    Responses.json(ctx, 201, s.units().newEnrollmentToken(ctx.pathParam("code")))));
    r.get(
        "/api/v1/units/{code}/enrollment-tokens",
        ctx ->
            admin(
                ctx,
                s,
                () -> Responses.json(ctx, 200, s.units().enrollmentTokens(ctx.pathParam("code")))));
    r.delete(
        "/api/v1/enrollment-tokens/{id}",
        ctx ->
            admin(
                ctx,
                s,
                () -> {
                  s.units().revokeEnrollmentToken(ctx.pathParam("id"));
                  ctx.status(204);
                }));
    r.post(
        "/api/v1/machines/{id}/retire",
        ctx ->
            admin(
                ctx, s, () -> Responses.json(ctx, 200, s.machines().retire(ctx.pathParam("id")))));
    r.post(
        "/api/v1/machines/{id}/move",
        ctx -> {
          s.auth().requireAdmin(ctx);
          MoveBody body = Bodies.json(ctx, MoveBody.class);
          Responses.json(ctx, 200, s.machines().move(ctx.pathParam("id"), body.unit()));
        });
    r.post(
        "/api/v1/viewer-tokens",
        ctx -> {
          s.auth().requireAdmin(ctx);
          var body = Bodies.json(ctx, ViewerTokenService.Body.class);
          Responses.json(ctx, 201, s.viewerTokens().create(body));
        });
    r.get(
        "/api/v1/viewer-tokens",
        ctx -> admin(ctx, s, () -> Responses.json(ctx, 200, s.viewerTokens().list())));
    r.delete(
        "/api/v1/viewer-tokens/{id}",
        ctx ->
            admin(
                ctx,
                s,
                () -> {
                  s.viewerTokens().revoke(ctx.pathParam("id"));
                  ctx.status(204);
                }));
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void admin(Context ctx, Services s, Action action) throws Exception {
    s.auth().requireAdmin(ctx);
    action.run();
  }

  static List<UnitCoverage> coverage(Services s) {
    return s.coverage().compute(s.fleet(), s.clock().instant());
  }

  static UnitCoverage unitCoverage(Services s, String code) {
    return coverage(s).stream()
        .filter(u -> u.code().equals(code))
        .findFirst()
        .orElseThrow(() -> UnitService.unknownUnit(code));
  }
}

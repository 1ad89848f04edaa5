package io.digiready.collector.web;

import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Tokens;
import io.digiready.collector.problem.Problem;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Checks the credential every route declares ({@link Access}) before the route runs and before its
 * body is read: the admin token may do everything, a viewer token may only read (units, machines,
 * coverage, exports), an agent token writes its own machine; basic auth for /metrics.
 */
public final class Auth {
  /** Who is signed in, as {@code GET /api/v1/session} shows it. */
  public record Session(String role, String name) {
    /** The admin token; what only it may see is decided from this. */
    boolean admin() {
      return role.equals("admin");
    }
  }

  private static final String MACHINE = "digiready.machine";
  private static final String SESSION = "digiready.session";
  private static final int MAX_TOKEN_LENGTH = 512;
  private final String adminTokenHash;
  private final Fleet fleet;
  private final String metricsCredentialsHash;

  public Auth(String adminToken, Fleet fleet, String metricsUser, String metricsPassword) {
    this.adminTokenHash = Tokens.sha256Hex(adminToken);
    this.fleet = fleet;
    this.metricsCredentialsHash =
        metricsUser.isEmpty() ? null : Tokens.sha256Hex(metricsUser + ":" + metricsPassword);
  }

  /** The one check, run before every matched route. */
  void authorize(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.contains(Access.PUBLIC)) {
      return;
    }
    if (roles.contains(Access.AGENT)) {
      ctx.attribute(MACHINE, agent(ctx));
    } else if (roles.contains(Access.READER)) {
      ctx.attribute(SESSION, reader(ctx));
    } else if (roles.contains(Access.ADMIN)) {
      Session session = reader(ctx);
      if (!session.admin()) {
        throw Problem.forbidden(
            "Authorization", "a viewer token can only read; this needs the admin token");
      }
      ctx.attribute(SESSION, session);
    } else if (roles.contains(Access.METRICS)) {
      metrics(ctx);
    } else {
      // A route without a declared access level is a programming error: refuse rather than open.
      throw new IllegalStateException("route " + ctx.endpoint().path + " declares no access");
    }
  }

  /** The machine of the agent token of an {@link Access#AGENT} route. */
  static String machineId(Context ctx) {
    return ctx.attribute(MACHINE);
  }

  /** Who called an {@link Access#READER} or {@link Access#ADMIN} route. */
  static Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  /** The admin or a viewer; anything else is 401, worded the same whatever was wrong. */
  private Session reader(Context ctx) {
    String token = bearer(ctx);
    if (token == null) {
      throw Problem.unauthorized();
    }
    String hash = Tokens.sha256Hex(token);
    if (Tokens.sameHash(hash, adminTokenHash)) {
      return new Session("admin", "administrator");
    }
    return fleet
        .viewerTokenForHash(hash)
        .filter(v -> Tokens.sameHash(v.tokenHash(), hash))
        .map(v -> new Session("viewer", v.name()))
        .orElseThrow(Problem::unauthorized);
  }

  /**
   * Returns the machine the agent token belongs to. The lookup is by hash, so its timing says
   * nothing about the secret; the final comparison is constant-time anyway.
   */
  private String agent(Context ctx) {
    String token = bearer(ctx);
    if (token == null) {
      throw Problem.unauthorized();
    }
    String hash = Tokens.sha256Hex(token);
    return fleet
        .machineIdForTokenHash(hash)
        .filter(
            id -> fleet.machine(id).map(m -> Tokens.sameHash(m.tokenHash(), hash)).orElse(false))
        .orElseThrow(Problem::unauthorized);
  }

  private void metrics(Context ctx) {
    if (metricsCredentialsHash == null) {
      return;
    }
    String header = ctx.header("Authorization");
    String given = null;
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        given =
            new String(
                Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        given = null;
      }
    }
    if (given == null || !Tokens.sameHash(Tokens.sha256Hex(given), metricsCredentialsHash)) {
      ctx.header("WWW-Authenticate", "Basic realm=\"digiready\"");
      throw Problem.unauthorized();
    }
  }

  private static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null
        || header.length() > MAX_TOKEN_LENGTH
        || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).strip();
    return token.isEmpty() ? null : token;
  }
}

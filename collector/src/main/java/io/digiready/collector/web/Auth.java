package io.digiready.collector.web;

import io.digiready.collector.fleet.Fleet;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Bearer-token checks: the admin token may do everything, a viewer token may only read (units,
 * machines, coverage, exports), an agent token writes its own machine; basic auth for /metrics.
 */
public final class Auth {
  /** Who is signed in, as {@code GET /api/v1/session} shows it. */
  public record Session(String role, String name) {}

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

  public void requireAdmin(Context ctx) {
    if (!requireReader(ctx).role().equals("admin")) {
      throw ApiException.forbidden(
          "Authorization: a viewer token can only read; this needs the admin token");
    }
  }

  /** The admin or a viewer; anything else is 401, worded the same whatever was wrong. */
  public Session requireReader(Context ctx) {
    String token = bearer(ctx);
    if (token == null) {
      throw ApiException.unauthorized();
    }
    String hash = Tokens.sha256Hex(token);
    if (Tokens.sameHash(hash, adminTokenHash)) {
      return new Session("admin", "administrator");
    }
    return fleet
        .viewerTokenForHash(hash)
        .filter(v -> Tokens.sameHash(v.tokenHash(), hash))
        .map(v -> new Session("viewer", v.name()))
        .orElseThrow(ApiException::unauthorized);
  }

  /**
   * Returns the machine the agent token belongs to. The lookup is by hash, so its timing says
   * nothing about the secret; the final comparison is constant-time anyway.
   */
  public String requireAgent(Context ctx) {
    String token = bearer(ctx);
    if (token == null) {
      throw ApiException.unauthorized();
    }
    String hash = Tokens.sha256Hex(token);
    return fleet
        .machineIdForTokenHash(hash)
        .filter(
            id -> fleet.machine(id).map(m -> Tokens.sameHash(m.tokenHash(), hash)).orElse(false))
        .orElseThrow(ApiException::unauthorized);
  }

  public void requireMetrics(Context ctx) {
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
      throw ApiException.unauthorized();
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

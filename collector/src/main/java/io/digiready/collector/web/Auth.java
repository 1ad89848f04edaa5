package io.digiready.collector.web;

import io.digiready.collector.fleet.Fleet;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Bearer-token checks for the admin and agent APIs, and basic auth for /metrics. */
public final class Auth {
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
    String token = bearer(ctx);
    if (token == null || !Tokens.sameHash(Tokens.sha256Hex(token), adminTokenHash)) {
      throw ApiException.unauthorized();
    }
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

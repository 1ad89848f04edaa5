package io.digiready.collector.web;

import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Tokens;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.store.Credentials;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Checks the credential every route declares ({@link Access}) before the route runs and before its
 * body is read: the admin token may do everything, a viewer token may only read (units, machines,
 * coverage, exports), an agent token writes its own machine; /metrics takes its own bearer token or
 * basic credentials, and without them answers loopback clients only.
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
  private final Set<String> adminTokenHashes;
  private final Fleet fleet;
  private final Credentials credentials;
  private final String metricsTokenHash;
  private final String metricsCredentialsHash;
  private final ClientAddress clients;

  /** {@code adminTokenHashes}: SHA-256 hex of each admin token accepted. */
  public Auth(
      Set<String> adminTokenHashes,
      Fleet fleet,
      Credentials credentials,
      String metricsToken,
      String metricsUser,
      String metricsPassword,
      List<String> trustedProxies) {
    this.adminTokenHashes = Set.copyOf(adminTokenHashes);
    this.fleet = fleet;
    this.credentials = credentials;
    this.metricsTokenHash = metricsToken.isEmpty() ? null : Tokens.sha256Hex(metricsToken);
    this.metricsCredentialsHash =
        metricsUser.isEmpty() ? null : Tokens.sha256Hex(metricsUser + ":" + metricsPassword);
    this.clients = new ClientAddress(trustedProxies);
  }

  /** The one check, run before every matched route. */
  void authorize(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.contains(Access.PUBLIC)) {
      return;
    }
    if (!roles.contains(Access.METRICS)) {
      // What another collector wrote and answered is seen before anything is checked or read.
      credentials.awaitCurrent();
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
    boolean admin = false;
    for (String adminHash : adminTokenHashes) {
      admin |= Tokens.sameHash(hash, adminHash);
    }
    if (admin) {
      return new Session("admin", "administrator");
    }
    return credentials
        .viewerToken(hash)
        .filter(v -> Tokens.sameHash(v.tokenHash(), hash))
        .map(v -> new Session("viewer", v.name()))
        .orElseThrow(Problem::unauthorized);
  }

  /**
   * Returns the machine the agent token belongs to. The lookup is by hash, so its timing says
   * nothing about the secret; the final comparison is constant-time anyway.
   */
  private String agent(Context ctx) {
    return agentMachine(ctx.header("Authorization"));
  }

  /** As {@link #agent(Context)}, from the request's Authorization header. */
  String agentMachine(String authorization) {
    return agentToken(authorization).machineId();
  }

  /** An agent token's machine and the token's hash, which the write checks again in its row. */
  record AgentToken(String machineId, String tokenHash) {}

  AgentToken agentToken(String authorization) {
    String token = bearer(authorization);
    if (token == null) {
      throw Problem.unauthorized();
    }
    String hash = Tokens.sha256Hex(token);
    // A machine this collector does not know yet (enrolled through another collector a moment
    // ago) was found by its hash in the database; the equality of hashes is what was looked up.
    return credentials
        .machineIdForTokenHash(hash)
        .filter(id -> fleet.machine(id).map(m -> Tokens.sameHash(m.tokenHash(), hash)).orElse(true))
        .map(id -> new AgentToken(id, hash))
        .orElseThrow(Problem::unauthorized);
  }

  /**
   * /metrics names every hostname, machine id, OS and CPU. With {@code metricsToken} (a bearer
   * token) or basic credentials configured, one of them is required from every client; with none,
   * only a loopback client may read it (a Prometheus on the same host): one that came through no
   * proxy, or through a trusted balancer that says so ({@link ClientAddress}).
   */
  private void metrics(Context ctx) {
    if (metricsTokenHash == null && metricsCredentialsHash == null) {
      if (!ClientAddress.loopback(clients.of(ctx))) {
        throw Problem.forbidden(
            "Authorization",
            "/metrics answers loopback clients only until the collector is given a metricsToken"
                + " (then send it as a bearer token)");
      }
      return;
    }
    if (metricsTokenHash != null) {
      String token = bearer(ctx);
      if (token != null && Tokens.sameHash(Tokens.sha256Hex(token), metricsTokenHash)) {
        return;
      }
    }
    if (metricsCredentialsHash != null && basicMatches(ctx)) {
      return;
    }
    ctx.header(
        "WWW-Authenticate",
        (metricsTokenHash != null ? "Bearer" : "Basic") + " realm=\"digiready\"");
    throw Problem.unauthorized();
  }

  private boolean basicMatches(Context ctx) {
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
    return given != null && Tokens.sameHash(Tokens.sha256Hex(given), metricsCredentialsHash);
  }

  private static String bearer(Context ctx) {
    return bearer(ctx.header("Authorization"));
  }

  private static String bearer(String header) {
    if (header == null
        || header.length() > MAX_TOKEN_LENGTH
        || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).strip();
    return token.isEmpty() ? null : token;
  }
}

package io.digiready.collector.web;

import io.digiready.protocol.Endpoints;
import io.digiready.protocol.Limits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every route of the collector with its method, path (Javalin's template), who may call it and its
 * largest body as sent: the one table that the Javalin registration ({@link Registration}), the
 * body buffering ({@link BodyBuffering}) and the heartbeat route served before Javalin ({@link
 * HeartbeatRoute}) all read, so that none of them keeps a path, a role or a limit of its own.
 */
enum Route {
  // The agent API. Enrollment needs no token but the one inside its body, so its bodies are kept
  // far smaller than heartbeat batches.
  ENROLL("POST", Endpoints.ENROLL, Access.PUBLIC, Limits.MAX_ENROLL_BODY_BYTES),
  HEARTBEATS("POST", Endpoints.HEARTBEATS, Access.AGENT),
  INVENTORY("POST", Endpoints.INVENTORY, Access.AGENT),
  AGENT_CONFIG("GET", Endpoints.AGENT_CONFIG, Access.AGENT),
  // Writes of the admin API.
  UNITS_IMPORT("POST", "/api/v1/units/import", Access.ADMIN),
  UNIT_CREATE("POST", Endpoints.UNITS, Access.ADMIN),
  UNIT_UPDATE("PUT", "/api/v1/units/{code}", Access.ADMIN),
  ENROLLMENT_TOKEN_CREATE("POST", "/api/v1/units/{code}/enrollment-tokens", Access.ADMIN),
  ENROLLMENT_TOKENS("GET", "/api/v1/units/{code}/enrollment-tokens", Access.ADMIN),
  ENROLLMENT_TOKEN_REVOKE("DELETE", "/api/v1/enrollment-tokens/{id}", Access.ADMIN),
  MACHINE_RETIRE("POST", "/api/v1/machines/{id}/retire", Access.ADMIN),
  MACHINE_MOVE("POST", "/api/v1/machines/{id}/move", Access.ADMIN),
  VIEWER_TOKEN_CREATE("POST", "/api/v1/viewer-tokens", Access.ADMIN),
  VIEWER_TOKENS("GET", "/api/v1/viewer-tokens", Access.ADMIN),
  VIEWER_TOKEN_REVOKE("DELETE", "/api/v1/viewer-tokens/{id}", Access.ADMIN),
  // What the admin token and viewer tokens may both read.
  SESSION("GET", "/api/v1/session", Access.READER),
  READINESS_RULES("GET", "/api/v1/readiness-rules", Access.READER),
  UNITS("GET", Endpoints.UNITS, Access.READER),
  UNIT("GET", "/api/v1/units/{code}", Access.READER),
  UNIT_HISTORY("GET", "/api/v1/units/{code}/history", Access.READER),
  MACHINES("GET", "/api/v1/machines", Access.READER),
  MACHINE("GET", "/api/v1/machines/{id}", Access.READER),
  MACHINE_HISTORY("GET", "/api/v1/machines/{id}/history", Access.READER),
  UNITS_CSV("GET", "/api/v1/units.csv", Access.READER),
  COVERAGE_CSV("GET", "/api/v1/reports/coverage.csv", Access.READER),
  MACHINES_CSV("GET", "/api/v1/reports/machines.csv", Access.READER),
  COVERAGE_HISTORY("GET", "/api/v1/units/{code}/coverage-history", Access.READER),
  PERIOD_REPORT("GET", "/api/v1/reports/period", Access.READER),
  SOFTWARE("GET", "/api/v1/software", Access.READER),
  SOFTWARE_SUMMARY("GET", "/api/v1/software/summary", Access.READER),
  MACHINE_SOFTWARE("GET", "/api/v1/machines/{id}/software", Access.READER),
  // Operations and the status page.
  METRICS("GET", "/metrics", Access.METRICS),
  HEALTH_LIVE("GET", "/health/live", Access.PUBLIC),
  HEALTH_READY("GET", "/health/ready", Access.PUBLIC),
  PAGE("GET", "/", Access.PUBLIC),
  PAGE_FILE("GET", "/ui/{file}", Access.PUBLIC);

  private final String method;
  private final String path;
  private final Access access;
  private final int maxBodyBytes;
  private final String[] segments;

  Route(String method, String path, Access access) {
    this(method, path, access, Limits.MAX_BODY_BYTES);
  }

  Route(String method, String path, Access access, int maxBodyBytes) {
    this.method = method;
    this.path = path;
    this.access = access;
    this.maxBodyBytes = maxBodyBytes;
    this.segments = path.split("/", -1);
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  Access access() {
    return access;
  }

  /** The largest body, in bytes as sent (gzip inflation is limited separately, by Javalin). */
  int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Routes without a path parameter, by path: the heartbeat route is found without a search. */
  private static final Map<String, List<Route>> FIXED = new HashMap<>();

  private static final List<Route> TEMPLATED = new ArrayList<>();

  static {
    for (Route r : values()) {
      if (r.path.contains("{")) {
        TEMPLATED.add(r);
      } else {
        FIXED.computeIfAbsent(r.path, p -> new ArrayList<>()).add(r);
      }
    }
  }

  /**
   * The route a request goes to, as Javalin matches it (a trailing slash does not count, a {@code
   * {param}} is one non-empty segment; fixed paths win over templates); null for none.
   */
  static Route find(String method, String requestPath) {
    String p = withoutTrailingSlash(requestPath);
    List<Route> fixed = FIXED.get(p);
    if (fixed != null) {
      for (Route r : fixed) {
        if (r.method.equals(method)) {
          return r;
        }
      }
    }
    for (Route r : TEMPLATED) {
      if (r.method.equals(method) && r.matchesTemplate(p)) {
        return r;
      }
    }
    return null;
  }

  /** Whether a request of this method and path goes to this route. */
  boolean matches(String requestMethod, String requestPath) {
    return method.equals(requestMethod) && this == find(requestMethod, requestPath);
  }

  /**
   * The largest body of a request, by its route; a request that matches no route (it will be
   * answered 404 or 405 once read) is held to the largest limit of the table.
   */
  static int maxBodyBytes(String method, String requestPath) {
    Route r = find(method, requestPath);
    return r == null ? Limits.MAX_BODY_BYTES : r.maxBodyBytes;
  }

  private boolean matchesTemplate(String p) {
    String[] given = p.split("/", -1);
    if (given.length != segments.length) {
      return false;
    }
    for (int i = 0; i < given.length; i++) {
      boolean param = segments[i].startsWith("{");
      if (param ? given[i].isEmpty() : !segments[i].equals(given[i])) {
        return false;
      }
    }
    return true;
  }

  /** A path as Javalin matches it to a route: trailing slashes do not count. */
  static String withoutTrailingSlash(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}

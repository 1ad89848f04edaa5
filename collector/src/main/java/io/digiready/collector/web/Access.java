package io.digiready.collector.web;

import io.javalin.security.RouteRole;

/** Who may call a route; every route declares exactly one, checked in one place ({@link Auth}). */
enum Access implements RouteRole {
  /** No credential: health, the status page's files, enrollment (its token is in the body). */
  PUBLIC,
  /** An agent token; the handler gets the token's machine from {@link Auth#machineId}. */
  AGENT,
  /** The admin token or a viewer token. */
  READER,
  /** The admin token only. */
  ADMIN,
  /**
   * Prometheus: the metrics bearer token or basic credentials when configured, else loopback
   * clients only.
   */
  METRICS
}

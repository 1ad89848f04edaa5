package io.digiready.collector.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Gives Javalin the handler of each {@link Route} under the table's method, path and access, once
 * each; {@link #requireAll} fails start-up when a route of the table has no handler, so the table
 * cannot list a route nobody serves.
 */
final class Registration {
  private final RoutesConfig routes;
  private final EnumSet<Route> registered = EnumSet.noneOf(Route.class);

  Registration(RoutesConfig routes) {
    this.routes = routes;
  }

  /** Registers {@code handler} for {@code route}. */
  void add(Route route, io.javalin.http.Handler handler) {
    if (!registered.add(route)) {
      throw new IllegalStateException("route " + route + " registered twice");
    }
    routes.addHttpHandler(
        HandlerType.findOrCreate(route.method()), route.path(), handler, route.access());
  }

  /** Marks a route served outside Javalin (before it, by a Jetty handler of its own). */
  void servedBefore(Route route) {
    if (!registered.add(route)) {
      throw new IllegalStateException("route " + route + " registered twice");
    }
  }

  /** Fails when a route of the table was given no handler. */
  void requireAll() {
    Set<Route> missing = EnumSet.complementOf(registered);
    if (!missing.isEmpty()) {
      throw new IllegalStateException("routes without a handler: " + missing);
    }
  }
}

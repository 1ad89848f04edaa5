package io.digiready.collector.web;

import io.digiready.collector.problem.Problem;
import io.javalin.http.Context;
import java.util.function.Predicate;

/**
 * Query parameters typed at the edge with Javalin's validators, so that services take {@code int},
 * {@code Instant} and {@code MachineState}, never strings. A bad value is a 400 naming the
 * parameter: {@code days: must be a whole number of days from 1 to 400. Found: week}.
 */
final class Params {
  static final String ISO_TIME = "expected an ISO-8601 time such as 2026-11-27T08:00:00Z";

  private Params() {}

  /** The parameter converted to {@code type} and checked, or {@code fallback} when absent/empty. */
  static <T> T optional(
      Context ctx, String name, Class<T> type, Predicate<T> valid, String expectation, T fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    return ctx.queryParamAsClass(name, type)
        .check(valid::test, expectation)
        .getOrThrow(
            errors -> Problem.invalid(name, expectation + ". Found: " + Problem.shorten(raw)));
  }

  /** {@code ?unit=CODE} of the exports; null (every unit) when absent. */
  static String unitOrAll(Context ctx) {
    return optional(ctx, "unit", String.class, u -> true, "a unit code", null);
  }
}

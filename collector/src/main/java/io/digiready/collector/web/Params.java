package io.digiready.collector.web;

import io.digiready.collector.problem.Problem;
import io.digiready.collector.reports.Language;
import io.digiready.collector.sheet.FileFormat;
import io.javalin.http.Context;
import java.time.LocalDate;
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

  static final String ISO_DATE = "expected a date such as 2026-03-31";

  /** A calendar date parameter ({@code 2026-03-31}), or null when absent. */
  static LocalDate date(Context ctx, String name) {
    return optional(ctx, name, LocalDate.class, d -> true, ISO_DATE, null);
  }

  /** A date parameter that must be there. */
  static LocalDate requiredDate(Context ctx, String name) {
    LocalDate date = date(ctx, name);
    if (date == null) {
      throw Problem.invalid(name, "is required; " + ISO_DATE);
    }
    return date;
  }

  /** {@code ?lang=vi|en} of the exports and reports; the configured reportLanguage when absent. */
  static Language language(Context ctx, String configured) {
    return optional(
        ctx, "lang", Language.class, l -> true, "must be vi or en", Language.fromCode(configured));
  }

  /** {@code ?format=csv|xlsx} of the exports; CSV when absent. */
  static FileFormat format(Context ctx) {
    return optional(
        ctx, "format", FileFormat.class, f -> true, "must be csv or xlsx", FileFormat.CSV);
  }

  /** {@code ?unit=CODE} of the exports; null (every unit) when absent. */
  static String unitOrAll(Context ctx) {
    return optional(ctx, "unit", String.class, u -> true, "a unit code", null);
  }
}

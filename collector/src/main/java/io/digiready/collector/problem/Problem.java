package io.digiready.collector.problem;

import java.time.Duration;

/**
 * Something a caller got wrong or may not do, raised by the domain and turned into an HTTP answer
 * in one place by the web layer. The message reads {@code field: expectation. Found: value}; {@link
 * #field()} is the same path for programs ({@code heartbeats[3].seq}), or null when the problem is
 * not about one field.
 */
public final class Problem extends RuntimeException {

  /** What kind of problem; the web layer gives each its status. */
  public enum Kind {
    INVALID,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    TOO_MANY_REQUESTS
  }

  private final Kind kind;
  private final String field;
  private final Duration retryAfter;

  private Problem(Kind kind, String field, String detail, Duration retryAfter) {
    super(detail, null, false, false);
    this.kind = kind;
    this.field = field;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  public String field() {
    return field;
  }

  /** How long a rate-limited caller should wait; null for other kinds. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** {@code field: expectation}, with the field kept apart for programs. */
  public static Problem invalid(String field, String expectation) {
    return new Problem(Kind.INVALID, field, field + ": " + expectation, null);
  }

  /** A bad request whose detail is not about one field path (a CSV line, a whole body). */
  public static Problem invalid(String detail) {
    return new Problem(Kind.INVALID, null, detail, null);
  }

  /** Never says which part was wrong: a missing, malformed, unknown or revoked token look alike. */
  public static Problem unauthorized() {
    return unauthorized("a valid bearer token is required");
  }

  public static Problem unauthorized(String detail) {
    return new Problem(Kind.UNAUTHORIZED, null, detail, null);
  }

  public static Problem forbidden(String field, String expectation) {
    return new Problem(Kind.FORBIDDEN, field, field + ": " + expectation, null);
  }

  public static Problem notFound(String field, String expectation) {
    return new Problem(Kind.NOT_FOUND, field, field + ": " + expectation, null);
  }

  public static Problem conflict(String field, String expectation) {
    return new Problem(Kind.CONFLICT, field, field + ": " + expectation, null);
  }

  /**
   * The same detail as a conflict naming {@code field}: a rule that held when the request was read
   * no longer holds when its write runs, because another write came first.
   */
  public Problem asConflict(String field, String why) {
    return new Problem(
        Kind.CONFLICT, this.field != null ? this.field : field, getMessage() + why, null);
  }

  public static Problem tooManyRequests(String detail, Duration retryAfter) {
    return new Problem(Kind.TOO_MANY_REQUESTS, null, detail, retryAfter);
  }

  /** A value for a "Found:" suffix: never more than a short piece of what the client sent. */
  public static String shorten(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}

package io.digiready.collector.web;

/**
 * Every error a collector answers, with its HTTP status and whether the answer says when to retry:
 * the one vocabulary of {@code {"error","detail","field"}} for the routes, the body buffering and
 * Jetty's own answers.
 */
enum ErrorCode {
  INVALID_REQUEST(400, "invalid_request"),
  UNAUTHORIZED(401, "unauthorized"),
  FORBIDDEN(403, "forbidden"),
  NOT_FOUND(404, "not_found"),
  METHOD_NOT_ALLOWED(405, "method_not_allowed"),
  REQUEST_TIMEOUT(408, "request_timeout"),
  CONFLICT(409, "conflict"),
  TOO_LARGE(413, "too_large"),
  PATH_TOO_LONG(414, "too_large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
  /** With a Retry-After the caller computes (a rate limit knows when its window opens). */
  TOO_MANY_REQUESTS(429, "too_many_requests"),
  HEADERS_TOO_LARGE(431, "too_large"),
  INTERNAL_ERROR(500, "internal_error"),
  /** With {@link #RETRY_AFTER_SECONDS}: the collector is busy, stopping or without its database. */
  UNAVAILABLE(503, "unavailable");

  /** How long a client waits before it retries a 503. */
  static final String RETRY_AFTER_SECONDS = "5";

  private final int status;
  private final String code;

  ErrorCode(int status, String code) {
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  /** The {@code error} field of the answer. */
  String code() {
    return code;
  }

  /** The Retry-After a 503 always carries; null for codes without a fixed one. */
  String retryAfterSeconds() {
    return this == UNAVAILABLE ? RETRY_AFTER_SECONDS : null;
  }
}

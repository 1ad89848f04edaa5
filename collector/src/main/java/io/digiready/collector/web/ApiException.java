package io.digiready.collector.web;

/** A client mistake with its HTTP status, error code and a "field: expectation" detail. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String error;

  public ApiException(int status, String error, String detail) {
    super(detail);
    this.status = status;
    this.error = error;
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "invalid_request", detail);
  }

  /** Never says which part was wrong: a missing, malformed, unknown or revoked token look alike. */
  public static ApiException unauthorized() {
    return new ApiException(401, "unauthorized", "a valid bearer token is required");
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not_found", detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "conflict", detail);
  }

  public static ApiException unsupportedMediaType(String expected) {
    return new ApiException(415, "unsupported_media_type", "Content-Type: must be " + expected);
  }
}

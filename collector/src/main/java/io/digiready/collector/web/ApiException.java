package io.digiready.collector.web;

/**
 * An HTTP-level mistake that has no meaning in the domain (a wrong Content-Type); domain problems
 * are {@link io.digiready.collector.problem.Problem}s.
 */
final class ApiException extends RuntimeException {
  private final int status;
  private final String error;

  ApiException(int status, String error, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.error = error;
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  static ApiException unsupportedMediaType(String expected) {
    return new ApiException(415, "unsupported_media_type", "Content-Type: must be " + expected);
  }
}

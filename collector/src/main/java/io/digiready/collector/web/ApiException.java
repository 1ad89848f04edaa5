package io.digiready.collector.web;

/**
 * An HTTP-level mistake that has no meaning in the domain (a wrong Content-Type); domain problems
 * are {@link io.digiready.collector.problem.Problem}s.
 */
final class ApiException extends RuntimeException {
  private final ErrorCode code;

  ApiException(ErrorCode code, String detail) {
    super(detail, null, false, false);
    this.code = code;
  }

  ErrorCode code() {
    return code;
  }

  static ApiException unsupportedMediaType(String expected) {
    return new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type: must be " + expected);
  }
}

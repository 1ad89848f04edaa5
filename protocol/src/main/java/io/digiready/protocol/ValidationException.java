package io.digiready.protocol;

/**
 * A report that breaks the protocol. {@link #field()} is the path inside the body, such as {@code
 * heartbeats[3].seq}; the message reads {@code heartbeats[3].seq: must be >= 1. Found: 0}.
 */
public final class ValidationException extends RuntimeException {
  private final String field;

  public ValidationException(String field, String expectation) {
    super(field + ": " + expectation);
    this.field = field;
  }

  public String field() {
    return field;
  }
}

package io.digiready.protocol;

/** Body of {@code POST /api/v1/enroll}. {@code inventory} is optional. */
public record EnrollRequest(
    String enrollmentToken, String hostname, Fingerprint fingerprint, Inventory inventory) {

  /** Keeps the secret out of logs and exception messages. */
  @Override
  public String toString() {
    return "EnrollRequest[hostname=" + hostname + ", fingerprint=" + fingerprint + "]";
  }
}

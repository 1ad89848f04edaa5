package io.digiready.collector.fleet;

import java.time.Instant;

/**
 * An enrollment token without its secret: only the SHA-256 hash is ever stored. It works until
 * {@code expiresAt}, for at most {@code maxUses} enrollments (null: any number); {@code uses}
 * counts those made so far.
 */
public record EnrollmentToken(
    String id,
    String unitCode,
    String tokenHash,
    Instant createdAt,
    Instant expiresAt,
    Integer maxUses,
    int uses) {

  public EnrollmentToken usedOnce() {
    return new EnrollmentToken(id, unitCode, tokenHash, createdAt, expiresAt, maxUses, uses + 1);
  }

  public boolean expired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  public boolean usedUp() {
    return maxUses != null && uses >= maxUses;
  }
}

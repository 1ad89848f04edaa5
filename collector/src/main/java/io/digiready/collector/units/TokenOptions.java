package io.digiready.collector.units;

import java.time.Instant;

/**
 * Optional body of {@code POST /api/v1/units/{code}/enrollment-tokens}: when the token stops
 * working (default: {@code enrollmentTokenExpiryDays} from now) and how many enrollments it may
 * make (default: any number).
 */
public record TokenOptions(Instant expiresAt, Integer maxUses) {
  public static final TokenOptions DEFAULTS = new TokenOptions(null, null);
}

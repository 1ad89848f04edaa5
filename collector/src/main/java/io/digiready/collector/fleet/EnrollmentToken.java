package io.digiready.collector.fleet;

import java.time.Instant;

/** An enrollment token without its secret: only the SHA-256 hash is ever stored. */
public record EnrollmentToken(String id, String unitCode, String tokenHash, Instant createdAt) {}

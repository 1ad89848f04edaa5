package io.digiready.collector.fleet;

import java.time.Instant;

/**
 * A read-only token: units, machines, coverage and exports, never a write. Only its hash is kept.
 */
public record ViewerToken(String id, String name, String tokenHash, Instant createdAt) {}

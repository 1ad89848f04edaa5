package io.digiready.protocol;

import java.util.List;

/**
 * What the collector tells every agent, so that a district changes intervals and probe targets in
 * one place ({@code GET /api/v1/agent-config}, and in the enrolment answer).
 */
public record AgentConfig(
    Integer heartbeatIntervalSeconds,
    Integer inventoryCheckIntervalSeconds,
    List<ProbeTarget> probes) {}

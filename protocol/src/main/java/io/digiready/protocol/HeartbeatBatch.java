package io.digiready.protocol;

import java.util.List;

/** Body of {@code POST /api/v1/heartbeats}: oldest first, all from one machine. */
public record HeartbeatBatch(List<Heartbeat> heartbeats) {}

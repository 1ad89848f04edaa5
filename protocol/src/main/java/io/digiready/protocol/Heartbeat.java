package io.digiready.protocol;

import java.time.Instant;
import java.util.List;

/**
 * A small, frequent report from one machine.
 *
 * @param seq starts at 1 and grows by exactly 1 for every heartbeat the agent makes, across
 *     restarts, so a gap on the collector's side means a lost heartbeat
 * @param agentTime the agent's clock when it made the heartbeat (the collector compares it with its
 *     own to find wrong clocks)
 * @param internetUp at least one probe marked {@code internet} succeeded in this round
 * @param systemDiskTotalBytes size of the system volume, so free space can be judged as a share
 * @param agentResidentBytes the agent's own resident memory, so an agent that grows heavy on old
 *     PCs is seen centrally
 * @param agentCpuSeconds CPU time the agent process has used since it started
 * @param spoolDroppedEntries entries the agent's spool has dropped because it was full (total)
 */
public record Heartbeat(
    String machineId,
    Long seq,
    Instant agentTime,
    Long uptimeSeconds,
    List<ProbeResult> probes,
    Boolean internetUp,
    Long memoryUsedBytes,
    Long systemDiskFreeBytes,
    Long systemDiskTotalBytes,
    Long agentResidentBytes,
    Double agentCpuSeconds,
    Long spoolDroppedEntries) {}

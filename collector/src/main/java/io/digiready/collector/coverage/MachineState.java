package io.digiready.collector.coverage;

import io.digiready.collector.fleet.Machine;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The design's four states, decided from the last contact and the configured windows. A machine
 * that has never sent a heartbeat is {@link #STALE} whatever its enrollment date: it is not a
 * working computer until it has reported at least once.
 */
public enum MachineState {
  ONLINE,
  OFFLINE,
  STALE,
  RETIRED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean working() {
    return this == ONLINE || this == OFFLINE;
  }

  public static MachineState of(
      Machine m, Instant now, int heartbeatIntervalSeconds, double workingWindowDays) {
    if (m.retiredAt() != null) {
      return RETIRED;
    }
    Instant heartbeat = m.liveness().lastHeartbeatAt();
    if (heartbeat == null) {
      // Enrolled but never heard from: an enrollment alone proves nothing (anyone holding the
      // unit's enrollment token can make one), so it must not count as a working computer.
      return STALE;
    }
    if (!heartbeat.isBefore(now.minusSeconds(3L * heartbeatIntervalSeconds))) {
      return ONLINE;
    }
    Instant seen = m.liveness().lastSeenAt();
    Duration window = Duration.ofMillis(Math.round(workingWindowDays * 86_400_000));
    if (seen != null && !seen.isBefore(now.minus(window))) {
      return OFFLINE;
    }
    return STALE;
  }

  /** The state named by its label ({@code online}, ...); an unknown label is an error. */
  public static MachineState fromLabel(String text) {
    for (MachineState s : values()) {
      if (s.label().equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown machine state " + text);
  }
}

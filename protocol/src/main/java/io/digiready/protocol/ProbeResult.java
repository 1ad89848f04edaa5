package io.digiready.protocol;

/**
 * The outcome of one probe in one heartbeat round.
 *
 * @param latencyMillis time to the answer, also on failure when it is known (null otherwise)
 * @param error one of {@link ProbeError}'s values when {@code ok} is false, else null
 * @param detail a short human-readable reason ("HTTP 503", "PKIX path building failed"), or null
 */
public record ProbeResult(
    String target,
    ProbeKind kind,
    Boolean internet,
    Boolean ok,
    Long latencyMillis,
    String error,
    String detail) {}

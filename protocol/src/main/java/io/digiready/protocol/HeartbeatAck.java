package io.digiready.protocol;

/**
 * Answer to a heartbeat batch, sent only after it is committed. {@code duplicates} were already
 * stored (a retry) and are acknowledged without being stored again.
 */
public record HeartbeatAck(int accepted, int duplicates) {}

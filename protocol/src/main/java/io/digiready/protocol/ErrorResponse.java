package io.digiready.protocol;

/**
 * Every 4xx answer: {@code error} is a stable code ("invalid_request", "unauthorized", ...), {@code
 * detail} names the field and the expectation ("heartbeats[3].seq: must be >= 1").
 */
public record ErrorResponse(String error, String detail) {}

package io.digiready.agent.software;

/**
 * One installed application as OSHI lists it, raw: "unknown" and empty values are kept here. {@code
 * timestamp} is OSHI's install time: epoch seconds on Linux (dpkg, rpm), epoch milliseconds on
 * Windows (the registry's {@code InstallDate}, read as local midnight); 0 when unknown.
 */
public record AppReading(String name, String version, String vendor, long timestamp) {}

package io.digiready.collector.config;

/** A configuration mistake; the message reads {@code key: expectation. Found: value}. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}

package io.digiready.config;

/**
 * A configuration value that stops start-up; the message reads {@code key: expectation. Found:
 * value}.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String key, String expectation, String found) {
    super(key + ": " + expectation + (found == null ? "" : ". Found: " + found));
  }
}

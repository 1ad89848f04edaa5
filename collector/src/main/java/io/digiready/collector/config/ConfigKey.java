package io.digiready.collector.config;

import java.util.Locale;

/**
 * One configuration key: its camelCase name (file), the derived flag and environment variable, its
 * default and the one-line help that the README table repeats.
 */
public record ConfigKey(String name, String defaultValue, String help, boolean secret) {

  public String flag() {
    return "--" + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  public String envVar() {
    return "DIGIREADY_" + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}

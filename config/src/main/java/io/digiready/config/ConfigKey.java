package io.digiready.config;

import java.util.Locale;

/**
 * One configuration key: its camelCase name (file), the derived flag and environment variable, its
 * default as text (empty: none) and the one-line help that {@code --help} prints and the README
 * table repeats. A secret's value is never shown in a message.
 */
public record ConfigKey(String name, String defaultValue, String help, boolean secret) {

  public static ConfigKey key(String name, String defaultValue, String help) {
    return new ConfigKey(name, defaultValue, help, false);
  }

  public static ConfigKey secret(String name, String defaultValue, String help) {
    return new ConfigKey(name, defaultValue, help, true);
  }

  /** {@code heartbeatIntervalSeconds} -> {@code --heartbeat-interval-seconds}. */
  public String flag() {
    return "--" + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** {@code heartbeatIntervalSeconds} -> {@code DIGIREADY_HEARTBEAT_INTERVAL_SECONDS}. */
  public String envVar() {
    return "DIGIREADY_" + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /** The help line with the default and the environment variable, as {@code --help} shows it. */
  public String usage() {
    return help
        + " (default: "
        + (defaultValue.isEmpty() ? "none" : defaultValue)
        + "; env "
        + envVar()
        + ")";
  }

  /** The value as a message may show it: a secret's is hidden. */
  public String shown(String value) {
    return secret ? "(hidden)" : value;
  }
}

package io.digiready.agent.cli;

import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.config.ConfigKeys;
import io.digiready.config.ConfigKey;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The configuration flags every command accepts: {@code --config FILE} and one flag per key of
 * {@link ConfigKeys}, added by {@link #addKeyOptions} so that the table is the only list of keys.
 * Values stay strings here so that the loader checks flags, environment and file with the same
 * messages.
 */
public final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with agent keys.")
  Path config;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** One {@code --flag VALUE} per key, with its help, default and environment variable. */
  static void addKeyOptions(CommandSpec command) {
    for (ConfigKey key : ConfigKeys.ALL) {
      command.addOption(
          OptionSpec.builder(key.flag())
              .paramLabel(key.secret() ? "SECRET" : "VALUE")
              .type(String.class)
              .description(key.usage())
              .build());
    }
  }

  Map<String, String> flags() {
    Map<String, String> flags = new HashMap<>();
    for (ConfigKey key : ConfigKeys.ALL) {
      OptionSpec option = command.findOption(key.flag());
      if (option != null && option.getValue() != null) {
        flags.put(key.name(), option.getValue());
      }
    }
    return flags;
  }

  /** Loads file < environment < flags; throws {@code ConfigException} on any bad key or value. */
  AgentSettings load() {
    return RunArgs.load(config, flags());
  }
}

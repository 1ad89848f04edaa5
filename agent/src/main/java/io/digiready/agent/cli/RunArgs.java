package io.digiready.agent.cli;

import io.digiready.agent.config.AgentSettings;
import io.digiready.agent.config.ConfigKeys;
import io.digiready.agent.config.ConfigLoader;
import io.digiready.config.ConfigKey;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code run} with plain configuration flags, read without picocli: its 170-odd classes would stay
 * in the service's memory for good after one parse. Only the simple, usual forms are read here
 * ({@code --key VALUE}, {@code --key=VALUE}, each once, {@code --config FILE}); anything else
 * ({@code --help}, an unknown or repeated option, a value that looks like an option, an
 * {@code @file}) goes to picocli, so that its behaviour and messages stay the same.
 */
final class RunArgs {
  final Path config;
  final Map<String, String> flags;

  private RunArgs(Path config, Map<String, String> flags) {
    this.config = config;
    this.flags = flags;
  }

  /** Null when picocli must read the arguments. */
  static RunArgs parse(String... args) {
    if (args.length == 0 || !args[0].equals("run")) {
      return null;
    }
    Map<String, String> byFlag = new HashMap<>();
    for (ConfigKey key : ConfigKeys.ALL) {
      byFlag.put(key.flag(), key.name());
    }
    byFlag.put("--config", "--config");
    Map<String, String> values = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return null;
      }
      String key = byFlag.get(name);
      if (key == null
          || values.containsKey(key)
          || value.startsWith("-")
          || value.startsWith("@")) {
        return null;
      }
      values.put(key, value);
    }
    Path config = null;
    String file = values.remove("--config");
    if (file != null) {
      try {
        config = Path.of(file);
      } catch (InvalidPathException e) {
        return null;
      }
    }
    return new RunArgs(config, values);
  }

  /** Loads file < environment < flags, as {@link ConfigOptions#load} does. */
  AgentSettings load() {
    return load(config, flags);
  }

  static AgentSettings load(Path config, Map<String, String> flags) {
    Path file = config;
    if (file == null && System.getenv("DIGIREADY_CONFIG") != null) {
      file = Path.of(System.getenv("DIGIREADY_CONFIG"));
    }
    AgentSettings settings = ConfigLoader.load(file, System.getenv(), flags);
    Logging.configure(settings.logLevel());
    return settings;
  }
}

package io.digiready.collector;

import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.config.ConfigKeys;
import io.digiready.collector.config.ConfigLoader;
import io.digiready.config.ConfigException;
import io.digiready.config.ConfigKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Entry point: {@code java -jar digiready-collector.jar serve [--config FILE] [--port N] ...}.
 * Every configuration key is also a flag, built from the key table so the two cannot drift.
 */
public final class CollectorMain {
  static final int CONFIG_ERROR = 2;

  /** The writer thread died: the service manager should start a fresh process. */
  static final int WRITER_DIED = 3;

  /** How long a clean shutdown after a dead writer may take before the JVM is halted. */
  static final Duration HALT_AFTER = Duration.ofSeconds(20);

  private CollectorMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv()));
  }

  static int run(String[] args, Map<String, String> env) {
    return run(args, env, collector -> {});
  }

  /** As {@link #run(String[], Map)}; {@code started} sees a serving collector (tests). */
  static int run(String[] args, Map<String, String> env, Consumer<Collector> started) {
    CommandLine cli = new CommandLine(spec());
    ParseResult parsed;
    try {
      parsed = cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      System.err.println(e.getMessage());
      return CONFIG_ERROR;
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(System.out);
      return 0;
    }
    if (cli.isVersionHelpRequested()) {
      cli.printVersionHelp(System.out);
      return 0;
    }
    ParseResult command = parsed.subcommand();
    if (command == null) {
      cli.usage(System.err);
      return CONFIG_ERROR;
    }
    if (command.isUsageHelpRequested()) {
      command.commandSpec().commandLine().usage(System.out);
      return 0;
    }
    CollectorConfig config;
    try {
      Map<String, String> flags = new HashMap<>();
      for (ConfigKey key : ConfigKeys.ALL) {
        if (command.hasMatchedOption(key.flag())) {
          flags.put(key.name(), command.matchedOptionValue(key.flag(), ""));
        }
      }
      if (command.commandSpec().name().equals(MigrateToPostgres.NAME)) {
        flags.put("storage", "postgresql");
      }
      String file = command.matchedOptionValue("--config", null);
      config = ConfigLoader.load(file == null ? null : Path.of(file), env, flags);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return CONFIG_ERROR;
    }
    return switch (command.commandSpec().name()) {
      case "backup", "restore" ->
          BackupCommands.run(
              command.commandSpec().name(),
              Path.of((String) command.matchedPositional(0).getValue()),
              config);
      case MigrateToPostgres.NAME -> MigrateToPostgres.run(config, System.out);
      default -> serve(config, started);
    };
  }

  private static int serve(CollectorConfig config, Consumer<Collector> started) {
    Collector collector;
    try {
      collector = new Collector(config, Clock.systemUTC(), CollectorMain::writerDied).start();
    } catch (Exception e) {
      // One clear line for start-up failures (port taken, unreadable database, ...).
      System.err.println("digiready-collector: cannot start: " + e.getMessage());
      return 1;
    }
    started.accept(collector);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  collector.close();
                  stopped.countDown();
                },
                "digiready-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * Nothing can be written once the writer thread is gone, and a process that only half works
   * (answers health checks, ignores SIGTERM) is worse than none: exit with {@link #WRITER_DIED} so
   * that systemd restarts a clean JVM. The shutdown hook still closes the database; if that hangs,
   * the JVM is halted after {@link #HALT_AFTER}.
   */
  static void writerDied(Throwable cause) {
    System.err.println(
        "digiready-collector: the writer thread died ("
            + cause
            + "); exiting with status "
            + WRITER_DIED);
    Thread halt =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER.toMillis());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Runtime.getRuntime().halt(WRITER_DIED);
            },
            "digiready-halt");
    halt.setDaemon(true);
    halt.start();
    new Thread(() -> System.exit(WRITER_DIED), "digiready-exit").start();
  }

  private static CommandSpec spec() {
    String version = CollectorMain.class.getPackage().getImplementationVersion();
    CommandSpec top = CommandSpec.create().name("digiready-collector");
    top.mixinStandardHelpOptions(true);
    top.version("digiready-collector " + (version == null ? "dev" : version));
    CommandSpec serve = CommandSpec.create().name("serve");
    serve.mixinStandardHelpOptions(true);
    serve.usageMessage().description("Run the collector (HTTP API, SQLite store, /metrics).");
    serve.addOption(
        OptionSpec.builder("--config")
            .paramLabel("FILE")
            .type(String.class)
            .description("properties file with any of the keys below")
            .build());
    for (ConfigKey key : ConfigKeys.ALL) {
      serve.addOption(
          OptionSpec.builder(key.flag())
              .paramLabel(key.secret() ? "SECRET" : "VALUE")
              .type(String.class)
              .description(key.usage())
              .build());
    }
    top.addSubcommand("serve", serve);
    top.addSubcommand(
        "backup",
        offline(
            "backup",
            "Write a consistent copy of the database to FILE while the collector keeps serving."));
    top.addSubcommand(
        "restore",
        offline(
            "restore",
            "Replace the database with the backup FILE; refused while a collector uses the data"
                + " directory."));
    CommandSpec migrate = CommandSpec.create().name(MigrateToPostgres.NAME);
    migrate.mixinStandardHelpOptions(true);
    migrate
        .usageMessage()
        .description(
            "Copy this collector's SQLite database (live or stopped) into an empty PostgreSQL"
                + " database, check the row counts and the figures, and print what was done.");
    migrate.addOption(
        OptionSpec.builder("--config")
            .paramLabel("FILE")
            .type(String.class)
            .description("the collector's properties file (for its dataDir)")
            .build());
    for (ConfigKey key :
        java.util.List.of(
            ConfigKeys.DATA_DIR,
            ConfigKeys.JDBC_URL,
            ConfigKeys.JDBC_USER,
            ConfigKeys.JDBC_PASSWORD_FILE)) {
      migrate.addOption(
          OptionSpec.builder(key.flag())
              .paramLabel("VALUE")
              .type(String.class)
              .description(key.help())
              .build());
    }
    top.addSubcommand(MigrateToPostgres.NAME, migrate);
    return top;
  }

  /** A maintenance command: the data directory from --config / --data-dir / env, and a FILE. */
  private static CommandSpec offline(String name, String description) {
    CommandSpec spec = CommandSpec.create().name(name);
    spec.mixinStandardHelpOptions(true);
    spec.usageMessage().description(description);
    spec.addOption(
        OptionSpec.builder("--config")
            .paramLabel("FILE")
            .type(String.class)
            .description("the collector's properties file (for its dataDir)")
            .build());
    ConfigKey dataDir = ConfigKeys.DATA_DIR;
    spec.addOption(
        OptionSpec.builder(dataDir.flag())
            .paramLabel("DIR")
            .type(String.class)
            .description(dataDir.help() + " (default: " + dataDir.defaultValue() + ")")
            .build());
    spec.addPositional(
        CommandLine.Model.PositionalParamSpec.builder()
            .paramLabel("FILE")
            .type(String.class)
            .arity("1")
            .build());
    return spec;
  }
}

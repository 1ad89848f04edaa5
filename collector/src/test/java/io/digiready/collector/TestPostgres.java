package io.digiready.collector;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the Debian package, started for the tests in a temporary directory
 * on a free 127.0.0.1 port and stopped when the JVM ends. PostgreSQL refuses to run as root, so
 * under root (as in CI) its programs run as the {@code postgres} user through {@code runuser}. Each
 * {@link #newDatabase()} is an empty database of its own.
 */
public final class TestPostgres {
  public static final String USER = "digiready";
  private static TestPostgres shared;

  private final Path dir;
  private final Path bin;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();

  /** The one server of this JVM, started on first use. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = start(true);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-postgres"));
    }
    return shared;
  }

  /**
   * Starts a server. {@code fast} turns off fsync (contract tests about answers, not about power
   * loss); the durability tests keep the defaults.
   */
  public static TestPostgres start(boolean fast) {
    try {
      Path bin = binaries();
      Path dir = Files.createTempDirectory("digiready-pg");
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      TestPostgres pg = new TestPostgres(dir, bin, port);
      if (root()) {
        run(List.of("chown", "postgres:postgres", dir.toString()));
      }
      pg.as(
          bin.resolve("initdb").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-A",
          "trust",
          "-U",
          USER,
          "-E",
          "UTF8",
          "--locale=C",
          "--no-sync");
      List<String> options =
          new ArrayList<>(
              List.of(
                  "-c listen_addresses=127.0.0.1",
                  "-p " + port,
                  "-k " + dir,
                  "-c max_connections=200"));
      if (fast) {
        options.addAll(
            List.of("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"));
      }
      pg.options = String.join(" ", options);
      pg.resume();
      return pg;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
    }
  }

  private String options;

  /** Stops the server and keeps its data (a database outage); {@link #resume} starts it again. */
  public void suspend() {
    as(
        bin.resolve("pg_ctl").toString(),
        "-D",
        dir.resolve("data").toString(),
        "-m",
        "fast",
        "-w",
        "stop");
  }

  /** Starts the server on its data directory and port, and waits until it takes connections. */
  public void resume() {
    as(
        bin.resolve("pg_ctl").toString(),
        "-D",
        dir.resolve("data").toString(),
        "-l",
        dir.resolve("server.log").toString(),
        "-o",
        options,
        "-w",
        "start");
  }

  private TestPostgres(Path dir, Path bin, int port) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
  }

  public int port() {
    return port;
  }

  /** The JDBC URL of a new, empty database. */
  public String newDatabase() {
    String name = "t" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public void stop() {
    try {
      as(
          bin.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-m",
          "immediate",
          "-w",
          "stop");
    } catch (RuntimeException e) {
      // stopping at the end: the process may be gone already
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp dir left behind
    }
  }

  /** Runs a PostgreSQL program, as the postgres user when this JVM is root. */
  private void as(String... command) {
    List<String> full = new ArrayList<>();
    if (root()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    run(full);
  }

  private static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Debian keeps the server programs in /usr/lib/postgresql/VERSION/bin. */
  private static Path binaries() throws IOException {
    Path lib = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException(
          "PostgreSQL is not installed: apt-get install postgresql (or run .ci/run as root)");
    }
    try (Stream<Path> versions = Files.list(lib)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(Path::toString))
          .orElseThrow(() -> new IllegalStateException("no initdb under " + lib));
    }
  }
}

package io.digiready.e2e;

import io.digiready.collector.TestPostgres;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Two real collector jars on one real PostgreSQL behind a real HAProxy running the project's {@code
 * install/haproxy/haproxy.cfg} (its ports changed): the shared deployment the ITs attack.
 */
final class SharedCluster implements AutoCloseable {
  final TestPostgres postgres;
  final String jdbcUrl;
  final String adminToken;
  final CollectorProcess one;
  final CollectorProcess two;
  final Child haproxy;

  /** Requests only, never started: the balancer's address in a collector's clothes. */
  final CollectorProcess balancer;

  /** {@code durable}: PostgreSQL with fsync on (a test about what survives), else fast. */
  SharedCluster(Path dir, String adminToken, boolean durable) throws Exception {
    this.adminToken = adminToken;
    postgres = TestPostgres.start(!durable);
    jdbcUrl = postgres.newDatabase();
    one = collector(dir.resolve("one")).startAndAwaitReady();
    two = collector(dir.resolve("two")).startAndAwaitReady();
    int port = Child.freePort();
    String config =
        Files.readString(Child.REPO.resolve("install/haproxy/haproxy.cfg"), StandardCharsets.UTF_8)
            .replace("127.0.0.1:8080", "127.0.0.1:" + port)
            .replace("127.0.0.1:8081", "127.0.0.1:" + one.port)
            .replace("127.0.0.1:8082", "127.0.0.1:" + two.port);
    Path cfg = dir.resolve("haproxy.cfg");
    Files.writeString(cfg, config, StandardCharsets.UTF_8);
    haproxy = new Child("haproxy", dir.resolve("haproxy.log"));
    haproxy.startBinary(List.of("haproxy", "-f", cfg.toString(), "-db"));
    balancer = new CollectorProcess(dir.resolve("balancer"), port, "--admin-token", adminToken);
    Child.await(
        Duration.ofSeconds(30),
        "HAProxy to see a ready collector\n" + haproxy.log(),
        () -> {
          try {
            return balancer.get("/health/ready", null).statusCode() == 200;
          } catch (UncheckedIOException e) {
            return false;
          }
        });
  }

  private CollectorProcess collector(Path dataDir) {
    return new CollectorProcess(
        dataDir,
        "--storage",
        "postgresql",
        "--jdbc-url",
        jdbcUrl,
        "--jdbc-user",
        TestPostgres.USER,
        "--admin-token",
        adminToken);
  }

  @Override
  public void close() throws Exception {
    for (Child c : new Child[] {haproxy, one, two}) {
      c.close();
    }
    postgres.stop();
  }
}

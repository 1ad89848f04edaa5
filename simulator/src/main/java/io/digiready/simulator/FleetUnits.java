package io.digiready.simulator;

import io.digiready.protocol.Endpoints;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * The units a fleet run enrolls into, each with an enrollment token, made through the admin API.
 */
final class FleetUnits {
  private final HttpClient http;
  private final URI base;
  private final String adminToken;
  private final PrintStream out;

  FleetUnits(HttpClient http, URI base, String adminToken, PrintStream out) {
    this.http = http;
    this.base = base;
    this.adminToken = adminToken;
    this.out = out;
  }

  /** A root unit and {@code units} units below it, each with an enrollment token. */
  List<String> create(FleetRun.Plan plan) throws IOException, InterruptedException {
    int staff = Math.max(1, plan.machines() / plan.units());
    admin(
        Endpoints.UNITS,
        "{\"code\":\""
            + plan.root()
            + "\",\"name\":\"Tỉnh "
            + plan.root()
            + "\",\"kind\":\"province\",\"staff\":0}",
        201,
        409);
    List<String> secrets = new ArrayList<>();
    for (int u = 0; u < plan.units(); u++) {
      String code = String.format(Locale.ROOT, "%s.u%03d", plan.root(), u);
      admin(
          Endpoints.UNITS,
          "{\"code\":\""
              + code
              + "\",\"name\":\"Xã "
              + u
              + "\",\"parent\":\""
              + plan.root()
              + "\",\"kind\":\"commune\",\"staff\":"
              + staff
              + "}",
          201,
          409);
      secrets.add(
          FleetRun.field(
              admin("/api/v1/units/" + code + "/enrollment-tokens", "{}", 201, 201), "token"));
    }
    return secrets;
  }

  /**
   * Imports a unit tree (the CSV {@code simulator tree} writes) in one request and makes an
   * enrollment token for every unit, {@code connections} requests at a time.
   */
  List<String> importTree(FleetRun.Plan plan, List<UnitRow> units)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    HttpResponse<String> imported =
        http.send(
            HttpRequest.newBuilder(base.resolve(Endpoints.UNITS + "/import"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + adminToken)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Files.readString(plan.tree(), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (imported.statusCode() != 200) {
      throw new IllegalStateException(
          "unit import answered " + imported.statusCode() + ": " + imported.body());
    }
    String[] secrets = new String[units.size()];
    Map<String, Long> failures = new ConcurrentHashMap<>();
    Semaphore inFlight = new Semaphore(plan.connections());
    CountDownLatch done = new CountDownLatch(units.size());
    for (int u = 0; u < units.size(); u++) {
      int unit = u;
      inFlight.acquire();
      http.sendAsync(
              FleetRun.post(
                  base,
                  "/api/v1/units/" + units.get(u).code() + "/enrollment-tokens",
                  adminToken,
                  "{}"),
              HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (r, e) -> {
                inFlight.release();
                if (e == null && r.statusCode() == 201) {
                  secrets[unit] = FleetRun.field(r.body(), "token");
                } else {
                  failures.merge(
                      e != null ? e.toString() : "HTTP " + r.statusCode(), 1L, Long::sum);
                }
                done.countDown();
              });
    }
    done.await();
    if (!failures.isEmpty()) {
      throw new IllegalStateException("enrollment tokens not made: " + failures);
    }
    out.printf(
        Locale.ROOT,
        "tree: %d units imported from %s, %d enrollment tokens made in %.1f s (%s)%n",
        units.size(),
        plan.tree(),
        secrets.length,
        (System.nanoTime() - started) / 1e9,
        imported.body());
    return List.of(secrets);
  }

  private String admin(String path, String body, int expected, int alsoFine)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            FleetRun.post(base, path, adminToken, body), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected && r.statusCode() != alsoFine) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}

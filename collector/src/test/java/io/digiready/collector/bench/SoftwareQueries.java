package io.digiready.collector.bench;

import io.digiready.collector.Fixtures;
import io.digiready.collector.Http;
import io.digiready.collector.TestCollector;
import io.digiready.collector.TestCollector.Agent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times the software questions on a large fleet: {@code machines} PCs (default 10,000) with {@code
 * apps} applications each (default 300), in a province of 10 districts with communes of 20 PCs, all
 * fed through the real HTTP API (enrollment and inventory). Then each question is asked through
 * HTTP from this JVM, several times, and the median and the slowest answer are printed, client side
 * (request, JSON, response).
 *
 * <p>Run with {@code collector/bench/software-queries.sh [machines] [apps]}; the engine is SQLite
 * unless {@code -Ddigiready.test.storage=postgresql} (the script's third argument).
 */
public final class SoftwareQueries {
  private static final int RUNS = 20;

  private SoftwareQueries() {}

  public static void main(String[] args) throws Exception {
    int machines = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int apps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int perCommune = 20;
    int communes = Math.max(1, machines / perCommune);
    int districts = Math.min(10, communes);
    java.nio.file.Path dir = Files.createTempDirectory("software-bench");
    try (TestCollector c = new TestCollector(dir, s -> s)) {
      StringBuilder csv = new StringBuilder("code,name,parent,kind,staff\n");
      csv.append("tinh,Tỉnh,,province,0\n");
      for (int d = 0; d < districts; d++) {
        csv.append("tinh.h").append(d).append(",Huyện ").append(d).append(",tinh,district,0\n");
      }
      for (int x = 0; x < communes; x++) {
        csv.append("tinh.h")
            .append(x % districts)
            .append(".x")
            .append(x)
            .append(",Xã ")
            .append(x)
            .append(",tinh.h")
            .append(x % districts)
            .append(",commune,")
            .append(perCommune)
            .append('\n');
      }
      Http.Answer imported =
          c.http.send(
              "POST",
              "/api/v1/units/import",
              TestCollector.ADMIN,
              "text/csv",
              csv.toString().getBytes(StandardCharsets.UTF_8),
              false);
      check(imported);
      String[] tokens = new String[communes];
      for (int x = 0; x < communes; x++) {
        tokens[x] = c.enrollmentToken("tinh.h" + (x % districts) + ".x" + x);
      }

      long t0 = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<Agent>> done = new ArrayList<>();
      for (int i = 0; i < machines; i++) {
        int n = i;
        done.add(
            pool.submit(
                () -> {
                  String host = "PC-" + n;
                  Agent a = c.enroll(tokens[n % communes], host, "u" + n, "s" + n, "o" + n);
                  Map<String, Object> inv =
                      Fixtures.inventory(
                          host, c.clock.instant(), 8 * Fixtures.GIB, 4, "Windows", "10");
                  inv.put("software", softwareOf(n, apps));
                  check(c.inventory(a, inv));
                  return a;
                }));
      }
      List<Agent> agents = new ArrayList<>();
      for (Future<Agent> f : done) {
        agents.add(f.get());
      }
      pool.shutdown();
      System.out.printf(
          Locale.ROOT,
          "fed %d machines x %d applications (%s) in %.0f s%n",
          machines,
          apps,
          TestCollector.POSTGRESQL ? "postgresql" : "sqlite",
          (System.nanoTime() - t0) / 1e9);

      String common = URLEncoder.encode("Application 000", StandardCharsets.UTF_8);
      String rare = URLEncoder.encode("Application 0999", StandardCharsets.UTF_8);
      time(c, "summary, province, first (cold)", "/api/v1/software/summary?unit=tinh", 1);
      time(c, "summary, province", "/api/v1/software/summary?unit=tinh", RUNS);
      time(c, "summary, whole fleet, limit 1000", "/api/v1/software/summary?limit=1000", RUNS);
      time(c, "summary, district", "/api/v1/software/summary?unit=tinh.h0", RUNS);
      time(c, "summary, commune", "/api/v1/software/summary?unit=tinh.h0.x0", RUNS);
      time(c, "which machines: on every PC", "/api/v1/software?name=" + common, RUNS);
      time(
          c,
          "which machines: on every PC, one district",
          "/api/v1/software?unit=tinh.h0&name=" + common,
          RUNS);
      time(c, "which machines: rare", "/api/v1/software?name=" + rare, RUNS);
      // Search by a piece of the name (issue 29 point 3): every application matches "lication",
      // one matches "0999"; a page of 50 and the second page through the cursor.
      time(c, "search: substring of every name, 50", "/api/v1/software?q=lication&limit=50", RUNS);
      time(c, "search: one name", "/api/v1/software?q=0999", RUNS);
      time(
          c, "search: one district, 50", "/api/v1/software?q=lication&unit=tinh.h0&limit=50", RUNS);
      String next =
          c.admin("GET", "/api/v1/software?q=lication&limit=50", null)
              .json()
              .get("nextCursor")
              .asText();
      time(
          c,
          "search: second page through the cursor",
          "/api/v1/software?q=lication&limit=50&cursor=" + next,
          RUNS);
      time(
          c,
          "one machine's list",
          "/api/v1/machines/" + agents.get(0).machineId() + "/software",
          RUNS);
      // The same answers computed in the collector's process, without HTTP and JSON.
      var software = c.collector.services().software();
      inProcess("in process: summary, province", () -> software.summary("tinh", 50));
      inProcess(
          "in process: which machines: on every PC",
          () -> software.holders("Application 000", null));
      inProcess(
          "in process: which machines: rare", () -> software.holders("Application 0999", null));
      // One PC updates an application: its commune's counts are rebuilt at the next question.
      Map<String, Object> inv =
          Fixtures.inventory("PC-0", c.clock.instant(), 8 * Fixtures.GIB, 4, "Windows", "10");
      List<Map<String, Object>> changed = softwareOf(0, apps);
      changed.set(0, Fixtures.software("Application 000", "9.9", "Vendor 0", null));
      inv.put("software", changed);
      check(c.inventory(agents.get(0), inv));
      time(c, "summary, province, after one PC changed", "/api/v1/software/summary?unit=tinh", 1);
    }
    // A restart on the same data, asked at once (issue 29's "right after a restart"): the
    // collector reads every unit's counts before it listens, so the first question finds them.
    try (TestCollector c = new TestCollector(dir, s -> s)) {
      time(
          c,
          "right after restart: summary, province, first question",
          "/api/v1/software/summary?unit=tinh",
          1);
      time(c, "right after restart: summary, province", "/api/v1/software/summary?unit=tinh", RUNS);
    }
    // Again: how long the start takes with those counts read, and what reading them again costs.
    long t0 = System.nanoTime();
    try (TestCollector c = new TestCollector(dir, s -> s)) {
      System.out.printf(
          Locale.ROOT,
          "restart: collector up (every unit's software counts read first) in %d ms%n",
          (System.nanoTime() - t0) / 1_000_000);
      long t1 = System.nanoTime();
      c.collector.services().software().warm();
      System.out.printf(
          Locale.ROOT,
          "restart: every unit's software counts asked again (cached) in %d ms%n",
          (System.nanoTime() - t1) / 1_000_000);
      time(c, "after restart: summary, province", "/api/v1/software/summary?unit=tinh", RUNS);
    }
    System.exit(0);
  }

  /**
   * The list of PC {@code n}: the 100 most common applications everywhere, the rest drawn from 900
   * others; versions spread over one to four per application, newer ones more often.
   */
  static List<Map<String, Object>> softwareOf(int n, int apps) {
    Random r = new Random(n);
    List<Integer> others = new ArrayList<>();
    for (int i = 100; i < 1000; i++) {
      others.add(i);
    }
    java.util.Collections.shuffle(others, r);
    boolean[] taken = new boolean[1000];
    for (int i = 0; i < Math.min(100, apps); i++) {
      taken[i] = true;
    }
    for (int k = 0; k < Math.max(0, apps - 100); k++) {
      taken[others.get(k)] = true;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      if (taken[i]) {
        int versions = 1 + i % 4;
        int v = Math.min(r.nextInt(versions), r.nextInt(versions));
        out.add(
            Fixtures.software(
                String.format(Locale.ROOT, i < 100 ? "Application %03d" : "Application %04d", i),
                (10 + v) + ".0." + (i % 7),
                "Vendor " + (i % 50),
                "2025-0" + (1 + i % 9) + "-1" + (i % 10)));
      }
    }
    return out;
  }

  private static void time(TestCollector c, String what, String path, int runs) {
    long[] ms = new long[runs];
    int bytes = 0;
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      Http.Answer a = c.admin("GET", path, null);
      ms[i] = (System.nanoTime() - t) / 1_000_000;
      check(a);
      bytes = a.body().length();
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%-45s median %5d ms  max %5d ms  (%d runs, %,d characters)%n",
        what,
        ms[runs / 2],
        ms[runs - 1],
        runs,
        bytes);
  }

  private static void inProcess(String what, Runnable run) {
    long[] ms = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      run.run();
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%-45s median %5d ms  max %5d ms  (%d runs)%n",
        what,
        ms[RUNS / 2],
        ms[RUNS - 1],
        RUNS);
  }

  private static void check(Http.Answer a) {
    if (a.status() != 200) {
      throw new IllegalStateException(a.status() + " " + a.body());
    }
  }
}

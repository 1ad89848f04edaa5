package io.digiready.collector;

import io.digiready.collector.backup.DataDirLock;
import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.coverage.CoverageCalculator;
import io.digiready.collector.coverage.CoverageService;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Tokens;
import io.digiready.collector.history.CoverageHistory;
import io.digiready.collector.history.DailyFigures;
import io.digiready.collector.ingest.EnrollService;
import io.digiready.collector.ingest.HeartbeatService;
import io.digiready.collector.ingest.InventoryService;
import io.digiready.collector.machines.MachineService;
import io.digiready.collector.metrics.DigireadyMetrics;
import io.digiready.collector.metrics.HttpMetrics;
import io.digiready.collector.metrics.IngestMetrics;
import io.digiready.collector.metrics.MetricNames;
import io.digiready.collector.metrics.ProbeMetrics;
import io.digiready.collector.reports.PeriodReportService;
import io.digiready.collector.reports.ReportService;
import io.digiready.collector.software.RequiredSoftware;
import io.digiready.collector.software.SoftwareService;
import io.digiready.collector.store.Credentials;
import io.digiready.collector.store.Follower;
import io.digiready.collector.store.Freshness;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.OwnerOnly;
import io.digiready.collector.store.PostgresStore;
import io.digiready.collector.store.SqliteStore;
import io.digiready.collector.store.Store;
import io.digiready.collector.units.UnitHistoryService;
import io.digiready.collector.units.UnitService;
import io.digiready.collector.viewers.ViewerTokenService;
import io.digiready.collector.web.Auth;
import io.digiready.collector.web.HttpServer;
import io.digiready.collector.web.ResumeBatching;
import io.digiready.collector.web.Services;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running collector: database, writer, in-memory fleet, HTTP server. */
public final class Collector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
  public static final String DATABASE_FILE = "digiready.db";

  private final CollectorConfig config;
  private final Store store;
  private final GroupCommitWriter writer;
  private final HttpServer http;
  private final ScheduledExecutorService maintenance;
  private final ScheduledExecutorService figures;
  private final JvmGcMetrics gcMetrics;
  private final Services services;
  private final DataDirLock lock;
  private final DailyFigures dailyFigures;

  /**
   * @param onWriterDeath told if the writer thread dies (see {@link GroupCommitWriter}); {@link
   *     CollectorMain} ends the process
   */
  public Collector(CollectorConfig config, Clock clock, Consumer<Throwable> onWriterDeath)
      throws IOException {
    this(config, clock, Collector::store, onWriterDeath);
  }

  /** The store the config names: SQLite in the data directory, or a PostgreSQL database. */
  static Store store(CollectorConfig c) {
    var storage = c.storage();
    if (storage.postgresql()) {
      return new PostgresStore(
          storage.jdbcUrl(),
          storage.jdbcUser(),
          password(storage.jdbcPasswordFile()),
          c.rawHeartbeatRetentionDays() > 0);
    }
    return new SqliteStore(
        c.dataDir().resolve(DATABASE_FILE),
        c.sqliteSynchronous(),
        c.rawHeartbeatRetentionDays() > 0);
  }

  static String password(java.nio.file.Path file) {
    if (file == null) {
      return null;
    }
    try {
      return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException("jdbcPasswordFile: cannot read " + file, e);
    }
  }

  /** With another store (PostgreSQL later; a failing wrapper in tests). */
  Collector(
      CollectorConfig config,
      Clock clock,
      Function<CollectorConfig, Store> stores,
      Consumer<Throwable> onWriterDeath)
      throws IOException {
    this.config = config;
    OwnerOnly.directory(config.dataDir());
    this.lock = DataDirLock.acquire(config.dataDir(), "starting another collector on it");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // These two break promtool's naming lint (abbreviated unit, _count on a gauge).
    registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
    registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("system.cpu.count")));
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

    store = stores.apply(config);
    Set<String> adminTokenHashes = adminTokenHashes(config, store);
    io.micrometer.core.instrument.Gauge.builder(
            MetricNames.COLLECTOR_LEASE, store, s -> s.holdsLease() ? 1 : 0)
        .description(
            "1 on the collector that does the background work and exports per-machine series")
        .register(registry);
    long readStart = System.nanoTime();
    List<Machine> loaded = store.loadMachines();
    LOG.info("machines read in {} ms", (System.nanoTime() - readStart) / 1_000_000);
    Fleet fleet = new Fleet(loaded.size());
    fleet.load(store.loadUnits(), loaded, store.loadActiveEnrollmentTokens());
    store.loadActiveViewerTokens().forEach(fleet::putViewerToken);
    ResumeBatching resumes = new ResumeBatching();
    writer =
        new GroupCommitWriter(
            store, config.writerQueueCapacity(), registry, onWriterDeath, resumes);
    IngestMetrics counters = new IngestMetrics();
    counters.bindTo(registry);
    ProbeMetrics probes = new ProbeMetrics(config.probeTargets());
    probes.bindTo(registry);
    HttpMetrics httpMetrics = new HttpMetrics();
    httpMetrics.bindTo(registry);
    CoverageCalculator coverage = new CoverageCalculator(config);
    SoftwareService software = new SoftwareService(fleet, store, config, clock);
    InventoryService inventory =
        new InventoryService(
            fleet, writer, counters, clock, software::changed, config.inventoriesPerHour());
    Follower follower = store.shared() ? new Follower(writer, fleet) : null;
    Credentials credentials =
        new Credentials(
            fleet, store, follower == null ? Freshness.ALONE : new Freshness(store, follower));
    UnitService units =
        new UnitService(
            fleet, writer, store, clock, Duration.ofDays(config.enrollmentTokenExpiryDays()));
    RequiredSoftware required = new RequiredSoftware(fleet, store, writer);
    units.onRequiredApplicationsChanged(required::unitsChanged);
    // Machines whose software list was never matched against their unit's required applications
    // (a database from before the lists): once, before the first figures.
    int matched = required.evaluateUnknown();
    if (matched > 0) {
      LOG.info("required applications worked out for {} machines", matched);
    }
    // The first figures before the first question: a ministry's walk then never answers it late.
    coverage.latest().warm(fleet, clock.instant());
    CoverageHistory history = new CoverageHistory(fleet, coverage, store, clock);
    dailyFigures =
        new DailyFigures(fleet, coverage, store, writer, clock, config.unitHistoryRetentionDays());
    services =
        new Services(
            config,
            clock,
            fleet,
            store,
            writer,
            new Auth(
                adminTokenHashes,
                fleet,
                credentials,
                config.metricsToken(),
                config.metricsUsername(),
                config.metricsPassword(),
                config.trustedProxies()),
            new EnrollService(config, fleet, credentials, writer, inventory, counters, clock),
            new HeartbeatService(config, fleet, writer, counters, probes, clock),
            inventory,
            units,
            new MachineService(fleet, store, writer, coverage, clock),
            new UnitHistoryService(fleet, store, clock),
            new ViewerTokenService(fleet, store, writer, clock),
            new ReportService(fleet, coverage, history, clock),
            new CoverageService(fleet, coverage, clock),
            new DigireadyMetrics(
                registry,
                fleet,
                coverage,
                // With several collectors, one exports the per-machine series: the lease holder.
                () -> config.metricsPerMachine() && store.holdsLease(),
                clock),
            httpMetrics,
            history,
            new PeriodReportService(fleet, history),
            software);
    http = new HttpServer(services, resumes);
    maintenance = Executors.newSingleThreadScheduledExecutor(daemon("digiready-maintenance"));
    maintenance.scheduleAtFixedRate(
        () -> {
          if (store.holdsLease()) {
            prune(clock);
          }
        },
        1,
        60,
        TimeUnit.MINUTES);
    // Its own thread: a ministry's walk (half a second) must not delay the lease or the follower.
    figures = Executors.newSingleThreadScheduledExecutor(daemon("digiready-figures"));
    figures.scheduleWithFixedDelay(
        () -> coverage.latest().refresh(fleet, clock.instant()), 1, 1, TimeUnit.SECONDS);
    // Each unit's figures of the day that ended, within seconds of its end (lease holder only); a
    // tick before its time is one comparison.
    maintenance.scheduleWithFixedDelay(this::dailyTick, 10, 10, TimeUnit.SECONDS);
    if (store.shared()) {
      maintenance.scheduleWithFixedDelay(follower::poll, 2, 2, TimeUnit.SECONDS);
      store.renewLease();
      maintenance.scheduleWithFixedDelay(store::renewLease, 5, 5, TimeUnit.SECONDS);
    }
    LOG.info(
        "loaded {} units and {} machines from {}",
        fleet.units().size(),
        fleet.machines().size(),
        config.storage().postgresql()
            ? config.storage().jdbcUrl()
            : config.dataDir().resolve(DATABASE_FILE));
  }

  /**
   * The admin tokens' hashes this collector accepts. Alone on SQLite: the configured token, or the
   * one generated once into {@code <dataDir>/admin-token}. On a shared database the hash lives in
   * the database, so every collector accepts the same token: the first collector on an empty
   * database stores its own (and writes the plain token to its data directory, as alone).
   */
  static Set<String> adminTokenHashes(CollectorConfig config, Store store) throws IOException {
    if (!store.shared()) {
      String token =
          config.adminToken().isEmpty()
              ? AdminTokenFile.readOrCreate(config.dataDir())
              : config.adminToken();
      return Set.of(Tokens.sha256Hex(token));
    }
    if (!config.adminToken().isEmpty()) {
      String own = Tokens.sha256Hex(config.adminToken());
      return new java.util.HashSet<>(List.of(own, store.adminTokenHash(own)));
    }
    Optional<String> kept = AdminTokenFile.read(config.dataDir());
    String candidate = kept.orElseGet(Tokens::newToken);
    String stored = store.adminTokenHash(Tokens.sha256Hex(candidate));
    if (stored.equals(Tokens.sha256Hex(candidate))) {
      if (kept.isEmpty()) {
        AdminTokenFile.write(config.dataDir(), candidate);
      }
    } else {
      LOG.info(
          "the admin token was made by the first collector on this database; its plain text is in"
              + " that collector's data directory ({})",
          AdminTokenFile.NAME);
    }
    return Set.of(stored);
  }

  public Collector start() {
    // The software summaries' per-unit counts, read before the first request can come: the first
    // question after a restart is then as quick as any other (issue 29), for the seconds this
    // costs with thousands of PCs' lists.
    long t0 = System.nanoTime();
    services.software().warm();
    LOG.info("software counts ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
    http.start();
    LOG.info(
        "collector listening on {}://{}:{}",
        config.tlsKeystoreFile() == null ? "http" : "https",
        config.bindAddress(),
        http.port());
    return this;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Whether this collector does the background work (always, alone on SQLite). */
  public boolean holdsLease() {
    return store.holdsLease();
  }

  public CollectorConfig config() {
    return config;
  }

  /** The HTTP server, for tests that need to reach into its connector. */
  HttpServer http() {
    return http;
  }

  public int port() {
    return http.port();
  }

  public Services services() {
    return services;
  }

  /**
   * Stores the figures of every unit for the days that ended (and today so far); runs every minute
   * on the lease holder. Tests call it after moving their clock.
   */
  /**
   * The maintenance minute's pass: null when this collector does not hold the lease or nothing is
   * due yet (no so-far row, no unit's midnight, no unit changed).
   */
  public DailyFigures.Pass dailyTick() {
    return dailyFigures.tick(store.holdsLease());
  }

  public DailyFigures.Pass recordDays() {
    return dailyFigures.run(false);
  }

  /**
   * Deletes hourly buckets and raw heartbeats past their retention, and the application names and
   * releases no machine has any more; runs hourly.
   */
  java.util.concurrent.CompletableFuture<Integer> prune(Clock clock) {
    Instant now = clock.instant();
    try {
      return writer.submit(
          tx ->
              tx.heartbeats()
                      .prune(
                          now.minus(Duration.ofDays(config.hourlyRetentionDays())),
                          now.minus(Duration.ofDays(config.rawHeartbeatRetentionDays())))
                  + tx.software().collectUnused(),
          deleted -> LOG.debug("pruned {} old rows", deleted));
    } catch (RuntimeException e) {
      LOG.warn("pruning skipped: {}", e.getMessage());
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
  }

  /** Stops accepting, lets the writer commit what it holds, closes the database. */
  @Override
  public void close() {
    http.stop();
    maintenance.shutdownNow();
    figures.shutdownNow();
    if (store.holdsLease()) {
      // Today's figures so far: what a day that ends while no collector runs will carry forward.
      try {
        dailyFigures.run(true);
      } catch (RuntimeException e) {
        LOG.warn("today's figures not stored at shutdown: {}", e.getMessage());
      }
    }
    writer.close();
    store.close();
    gcMetrics.close();
    try {
      lock.close();
    } catch (IOException e) {
      LOG.warn("could not release {}: {}", DataDirLock.FILE, e.getMessage());
    }
    LOG.info("collector stopped");
  }
}

package io.digiready.collector;

import io.digiready.collector.backup.DataDirLock;
import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.coverage.CoverageCalculator;
import io.digiready.collector.coverage.CoverageService;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.ingest.EnrollService;
import io.digiready.collector.ingest.HeartbeatService;
import io.digiready.collector.ingest.InventoryService;
import io.digiready.collector.machines.MachineService;
import io.digiready.collector.metrics.DigireadyMetrics;
import io.digiready.collector.metrics.HttpMetrics;
import io.digiready.collector.metrics.IngestMetrics;
import io.digiready.collector.metrics.ProbeMetrics;
import io.digiready.collector.reports.ReportService;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.OwnerOnly;
import io.digiready.collector.store.SqliteStore;
import io.digiready.collector.store.Store;
import io.digiready.collector.units.UnitHistoryService;
import io.digiready.collector.units.UnitService;
import io.digiready.collector.viewers.ViewerTokenService;
import io.digiready.collector.web.Auth;
import io.digiready.collector.web.HttpServer;
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
  private final JvmGcMetrics gcMetrics;
  private final Services services;
  private final DataDirLock lock;

  /**
   * @param onWriterDeath told if the writer thread dies (see {@link GroupCommitWriter}); {@link
   *     CollectorMain} ends the process
   */
  public Collector(CollectorConfig config, Clock clock, Consumer<Throwable> onWriterDeath)
      throws IOException {
    this(config, clock, Collector::sqlite, onWriterDeath);
  }

  /** The embedded store: SQLite in the data directory. */
  static Store sqlite(CollectorConfig c) {
    return new SqliteStore(
        c.dataDir().resolve(DATABASE_FILE),
        c.sqliteSynchronous(),
        c.rawHeartbeatRetentionDays() > 0);
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
    String adminToken =
        config.adminToken().isEmpty()
            ? AdminTokenFile.readOrCreate(config.dataDir())
            : config.adminToken();
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
    Fleet fleet = new Fleet();
    fleet.load(store.loadUnits(), store.loadMachines(), store.loadActiveEnrollmentTokens());
    store.loadActiveViewerTokens().forEach(fleet::putViewerToken);
    writer = new GroupCommitWriter(store, config.writerQueueCapacity(), registry, onWriterDeath);
    IngestMetrics counters = new IngestMetrics();
    counters.bindTo(registry);
    ProbeMetrics probes = new ProbeMetrics(config.probeTargets());
    probes.bindTo(registry);
    HttpMetrics httpMetrics = new HttpMetrics();
    httpMetrics.bindTo(registry);
    CoverageCalculator coverage = new CoverageCalculator(config);
    InventoryService inventory = new InventoryService(fleet, writer, counters, clock);
    services =
        new Services(
            config,
            clock,
            fleet,
            store,
            writer,
            new Auth(
                adminToken,
                fleet,
                config.metricsToken(),
                config.metricsUsername(),
                config.metricsPassword()),
            new EnrollService(config, fleet, writer, inventory, counters, clock),
            new HeartbeatService(config, fleet, writer, counters, probes, clock),
            inventory,
            new UnitService(
                fleet, writer, store, clock, Duration.ofDays(config.enrollmentTokenExpiryDays())),
            new MachineService(fleet, store, writer, coverage, clock),
            new UnitHistoryService(fleet, store, clock),
            new ViewerTokenService(fleet, store, writer, clock),
            new ReportService(fleet, coverage, clock),
            new CoverageService(fleet, coverage, clock),
            new DigireadyMetrics(registry, fleet, coverage, config.metricsPerMachine(), clock),
            httpMetrics);
    http = new HttpServer(services);
    maintenance =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "digiready-maintenance");
              t.setDaemon(true);
              return t;
            });
    maintenance.scheduleAtFixedRate(() -> prune(clock), 1, 60, TimeUnit.MINUTES);
    LOG.info(
        "loaded {} units and {} machines from {}",
        fleet.units().size(),
        fleet.machines().size(),
        config.dataDir().resolve(DATABASE_FILE));
  }

  public Collector start() {
    http.start();
    LOG.info(
        "collector listening on {}://{}:{}",
        config.tlsKeystoreFile() == null ? "http" : "https",
        config.bindAddress(),
        http.port());
    return this;
  }

  public int port() {
    return http.port();
  }

  public Services services() {
    return services;
  }

  /** Deletes hourly buckets and raw heartbeats past their retention; runs hourly. */
  java.util.concurrent.CompletableFuture<Integer> prune(Clock clock) {
    Instant now = clock.instant();
    try {
      return writer.submit(
          tx ->
              tx.prune(
                  now.minus(Duration.ofDays(config.hourlyRetentionDays())),
                  now.minus(Duration.ofDays(config.rawHeartbeatRetentionDays()))),
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

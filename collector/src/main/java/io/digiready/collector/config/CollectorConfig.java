package io.digiready.collector.config;

import io.digiready.protocol.ProbeTarget;
import java.nio.file.Path;
import java.util.List;

/** The collector's settings after file, environment and flags were merged and checked. */
public record CollectorConfig(
    int port,
    String bindAddress,
    int httpMaxThreads,
    int httpIdleTimeoutSeconds,
    int minRequestBytesPerSecond,
    Path dataDir,
    String adminToken,
    String sqliteSynchronous,
    Storage storage,
    int writerQueueCapacity,
    int heartbeatIntervalSeconds,
    boolean heartbeatRateLimit,
    int inventoryCheckIntervalSeconds,
    List<ProbeTarget> probeTargets,
    double workingWindowDays,
    int connectivityWindowHours,
    int rawHeartbeatRetentionDays,
    int hourlyRetentionDays,
    ReadinessPolicy readiness,
    int enrollmentTokenExpiryDays,
    int enrollmentsPerMinutePerToken,
    boolean metricsPerMachine,
    String metricsToken,
    String metricsUsername,
    String metricsPassword,
    Path tlsKeystoreFile,
    String tlsKeystorePassword,
    int unitHistoryRetentionDays,
    String reportLanguage,
    List<String> trustedProxies,
    int inventoriesPerHour) {

  /**
   * Where the data lives: the embedded SQLite file in {@code dataDir}, or a PostgreSQL database
   * shared by several collectors.
   */
  public record Storage(String engine, String jdbcUrl, String jdbcUser, Path jdbcPasswordFile) {
    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";

    public boolean postgresql() {
      return engine.equals(POSTGRESQL);
    }

    @Override
    public String toString() {
      return engine + (postgresql() ? " " + jdbcUrl : "");
    }
  }

  /**
   * Thresholds of the readiness rules and the weights of the readiness score. {@code
   * requireAntiMalware} false and {@code osUpdatedWithinDays} 0 switch those two rules off. {@code
   * weightSoftware} (default 0) adds software coverage to the score; {@code softwareTarget} is the
   * share of working computers that should have every required application.
   */
  public record ReadinessPolicy(
      double minMemoryGib,
      int minLogicalCpus,
      List<String> unsupportedOs,
      double minSystemDiskFreeRatio,
      double minSystemDiskFreeGib,
      long maxClockSkewSeconds,
      double weightEquipment,
      double weightConnectivity,
      double weightCompliance,
      boolean requireAntiMalware,
      int osUpdatedWithinDays,
      double weightSoftware,
      double softwareTarget) {}

  @Override
  public String toString() {
    // Secrets stay out of logs even when someone prints the whole config.
    return "CollectorConfig[port="
        + port
        + ", bindAddress="
        + bindAddress
        + ", dataDir="
        + dataDir
        + ", sqliteSynchronous="
        + sqliteSynchronous
        + ", storage="
        + storage
        + ", tls="
        + (tlsKeystoreFile != null)
        + "]";
  }
}

package io.digiready.collector.store;

import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A real store whose commits fail like a full disk while {@link #full} is set, or take {@link
 * #slowCommitMillis} longer like a busy disk (each such commit counts {@link #slowCommits} down).
 */
public final class FailingStore implements Store {
  private final Store real;
  public volatile boolean full;
  public volatile long slowCommitMillis;
  public final java.util.concurrent.Semaphore slowCommits = new java.util.concurrent.Semaphore(0);

  public FailingStore(Store real) {
    this.real = real;
  }

  @Override
  public Tx begin() {
    Tx tx = real.begin();
    return (Tx)
        Proxy.newProxyInstance(
            Tx.class.getClassLoader(),
            new Class<?>[] {Tx.class},
            (proxy, method, args) -> {
              if (full && method.getName().equals("commit")) {
                throw new SQLException("[SQLITE_FULL] database or disk is full");
              }
              if (slowCommitMillis > 0 && method.getName().equals("commit")) {
                slowCommits.release();
                Thread.sleep(slowCommitMillis);
              }
              try {
                return method.invoke(tx, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public List<Unit> loadUnits() {
    return real.loadUnits();
  }

  @Override
  public List<Machine> loadMachines() {
    return real.loadMachines();
  }

  @Override
  public List<EnrollmentToken> loadActiveEnrollmentTokens() {
    return real.loadActiveEnrollmentTokens();
  }

  @Override
  public List<TokenRow> enrollmentTokens(String unitCode) {
    return real.enrollmentTokens(unitCode);
  }

  @Override
  public List<io.digiready.collector.fleet.ViewerToken> loadActiveViewerTokens() {
    return real.loadActiveViewerTokens();
  }

  @Override
  public List<ViewerTokenRow> viewerTokens() {
    return real.viewerTokens();
  }

  @Override
  public List<UnitHourBucket> unitHistory(
      java.util.Collection<String> unitCodes, Instant from, Instant to) {
    return real.unitHistory(unitCodes, from, to);
  }

  @Override
  public List<EventRow> events(String machineId, int limit) {
    return real.events(machineId, limit);
  }

  @Override
  public List<HourBucket> history(String machineId, Instant from, Instant to) {
    return real.history(machineId, from, to);
  }

  @Override
  public Optional<String> inventoryJson(String machineId) {
    return real.inventoryJson(machineId);
  }

  @Override
  public Optional<io.digiready.protocol.Heartbeat> lastHeartbeat(String machineId) {
    return real.lastHeartbeat(machineId);
  }

  @Override
  public List<ProbeDay> unitProbeDays(
      java.util.Collection<String> unitCodes, java.time.LocalDate from, java.time.LocalDate to) {
    return real.unitProbeDays(unitCodes, from, to);
  }

  @Override
  public List<CoverageDay> coverageDays(
      java.util.Collection<String> unitCodes, java.time.LocalDate from, java.time.LocalDate to) {
    return real.coverageDays(unitCodes, from, to);
  }

  @Override
  public java.util.Map<String, java.time.LocalDate> lastClosedCoverageDays() {
    return real.lastClosedCoverageDays();
  }

  @Override
  public boolean readable() {
    return real.readable();
  }

  @Override
  public void close() {
    real.close();
  }

  @Override
  public Optional<SoftwareList> software(String machineId) {
    return real.software(machineId);
  }

  @Override
  public List<Installation> installations(String name) {
    return real.installations(name);
  }

  @Override
  public void installedReleases(java.util.Collection<String> machineIds, InstalledRelease each) {
    real.installedReleases(machineIds, each);
  }

  @Override
  public java.util.Map<Integer, Integer> releaseApplications(java.util.Collection<Integer> vids) {
    return real.releaseApplications(vids);
  }

  @Override
  public java.util.Set<String> softwareReported(java.util.Collection<String> machineIds) {
    return real.softwareReported(machineIds);
  }

  @Override
  public java.util.Map<Integer, String> softwareNames(java.util.Collection<Integer> sids) {
    return real.softwareNames(sids);
  }

  @Override
  public java.util.Map<Integer, String> softwareVersions(java.util.Collection<Integer> vids) {
    return real.softwareVersions(vids);
  }
}

package io.digiready.collector.store;

import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.fleet.ViewerToken;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The writes of one group commit. Used by the writer thread only. */
public interface Tx {

  void savepoint() throws SQLException;

  void releaseSavepoint() throws SQLException;

  void rollbackToSavepoint() throws SQLException;

  void commit() throws SQLException;

  void rollback();

  void upsertUnit(Unit unit, Instant now) throws SQLException;

  void insertEnrollmentToken(EnrollmentToken token) throws SQLException;

  boolean revokeEnrollmentToken(String id, Instant now) throws SQLException;

  void insertViewerToken(ViewerToken token) throws SQLException;

  boolean revokeViewerToken(String id, Instant now) throws SQLException;

  Optional<Machine> machine(String id) throws SQLException;

  /** Live machines of the unit whose hardware UUID or system serial equals a non-null argument. */
  List<Machine> machinesMatching(String unitCode, String hardwareUuid, String systemSerial)
      throws SQLException;

  void insertMachine(Machine machine) throws SQLException;

  /** Writes identity, token, unit, retirement and liveness (everything but inventory). */
  void updateMachine(Machine machine, String lastHeartbeatJson) throws SQLException;

  Optional<String> inventoryJson(String machineId) throws SQLException;

  void updateInventory(String machineId, Machine.Hardware hardware, String json)
      throws SQLException;

  void insertEvent(String machineId, String unitCode, Instant at, String kind, String detail)
      throws SQLException;

  void addHeartbeatHour(String machineId, long hourMillis, int heartbeats, int internetUp)
      throws SQLException;

  void addProbeHour(
      String machineId, long hourMillis, String target, String kind, boolean ok, Long latency)
      throws SQLException;

  void insertRawHeartbeat(String machineId, long seq, Instant receivedAt, String body)
      throws SQLException;

  /** Deletes hourly buckets and raw heartbeats older than the cut-offs; returns rows deleted. */
  int prune(Instant hourlyBefore, Instant rawBefore) throws SQLException;
}

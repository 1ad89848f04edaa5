package io.digiready.collector.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.metrics.IngestMetrics;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Tx;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.InventoryReport;
import io.digiready.protocol.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores an inventory when its content changed, recording each change as an event. */
public final class InventoryService {
  private static final ObjectMapper JSON = Json.mapper();
  private final Fleet fleet;
  private final GroupCommitWriter writer;
  private final IngestMetrics counters;
  private final Clock clock;

  public InventoryService(
      Fleet fleet, GroupCommitWriter writer, IngestMetrics counters, Clock clock) {
    this.fleet = fleet;
    this.writer = writer;
    this.counters = counters;
    this.clock = clock;
  }

  /** Returns whether the stored inventory changed. */
  public boolean report(String machineId, InventoryReport report) {
    if (!machineId.equals(report.machineId())) {
      throw Problem.forbidden("machineId", "this token belongs to another machine");
    }
    Instant now = clock.instant();
    Stored stored =
        writer.call(
            tx -> {
              Machine current = tx.machine(machineId).orElseThrow(Problem::unauthorized);
              return storeInTx(tx, current, report.inventory(), now);
            },
            s -> {
              if (s.changed()) {
                fleet.putMachine(s.machine());
              }
            });
    counters.inventory(stored.changed() ? "changed" : "unchanged");
    return stored.changed();
  }

  record Stored(Machine machine, boolean changed) {}

  /** Compares with the stored inventory and writes it and its change events when different. */
  Stored storeInTx(Tx tx, Machine machine, Inventory inventory, Instant now) throws Exception {
    Optional<String> storedJson = tx.inventoryJson(machine.id());
    if (storedJson.isPresent()) {
      Inventory stored = JSON.readValue(storedJson.get(), Inventory.class);
      List<String> changes = InventoryDiff.between(stored, inventory);
      if (changes.isEmpty()) {
        return new Stored(machine, false);
      }
      for (String change : changes) {
        tx.insertEvent(machine.id(), machine.unitCode(), now, "inventory_changed", change);
      }
    }
    Machine.Hardware hardware = Hardware.of(inventory, now);
    tx.updateInventory(machine.id(), hardware, JSON.writeValueAsString(inventory));
    Machine updated = machine.withHardware(hardware);
    String hostname = inventory.hostname().strip();
    if (!hostname.equals(machine.identity().hostname())) {
      // A renamed PC: dashboards and lists follow the name it has now.
      updated = updated.withHostname(hostname);
      tx.updateMachine(updated);
    }
    return new Stored(updated, true);
  }
}

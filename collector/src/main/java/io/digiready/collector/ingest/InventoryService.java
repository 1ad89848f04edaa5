package io.digiready.collector.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.digiready.collector.events.Phrase;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.RequiredApplication;
import io.digiready.collector.metrics.IngestMetrics;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.software.ProtectionChanges;
import io.digiready.collector.software.SoftwareChanges;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Tx;
import io.digiready.protocol.Inventory;
import io.digiready.protocol.InventoryReport;
import io.digiready.protocol.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stores an inventory when its content changed, recording each change as an event. The software
 * list goes to its own tables (never into the inventory's JSON): an inventory without one means
 * "unchanged since last sent" and keeps the stored list. Anti-malware and update status changes are
 * stored too; anti-malware ones also make events.
 */
public final class InventoryService {
  private static final ObjectMapper JSON = Json.mapper();
  private final Fleet fleet;
  private final GroupCommitWriter writer;
  private final IngestMetrics counters;
  private final Clock clock;
  private final Consumer<String> softwareChanged;
  private final RateLimit perMachine;
  private final int perHour;

  public InventoryService(
      Fleet fleet, GroupCommitWriter writer, IngestMetrics counters, Clock clock) {
    this(fleet, writer, counters, clock, unit -> {}, Integer.MAX_VALUE / 2);
  }

  /**
   * @param softwareChanged told the unit of a machine whose software list changed, after the commit
   */
  public InventoryService(
      Fleet fleet,
      GroupCommitWriter writer,
      IngestMetrics counters,
      Clock clock,
      Consumer<String> softwareChanged,
      int perHour) {
    this.fleet = fleet;
    this.writer = writer;
    this.counters = counters;
    this.clock = clock;
    this.softwareChanged = softwareChanged;
    this.perHour = perHour;
    this.perMachine = new RateLimit(perHour, Duration.ofHours(1));
  }

  /** Returns whether the stored inventory changed. */
  public boolean report(String machineId, InventoryReport report) {
    if (!machineId.equals(report.machineId())) {
      throw Problem.forbidden("machineId", "this token belongs to another machine");
    }
    Instant now = clock.instant();
    // An agent sends an inventory when something changed, a few a day: one that sends them without
    // end (broken, or a token misused) must not grow the database with every list it makes up.
    Duration wait = perMachine.take(machineId, now);
    if (wait != null) {
      throw Problem.tooManyRequests(
          "inventory: more than "
              + perHour
              + " inventories an hour from this machine (inventoriesPerHour); retry later",
          wait);
    }
    Stored stored =
        writer.call(
            tx -> {
              Machine current =
                  tx.machines()
                      .byId(machineId)
                      // Retired through another collector that this one has not followed yet.
                      .filter(m -> m.retiredAt() == null)
                      .orElseThrow(Problem::unauthorized);
              return storeInTx(tx, current, report.inventory(), now);
            },
            s -> {
              if (s.changed()) {
                fleet.putMachine(s.machine());
              }
              if (s.softwareChanged()) {
                softwareChanged.accept(s.machine().unitCode());
              }
            });
    counters.inventory(stored.changed() ? "changed" : "unchanged");
    return stored.changed();
  }

  record Stored(Machine machine, boolean changed, boolean softwareChanged) {}

  /** Compares with the stored inventory and writes it and its change events when different. */
  Stored storeInTx(Tx tx, Machine machine, Inventory received, Instant now) throws Exception {
    List<Inventory.Software> software = received.software();
    Inventory inventory = received.withSoftware(null);
    Optional<String> storedJson = tx.machines().inventoryJson(machine.id());
    boolean changed = true;
    if (storedJson.isPresent()) {
      Inventory stored = JSON.readValue(storedJson.get(), Inventory.class);
      // A list kept in the JSON by a collector older than the software tables moves there now.
      boolean listInJson = stored.software() != null;
      if (software == null && listInJson) {
        software = stored.software();
      }
      stored = stored.withSoftware(null);
      List<Phrase> changes = InventoryDiff.between(stored, inventory);
      List<Phrase> protection =
          ProtectionChanges.between(stored.protection(), inventory.protection());
      for (Phrase change : changes) {
        tx.events()
            .insert(machine.id(), machine.unitCode(), now, "inventory_changed", change.stored());
      }
      for (Phrase change : protection) {
        tx.events()
            .insert(machine.id(), machine.unitCode(), now, "protection_changed", change.stored());
      }
      // An update installed or a reboot done changes no hardware and makes no event, but readiness
      // needs the date: store it.
      changed =
          !changes.isEmpty()
              || listInJson
              || !Objects.equals(stored.protection(), inventory.protection())
              || !Objects.equals(stored.updates(), inventory.updates());
    }
    boolean softwareChanged = false;
    if (software != null) {
      Optional<List<Inventory.Software>> before = tx.software().list(machine.id());
      if (tx.software().replace(machine.id(), software, now)) {
        softwareChanged = true;
        List<Inventory.Software> after = tx.software().list(machine.id()).orElseThrow();
        for (Phrase change : SoftwareChanges.between(before.orElse(null), after)) {
          tx.events()
              .insert(machine.id(), machine.unitCode(), now, "software_changed", change.stored());
        }
      }
    }
    // Matched here, once per list that arrives, so that counting software-ready machines is a
    // boolean per machine and never a pass over software rows.
    List<String> missing = machine.hardware().softwareMissing();
    if (software != null) {
      List<String> names = new ArrayList<>(software.size());
      software.forEach(a -> names.add(a.name()));
      missing = RequiredApplication.missing(fleet.requiredFor(machine.unitCode()), names);
    }
    boolean missingChanged = !Objects.equals(missing, machine.hardware().softwareMissing());
    if (!changed && !softwareChanged && !missingChanged) {
      return new Stored(machine, false, false);
    }
    Machine.Hardware hardware =
        Hardware.of(inventory, now, softwareChanged ? now : machine.hardware().softwareAt())
            .withSoftwareMissing(missing);
    tx.machines().updateInventory(machine.id(), hardware, JSON.writeValueAsString(inventory));
    Machine updated = machine.withHardware(hardware);
    String hostname = inventory.hostname().strip();
    if (!hostname.equals(machine.identity().hostname())) {
      // A renamed PC: dashboards and lists follow the name it has now.
      updated = updated.withHostname(hostname);
      tx.machines().update(updated);
    }
    return new Stored(updated, true, softwareChanged);
  }
}

package io.digiready.collector.ingest;

import io.digiready.collector.fleet.Machine;
import io.digiready.protocol.Inventory;
import java.time.Instant;

/** Extracts the figures readiness and metrics need from a full inventory. */
final class Hardware {
  private Hardware() {}

  /** {@code softwareAt}: when the software list last changed, kept as the machine had it. */
  static Machine.Hardware of(Inventory inv, Instant receivedAt, Instant softwareAt) {
    Long memory = null;
    if (inv.memory() != null) {
      long modules = 0;
      for (var m : inv.memory().modules()) {
        modules += m.sizeBytes() == null ? 0 : m.sizeBytes();
      }
      // Installed modules are the truer figure; the OS total misses what firmware reserves.
      memory = modules > 0 ? modules : inv.memory().totalBytes();
    }
    var p = inv.processor();
    var os = inv.os();
    return new Machine.Hardware(
        memory,
        p == null ? null : p.logicalCores(),
        p == null ? null : p.name(),
        os == null ? null : os.family(),
        os == null ? null : os.version(),
        receivedAt,
        Machine.AntiMalware.of(inv.protection()),
        inv.updates() == null ? null : inv.updates().lastInstalledAt(),
        softwareAt,
        null);
  }
}

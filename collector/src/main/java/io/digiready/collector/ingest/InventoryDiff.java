package io.digiready.collector.ingest;

import io.digiready.collector.events.Phrase;
import io.digiready.protocol.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The differences between two inventories as phrases ("memory 8 GiB -> 4 GiB", "disk WDC-123
 * removed" in English). Figures that move on their own (free space, boot time, addresses,
 * collection time) are not compared, so an unchanged PC produces no change.
 */
final class InventoryDiff {
  private InventoryDiff() {}

  static List<Phrase> between(Inventory before, Inventory after) {
    List<Phrase> changes = new ArrayList<>();
    field(changes, "hostname", before.hostname(), after.hostname());
    field(changes, "agentVersion", before.agentVersion(), after.agentVersion());
    field(changes, "memory", bytes(memory(before)), bytes(memory(after)));
    var pb = before.processor();
    var pa = after.processor();
    field(changes, "processor", pb == null ? null : pb.name(), pa == null ? null : pa.name());
    field(
        changes,
        "logicalCpus",
        pb == null || pb.logicalCores() == null ? null : (long) pb.logicalCores(),
        pa == null || pa.logicalCores() == null ? null : (long) pa.logicalCores());
    field(changes, "os", os(before), os(after));
    var fb = before.firmware();
    var fa = after.firmware();
    field(changes, "firmware", fb == null ? null : fb.version(), fa == null ? null : fa.version());
    var sb = before.system();
    var sa = after.system();
    field(changes, "model", sb == null ? null : sb.model(), sa == null ? null : sa.model());
    field(
        changes,
        "systemSerial",
        sb == null ? null : sb.serialNumber(),
        sa == null ? null : sa.serialNumber());
    parts(changes, "disk", disks(before), disks(after));
    parts(changes, "nic", nics(before), nics(after));
    parts(changes, "fileSystem", fileSystems(before), fileSystems(after));
    return changes;
  }

  private static void field(List<Phrase> out, String name, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      out.add(
          Phrase.of(
              "changed", "field", Phrase.of("field." + name), "before", before, "after", after));
    }
  }

  private static void parts(
      List<Phrase> out, String name, Map<String, Object> before, Map<String, Object> after) {
    Phrase part = Phrase.of("part." + name);
    before.forEach(
        (key, desc) -> {
          if (!after.containsKey(key)) {
            out.add(Phrase.of("partRemoved", "part", part, "what", desc));
          }
        });
    after.forEach(
        (key, desc) -> {
          if (!before.containsKey(key)) {
            out.add(Phrase.of("partAdded", "part", part, "what", desc));
          }
        });
  }

  private static Long memory(Inventory inv) {
    return inv.memory() == null ? null : inv.memory().totalBytes();
  }

  private static Phrase.Bytes bytes(Long bytes) {
    return bytes == null ? null : new Phrase.Bytes(bytes);
  }

  private static String os(Inventory inv) {
    var os = inv.os();
    if (os == null) {
      return null;
    }
    return String.join(
            " ",
            Objects.toString(os.family(), ""),
            Objects.toString(os.version(), ""),
            os.build() == null ? "" : "(build " + os.build() + ")")
        .strip();
  }

  /** A disk by its serial, or by its model (or the word disk) and size. */
  private static Map<String, Object> disks(Inventory inv) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (var d : inv.disks()) {
      Object desc =
          d.serialNumber() != null
              ? d.serialNumber()
              : Phrase.of(
                  "sized",
                  "name",
                  d.model() != null ? d.model() : Phrase.of("part.disk"),
                  "size",
                  bytes(d.sizeBytes()));
      out.put(Objects.toString(d.serialNumber(), String.valueOf(desc)) + "|" + d.sizeBytes(), desc);
    }
    return out;
  }

  private static Map<String, Object> nics(Inventory inv) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (var n : inv.networkInterfaces()) {
      String desc = n.name() + (n.mac() == null ? "" : " " + n.mac());
      out.put(desc, desc);
    }
    return out;
  }

  private static Map<String, Object> fileSystems(Inventory inv) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (var fs : inv.fileSystems()) {
      out.put(
          fs.mount() + "|" + fs.totalBytes(),
          Phrase.of("sized", "name", fs.mount(), "size", bytes(fs.totalBytes())));
    }
    return out;
  }
}

package io.digiready.collector.ingest;

import io.digiready.protocol.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Readable differences between two inventories ("memory 8 GiB -> 4 GiB", "disk WDC-123 removed").
 * Figures that move on their own (free space, boot time, addresses, collection time) are not
 * compared, so an unchanged PC produces no change.
 */
final class InventoryDiff {
  private static final double GIB = 1024.0 * 1024 * 1024;

  private InventoryDiff() {}

  static List<String> between(Inventory before, Inventory after) {
    List<String> changes = new ArrayList<>();
    field(changes, "hostname", before.hostname(), after.hostname());
    field(changes, "agent version", before.agentVersion(), after.agentVersion());
    field(changes, "memory", gib(memory(before)), gib(memory(after)));
    var pb = before.processor();
    var pa = after.processor();
    field(changes, "processor", pb == null ? null : pb.name(), pa == null ? null : pa.name());
    field(
        changes,
        "logical CPUs",
        pb == null ? null : pb.logicalCores(),
        pa == null ? null : pa.logicalCores());
    field(changes, "os", os(before), os(after));
    var fb = before.firmware();
    var fa = after.firmware();
    field(changes, "firmware", fb == null ? null : fb.version(), fa == null ? null : fa.version());
    var sb = before.system();
    var sa = after.system();
    field(changes, "model", sb == null ? null : sb.model(), sa == null ? null : sa.model());
    field(
        changes,
        "system serial",
        sb == null ? null : sb.serialNumber(),
        sa == null ? null : sa.serialNumber());
    parts(changes, "disk", disks(before), disks(after));
    parts(changes, "network interface", nics(before), nics(after));
    parts(changes, "file system", fileSystems(before), fileSystems(after));
    return changes;
  }

  private static void field(List<String> out, String name, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      out.add(name + " " + show(before) + " -> " + show(after));
    }
  }

  private static String show(Object value) {
    return value == null ? "unknown" : value.toString();
  }

  private static void parts(
      List<String> out, String name, Map<String, String> before, Map<String, String> after) {
    before.forEach(
        (key, desc) -> {
          if (!after.containsKey(key)) {
            out.add(name + " " + desc + " removed");
          }
        });
    after.forEach(
        (key, desc) -> {
          if (!before.containsKey(key)) {
            out.add(name + " " + desc + " added");
          }
        });
  }

  private static Long memory(Inventory inv) {
    return inv.memory() == null ? null : inv.memory().totalBytes();
  }

  private static String gib(Long bytes) {
    if (bytes == null) {
      return null;
    }
    String s = String.format(Locale.ROOT, "%.1f", bytes / GIB).replaceAll("\\.0$", "");
    return s + " GiB";
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

  private static Map<String, String> disks(Inventory inv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (var d : inv.disks()) {
      String desc =
          d.serialNumber() != null
              ? d.serialNumber()
              : Objects.toString(d.model(), "disk") + " " + gib(d.sizeBytes());
      out.put(Objects.toString(d.serialNumber(), desc) + "|" + d.sizeBytes(), desc);
    }
    return out;
  }

  private static Map<String, String> nics(Inventory inv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (var n : inv.networkInterfaces()) {
      String desc = n.name() + (n.mac() == null ? "" : " " + n.mac());
      out.put(desc, desc);
    }
    return out;
  }

  private static Map<String, String> fileSystems(Inventory inv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (var fs : inv.fileSystems()) {
      String desc = fs.mount() + " " + gib(fs.totalBytes());
      out.put(desc, desc);
    }
    return out;
  }
}

package io.digiready.collector.software;

import io.digiready.protocol.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The events a change of anti-malware status makes, product by product: "anti-malware Windows
 * Defender switched off", "anti-malware Kaspersky Endpoint Security for Windows definitions out of
 * date", "... added", "... removed", and when the status becomes known or unknown. At most 16
 * products per machine (the protocol's bound), so this stays small without a cap of its own.
 */
public final class ProtectionChanges {
  private ProtectionChanges() {}

  public static List<String> between(Inventory.Protection before, Inventory.Protection after) {
    List<Inventory.AntiMalware> was = before == null ? null : before.antiMalware();
    List<Inventory.AntiMalware> now = after == null ? null : after.antiMalware();
    List<String> out = new ArrayList<>();
    if (was == null && now == null) {
      return out;
    }
    if (was == null) {
      out.add("anti-malware reported: " + describe(now));
      return out;
    }
    if (now == null) {
      out.add("anti-malware status no longer reported");
      return out;
    }
    Map<String, Inventory.AntiMalware> old = byName(was);
    Map<String, Inventory.AntiMalware> current = byName(now);
    current.forEach(
        (name, p) -> {
          Inventory.AntiMalware o = old.get(name);
          if (o == null) {
            out.add("anti-malware " + name + " added (" + state(p) + ")");
            return;
          }
          if (!Objects.equals(o.enabled(), p.enabled()) && p.enabled() != null) {
            out.add("anti-malware " + name + (p.enabled() ? " switched on" : " switched off"));
          }
          if (!Objects.equals(o.upToDate(), p.upToDate()) && p.upToDate() != null) {
            out.add(
                "anti-malware "
                    + name
                    + (p.upToDate() ? " definitions up to date" : " definitions out of date"));
          }
        });
    old.keySet().stream()
        .filter(name -> !current.containsKey(name))
        .forEach(name -> out.add("anti-malware " + name + " removed"));
    return out;
  }

  private static Map<String, Inventory.AntiMalware> byName(List<Inventory.AntiMalware> list) {
    Map<String, Inventory.AntiMalware> out = new LinkedHashMap<>();
    for (Inventory.AntiMalware p : list) {
      if (p != null && p.name() != null) {
        out.putIfAbsent(p.name().strip(), p);
      }
    }
    return out;
  }

  private static String describe(List<Inventory.AntiMalware> list) {
    if (list.isEmpty()) {
      return "no product";
    }
    List<String> parts = new ArrayList<>();
    for (Inventory.AntiMalware p : list) {
      parts.add(p.name() + " (" + state(p) + ")");
    }
    return String.join(", ", parts);
  }

  private static String state(Inventory.AntiMalware p) {
    String enabled =
        p.enabled() == null ? "on/off unknown" : p.enabled() ? "enabled" : "switched off";
    String definitions =
        p.upToDate() == null
            ? "definitions unknown"
            : p.upToDate() ? "up to date" : "definitions out of date";
    return enabled + ", " + definitions;
  }
}

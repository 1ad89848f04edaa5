package io.digiready.collector.software;

import io.digiready.collector.events.Phrase;
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

  public static List<Phrase> between(Inventory.Protection before, Inventory.Protection after) {
    List<Inventory.AntiMalware> was = before == null ? null : before.antiMalware();
    List<Inventory.AntiMalware> now = after == null ? null : after.antiMalware();
    List<Phrase> out = new ArrayList<>();
    if (was == null && now == null) {
      return out;
    }
    if (was == null) {
      out.add(Phrase.of("avReported", "products", describe(now)));
      return out;
    }
    if (now == null) {
      out.add(Phrase.of("avNoLongerReported"));
      return out;
    }
    Map<String, Inventory.AntiMalware> old = byName(was);
    Map<String, Inventory.AntiMalware> current = byName(now);
    current.forEach(
        (name, p) -> {
          Inventory.AntiMalware o = old.get(name);
          if (o == null) {
            out.add(Phrase.of("avAdded", "name", name, "state", state(p)));
            return;
          }
          if (!Objects.equals(o.enabled(), p.enabled()) && p.enabled() != null) {
            out.add(Phrase.of(p.enabled() ? "avSwitchedOn" : "avSwitchedOff", "name", name));
          }
          if (!Objects.equals(o.upToDate(), p.upToDate()) && p.upToDate() != null) {
            out.add(Phrase.of(p.upToDate() ? "avNowCurrent" : "avNowOutdated", "name", name));
          }
        });
    old.keySet().stream()
        .filter(name -> !current.containsKey(name))
        .forEach(name -> out.add(Phrase.of("avRemoved", "name", name)));
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

  private static Object describe(List<Inventory.AntiMalware> list) {
    if (list.isEmpty()) {
      return Phrase.of("avNoProduct");
    }
    List<Phrase> parts = new ArrayList<>();
    for (Inventory.AntiMalware p : list) {
      parts.add(Phrase.of("avProduct", "name", p.name(), "state", state(p)));
    }
    return Phrase.joined(", ", parts);
  }

  private static Phrase state(Inventory.AntiMalware p) {
    String enabled =
        p.enabled() == null ? "avOnOffUnknown" : p.enabled() ? "avEnabled" : "avDisabled";
    String definitions =
        p.upToDate() == null ? "avDefinitionsUnknown" : p.upToDate() ? "avCurrent" : "avOutdated";
    return Phrase.of(
        "avState", "enabled", Phrase.of(enabled), "definitions", Phrase.of(definitions));
  }
}

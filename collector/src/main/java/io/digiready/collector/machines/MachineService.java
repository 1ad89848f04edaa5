package io.digiready.collector.machines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digiready.collector.coverage.CoverageCalculator;
import io.digiready.collector.coverage.MachineState;
import io.digiready.collector.coverage.Readiness;
import io.digiready.collector.events.EventWords;
import io.digiready.collector.events.Phrase;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.RequiredApplication;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.paging.Cursor;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.reports.Language;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Store;
import io.digiready.protocol.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The admin view of machines: lists, one machine in full, its history, retire and move. */
public final class MachineService {
  public static final Duration MAX_HISTORY = Duration.ofDays(400);
  private static final ObjectMapper JSON = Json.mapper();

  private final Fleet fleet;
  private final Store store;
  private final GroupCommitWriter writer;
  private final CoverageCalculator coverage;
  private final Clock clock;

  public MachineService(
      Fleet fleet,
      Store store,
      GroupCommitWriter writer,
      CoverageCalculator coverage,
      Clock clock) {
    this.fleet = fleet;
    this.store = store;
    this.writer = writer;
    this.coverage = coverage;
    this.clock = clock;
  }

  /** {@code unitName}: the machine's unit's name, for lists that span many units. */
  public record Summary(
      String machineId,
      String unit,
      String unitName,
      String hostname,
      String state,
      Instant lastSeenAt,
      Boolean internetUp,
      boolean compliant,
      List<Readiness.Check> failing) {}

  public record Detail(
      String machineId,
      String unit,
      String hostname,
      String state,
      Instant enrolledAt,
      Instant retiredAt,
      Instant lastSeenAt,
      Instant lastHeartbeatAt,
      long lastSeq,
      long lostHeartbeats,
      Boolean internetUp,
      Instant lastInternetOkAt,
      Machine.Identity fingerprint,
      String possibleDuplicateOf,
      Readiness.Result readiness,
      JsonNode lastHeartbeat,
      JsonNode inventory,
      List<Event> events,
      RequiredSoftware requiredSoftware) {}

  /**
   * The unit's required applications (its own or inherited) and the labels of those the machine's
   * software list lacks; {@code ready} when it has them all (a working machine counts towards the
   * unit's software coverage then).
   */
  public record RequiredSoftware(
      boolean ready, List<String> missing, List<RequiredApplication> required) {}

  /**
   * An event as a reader sees it: {@code detail} in {@code detailLanguage}, which is the language
   * asked for, or English for an event written as text by an older version.
   */
  public record Event(
      long id,
      String machineId,
      String unitCode,
      Instant at,
      String kind,
      String detail,
      String detailLanguage) {}

  /**
   * Machines of a unit's subtree (or all, when {@code unit} is null) in a state (or any, when
   * {@code wanted} is null), ordered by unit and hostname.
   */
  public List<Summary> list(String unit, MachineState wanted) {
    return list(unit, wanted, null);
  }

  /** The same, only the working machines failing the policy when {@code failing} is true. */
  public List<Summary> list(String unit, MachineState wanted, Boolean failing) {
    List<CoverageCalculator.MachineView> views = new ArrayList<>();
    matching(unit, wanted, failing, views::add);
    return views.stream().map(this::summary).sorted(MachinePage.ORDER).toList();
  }

  /**
   * A page of the same, {@code limit} from the cursor's place, with how many match in all: what a
   * unit page of a ministry (a million machines below it) can ask without the whole list.
   */
  public MachinePage page(
      String unit, MachineState wanted, Boolean failing, int limit, String cursor) {
    if (limit < 1 || limit > MachinePage.MAX_LIMIT) {
      throw Problem.invalid("limit", "must be a whole number from 1 to " + MachinePage.MAX_LIMIT);
    }
    int offset = Cursor.offset(cursor);
    MachinePage.Collector pages = new MachinePage.Collector(offset, limit);
    matching(unit, wanted, failing, pages::offer);
    return pages.page(unit, wanted, failing, this::summary);
  }

  private void matching(
      String unit,
      MachineState wanted,
      Boolean failing,
      Consumer<CoverageCalculator.MachineView> out) {
    Set<String> units = null;
    if (unit != null) {
      fleet.requireUnit(unit);
      units = fleet.subtree(unit);
    }
    Instant now = clock.instant();
    for (Machine m : units == null ? fleet.machines() : fleet.machinesIn(units)) {
      var v = coverage.view(m, fleet, now);
      boolean fails = v.state().working() && !v.compliant();
      if ((wanted == null || v.state() == wanted) && (failing == null || failing == fails)) {
        out.accept(v);
      }
    }
  }

  private Summary summary(CoverageCalculator.MachineView v) {
    return new Summary(
        v.machine().id(),
        v.machine().unitCode(),
        fleet.unit(v.machine().unitCode()).map(Unit::name).orElse(null),
        v.machine().identity().hostname(),
        v.state().label(),
        v.machine().liveness().lastSeenAt(),
        v.machine().liveness().internetUp(),
        v.compliant(),
        v.compliant() ? List.of() : v.readiness().failing());
  }

  /**
   * One machine in full. Without {@code withIdentifiers} (a viewer) the hardware UUID, serial
   * numbers, MAC addresses and OS install id are left out, of the fingerprint and of the inventory:
   * they are what an enrollment is matched on.
   */
  public Detail detail(String id, boolean withIdentifiers) {
    return detail(id, withIdentifiers, Language.EN);
  }

  /** One machine in full, its events said in {@code language}. */
  public Detail detail(String id, boolean withIdentifiers, Language language) {
    Machine m = machine(id);
    var v = coverage.view(m, fleet, clock.instant());
    var l = m.liveness();
    JsonNode inventory = tree(store.inventoryJson(id).orElse(null));
    if (!withIdentifiers) {
      withoutIdentifiers(inventory);
    }
    return new Detail(
        m.id(),
        m.unitCode(),
        m.identity().hostname(),
        v.state().label(),
        m.enrolledAt(),
        m.retiredAt(),
        l.lastSeenAt(),
        l.lastHeartbeatAt(),
        l.lastSeq(),
        l.lostHeartbeats(),
        l.internetUp(),
        l.lastInternetOkAt(),
        withIdentifiers
            ? m.identity()
            : new Machine.Identity(m.identity().hostname(), null, null, null, null, null),
        m.possibleDuplicateOf(),
        v.readiness(),
        store.lastHeartbeat(id).map(h -> (JsonNode) JSON.valueToTree(h)).orElse(null),
        inventory,
        events(m, withIdentifiers, EventWords.of(language)),
        requiredSoftware(m, v.softwareReady()));
  }

  private RequiredSoftware requiredSoftware(Machine m, boolean ready) {
    List<RequiredApplication> required = fleet.requiredFor(m.unitCode());
    List<String> missing = m.hardware().softwareMissing();
    if (missing == null) {
      missing = required.stream().map(RequiredApplication::label).toList();
    }
    return new RequiredSoftware(ready, missing, required);
  }

  private static final Pattern MAC = Pattern.compile("(?i)\\b[0-9a-f]{2}([:-][0-9a-f]{2}){5}\\b");

  /**
   * The machine's latest events in the reader's words, times in its unit's zone. Inventory change
   * events name serials and MAC addresses ("disk WDC-123 removed"): without {@code withIdentifiers}
   * (a viewer) they say what changed, not the identifiers.
   */
  private List<Event> events(Machine m, boolean withIdentifiers, EventWords words) {
    ZoneId zone = fleet.zone(m.unitCode());
    return store.events(m.id(), 100).stream()
        .map(
            e -> {
              Phrase phrase = Phrase.fromStored(e.detail());
              String language = words.language().code();
              String d;
              if (phrase == null) {
                d = withIdentifiers ? e.detail() : olderWithoutIdentifiers(e.kind(), e.detail());
                language = Language.EN.code();
              } else {
                d = words.say(withIdentifiers ? phrase : withoutIdentifiers(phrase), zone);
              }
              if (!withIdentifiers) {
                d = MAC.matcher(d).replaceAll("(MAC hidden)");
              }
              return new Event(e.id(), e.machineId(), e.unitCode(), e.at(), e.kind(), d, language);
            })
        .toList();
  }

  private static Phrase withoutIdentifiers(Phrase p) {
    Object field = p.values().get("field");
    Object part = p.values().get("part");
    if (p.key().equals("changed")
        && field instanceof Phrase f
        && f.key().equals("field.systemSerial")) {
      return Phrase.of("serialChanged");
    }
    if (part instanceof Phrase d && d.key().equals("part.disk")) {
      return Phrase.of(p.key().equals("partRemoved") ? "diskRemoved" : "diskAdded");
    }
    return p;
  }

  /** The same for an event an older version wrote as English text. */
  private static String olderWithoutIdentifiers(String kind, String d) {
    if (kind.equals("inventory_changed")) {
      if (d.startsWith("system serial ")) {
        return "system serial changed";
      } else if (d.startsWith("disk ")) {
        return d.endsWith(" removed") ? "a disk was removed" : "a disk was added";
      }
    }
    return d;
  }

  /** The inventory's fields that identify the hardware, by their place in the inventory. */
  private static void withoutIdentifiers(JsonNode inventory) {
    if (inventory == null) {
      return;
    }
    remove(inventory.get("system"), "serialNumber", "hardwareUuid");
    remove(inventory.get("baseboard"), "serialNumber");
    for (String list : List.of("disks", "networkInterfaces")) {
      JsonNode items = inventory.get(list);
      if (items != null) {
        items.forEach(item -> remove(item, "serialNumber", "mac"));
      }
    }
  }

  private static void remove(JsonNode node, String... fields) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of(fields));
    }
  }

  public record History(
      String machineId, Instant from, Instant to, List<Store.HourBucket> buckets) {}

  /** Hourly buckets from {@code from} to {@code to}; null means the last day up to this hour. */
  public History history(String id, Instant fromOrNull, Instant toOrNull) {
    machine(id);
    Instant now = clock.instant();
    // Buckets are named by the hour they start; the current hour's bucket is included by default.
    Instant to =
        toOrNull != null ? toOrNull : now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    Instant from =
        (fromOrNull != null ? fromOrNull : to.minus(Duration.ofDays(1)))
            .truncatedTo(ChronoUnit.HOURS);
    if (!from.isBefore(to)) {
      throw Problem.invalid("from", "must be before to");
    }
    if (Duration.between(from, to).compareTo(MAX_HISTORY) > 0) {
      throw Problem.invalid("from", "at most 400 days before to");
    }
    return new History(id, from, to, store.history(id, from, to));
  }

  public Detail retire(String id) {
    Machine m = machine(id);
    if (m.retiredAt() == null) {
      Instant now = clock.instant();
      writer.call(
          tx -> {
            Machine retired = tx.machines().byId(id).orElseThrow().retired(now);
            tx.machines().update(retired);
            tx.events().insert(id, m.unitCode(), now, "retired", Phrase.of("retired").stored());
            return retired;
          },
          fleet::putMachine);
    }
    return detail(id, true);
  }

  public Detail move(String id, String unit) {
    if (unit == null || unit.isEmpty()) {
      throw Problem.invalid("unit", "is required");
    }
    Machine m = machine(id);
    fleet
        .unit(unit)
        .orElseThrow(
            () -> Problem.invalid("unit", "unknown unit. Found: " + Problem.shorten(unit)));
    if (!m.unitCode().equals(unit)) {
      Instant now = clock.instant();
      writer.call(
          tx -> {
            Machine moved = tx.machines().byId(id).orElseThrow().withUnit(unit);
            tx.machines().update(moved);
            tx.events()
                .insert(
                    id,
                    unit,
                    now,
                    "moved",
                    Phrase.of("moved", "from", m.unitCode(), "to", unit).stored());
            return moved;
          },
          fleet::putMachine);
    }
    return detail(id, true);
  }

  private Machine machine(String id) {
    return fleet
        .machine(id)
        .orElseThrow(
            () -> Problem.notFound("machine", "unknown machine. Found: " + Problem.shorten(id)));
  }

  private static JsonNode tree(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON unreadable", e);
    }
  }
}

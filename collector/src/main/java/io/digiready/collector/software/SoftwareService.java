package io.digiready.collector.software;

import io.digiready.collector.config.CollectorConfig;
import io.digiready.collector.coverage.MachineState;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Machine;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.store.Store;
import io.digiready.protocol.Inventory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The software questions administrators ask: what one machine has, which machines have an
 * application (by unit, with versions), and the most common applications of a subtree with their
 * version spread.
 *
 * <p>The answers cover every machine that is not retired, stale ones included (with their state):
 * what a PC not seen for a week had installed is still the best knowledge there is. Machines whose
 * agent never sent a list (older agents) are counted apart ({@code machinesWithSoftware}).
 *
 * <p>Which machines have an application is one indexed lookup. A subtree's summary adds up counts
 * kept in memory per unit ({@link UnitSoftware}), each rebuilt from the database when its unit's
 * machines changed: reading every installation of a province for each question would take seconds.
 */
public final class SoftwareService {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;
  public static final int MAX_NAME = 1024;

  /** Versions listed per application in a summary; the rest are only counted. */
  static final int MAX_VERSIONS = 50;

  private final Fleet fleet;
  private final Store store;
  private final CollectorConfig config;
  private final Clock clock;
  private final Map<String, UnitSoftware> units = new ConcurrentHashMap<>();
  private final UnitSoftware.Applications applications;

  public SoftwareService(Fleet fleet, Store store, CollectorConfig config, Clock clock) {
    this.fleet = fleet;
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.applications = new UnitSoftware.Applications(store);
  }

  /** Drops the unit's counts: its software changed on this collector (called after commit). */
  public void changed(String unitCode) {
    units.remove(unitCode);
  }

  /** Applications listed per page of one machine's list unless the caller asks for more. */
  public static final int DEFAULT_PAGE = 50;

  /** The most a caller may ask for in one page. */
  public static final int MAX_PAGE = 500;

  /** The longest filter text. */
  public static final int MAX_QUERY = 200;

  /**
   * One page of a machine's list. {@code software} is null when the agent never sent a list; else
   * the applications from {@code offset} that match {@code q} (null: all), at most {@code limit}.
   * {@code count} and {@code total} are both the size of the whole list ({@code count} is the name
   * older clients read), {@code matched} how many match {@code q}, {@code nextOffset} where the
   * next page starts (null on the last page).
   */
  public record MachineSoftware(
      String machineId,
      Instant reportedAt,
      Integer count,
      List<Inventory.Software> software,
      Integer total,
      Integer matched,
      String q,
      int offset,
      int limit,
      Integer nextOffset) {}

  /** The first {@value #DEFAULT_PAGE} applications of the machine's list, unfiltered. */
  public MachineSoftware ofMachine(String id) {
    return ofMachine(id, null, 0, DEFAULT_PAGE);
  }

  /**
   * The applications of the machine whose name contains {@code query} ignoring case (null or blank:
   * all), from {@code offset}, at most {@code limit}, in the stored order (by name).
   */
  public MachineSoftware ofMachine(String id, String query, int offset, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw Problem.invalid("limit", "must be from 1 to " + MAX_PAGE);
    }
    if (offset < 0) {
      throw Problem.invalid("offset", "must be 0 or more");
    }
    NameFilter filter = NameFilter.of(query);
    fleet
        .machine(id)
        .orElseThrow(
            () -> Problem.notFound("machine", "unknown machine. Found: " + Problem.shorten(id)));
    Store.SoftwareList list = store.software(id).orElse(null);
    if (list == null) {
      return new MachineSoftware(
          id, null, null, null, null, null, filter.text(), offset, limit, null);
    }
    List<Inventory.Software> all = list.software();
    List<Inventory.Software> matching =
        filter.text() == null ? all : all.stream().filter(a -> filter.matches(a.name())).toList();
    int from = Math.min(offset, matching.size());
    int to = Math.min(matching.size(), from + limit);
    return new MachineSoftware(
        id,
        list.reportedAt(),
        all.size(),
        List.copyOf(matching.subList(from, to)),
        all.size(),
        matching.size(),
        filter.text(),
        offset,
        limit,
        to < matching.size() ? to : null);
  }

  public record VersionCount(String version, int machines) {}

  public record Holder(
      String machineId,
      String hostname,
      String state,
      String version,
      String vendor,
      LocalDate installDate) {}

  public record UnitHolders(
      String unit, String name, int machines, List<VersionCount> versions, List<Holder> holders) {}

  /**
   * {@code names}: the spellings found (the lookup ignores case); {@code machines}: how many
   * machines have at least one release.
   */
  public record Holders(
      String name,
      String unit,
      List<String> names,
      int machines,
      List<VersionCount> versions,
      List<UnitHolders> units) {}

  /** Machines of the subtree of {@code unit} (null: all) that have the application. */
  public Holders holders(String typed, String unit) {
    // The name as stored: in NFC, whichever way the caller's keyboard or script composed it.
    String name = io.digiready.protocol.Text.nfc(typed);
    if (name == null || name.isBlank()) {
      throw Problem.invalid(
          "name", "is required: the application's name, e.g. Google Chrome (or q: a part of it)");
    }
    if (name.length() > MAX_NAME) {
      throw Problem.invalid("name", "at most " + MAX_NAME + " characters");
    }
    Set<String> scope = unit == null ? null : subtree(unit);
    Instant now = clock.instant();
    Set<String> names = new LinkedHashSet<>();
    Map<String, List<Holder>> byUnit = new TreeMap<>();
    Map<String, Set<String>> machinesByVersion = new HashMap<>();
    Set<String> machines = new HashSet<>();
    for (Store.Installation i : store.installations(name)) {
      Machine m = fleet.machine(i.machineId()).orElse(null);
      if (m == null || m.retiredAt() != null || (scope != null && !scope.contains(m.unitCode()))) {
        continue;
      }
      names.add(i.name());
      machines.add(m.id());
      machinesByVersion.computeIfAbsent(i.version(), v -> new HashSet<>()).add(m.id());
      byUnit
          .computeIfAbsent(m.unitCode(), u -> new ArrayList<>())
          .add(
              new Holder(
                  m.id(),
                  m.identity().hostname(),
                  MachineState.of(
                          m, now, config.heartbeatIntervalSeconds(), config.workingWindowDays())
                      .label(),
                  i.version(),
                  i.vendor(),
                  i.installDate()));
    }
    List<UnitHolders> out = new ArrayList<>();
    byUnit.forEach(
        (code, holders) -> {
          holders.sort(
              Comparator.comparing((Holder h) -> String.valueOf(h.hostname()))
                  .thenComparing(Holder::machineId)
                  .thenComparing(h -> String.valueOf(h.version())));
          Map<String, Set<String>> versions = new HashMap<>();
          for (Holder h : holders) {
            versions.computeIfAbsent(h.version(), v -> new HashSet<>()).add(h.machineId());
          }
          out.add(
              new UnitHolders(
                  code,
                  fleet.unit(code).map(Unit::name).orElse(code),
                  (int) holders.stream().map(Holder::machineId).distinct().count(),
                  counted(versions),
                  holders));
        });
    return new Holders(
        name.strip(), unit, List.copyOf(names), machines.size(), counted(machinesByVersion), out);
  }

  private static List<VersionCount> counted(Map<String, Set<String>> machinesByVersion) {
    List<VersionCount> out = new ArrayList<>();
    machinesByVersion.forEach((v, ids) -> out.add(new VersionCount(v, ids.size())));
    out.sort(byCountThenVersion());
    return out;
  }

  private static Comparator<VersionCount> byCountThenVersion() {
    return Comparator.comparingInt(VersionCount::machines)
        .reversed()
        .thenComparing(v -> Objects.toString(v.version(), ""));
  }

  /**
   * One application of a summary: {@code machines} that have it, their {@code share} of the
   * machines that sent a list, its versions (the {@value #MAX_VERSIONS} most common; {@code
   * moreVersions} counts the others).
   */
  public record Application(
      String name, int machines, Double share, List<VersionCount> versions, int moreVersions) {}

  /**
   * {@code machines}: not retired in the subtree; {@code machinesWithSoftware}: those that sent a
   * list; {@code applications}: distinct application names among them.
   */
  public record Summary(
      String unit,
      int machines,
      int machinesWithSoftware,
      int applications,
      List<Application> top) {}

  /**
   * Machines per application ({@code sidTotals}, by name id) and per release ({@code vidTotals}) in
   * the subtree of a unit, with how many machines there are and how many sent a list.
   */
  record Totals(int machines, int reporting, int[] sidTotals, int[] vidTotals) {}

  /** The {@code limit} most common applications of the subtree of {@code unit} (null: all). */
  public Summary summary(String unit, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw Problem.invalid("limit", "must be from 1 to " + MAX_LIMIT);
    }
    Totals t = totals(unit);
    int machines = t.machines();
    int reporting = t.reporting();
    int[] sidTotals = t.sidTotals();
    int[] vidTotals = t.vidTotals();
    int applicationsCount = 0;
    List<Integer> candidates = new ArrayList<>();
    for (int sid = 0; sid < sidTotals.length; sid++) {
      if (sidTotals[sid] > 0) {
        applicationsCount++;
        candidates.add(sid);
      }
    }
    List<Integer> top =
        candidates.stream()
            .sorted(
                Comparator.comparingInt((Integer sid) -> sidTotals[sid])
                    .reversed()
                    .thenComparing(sid -> sid))
            .limit(limit)
            .toList();
    Set<Integer> wanted = new HashSet<>(top);
    Map<Integer, List<Integer>> vidsOf = new HashMap<>();
    for (int vid = 0; vid < vidTotals.length; vid++) {
      if (vidTotals[vid] > 0) {
        int sid = applications.sidOf(vid);
        if (wanted.contains(sid)) {
          vidsOf.computeIfAbsent(sid, k -> new ArrayList<>()).add(vid);
        }
      }
    }
    Map<Integer, String> names = store.softwareNames(top);
    Map<Integer, String> versions =
        store.softwareVersions(vidsOf.values().stream().flatMap(List::stream).toList());
    List<Application> apps = new ArrayList<>();
    for (Integer sid : top) {
      // Releases of one version from several vendors count together.
      Map<String, Integer> byVersion = new HashMap<>();
      for (Integer vid : vidsOf.getOrDefault(sid, List.of())) {
        String v = versions.getOrDefault(vid, "");
        byVersion.merge(v, vidTotals[vid], Integer::sum);
      }
      List<VersionCount> list = new ArrayList<>();
      byVersion.forEach((v, n) -> list.add(new VersionCount(v.isEmpty() ? null : v, n)));
      list.sort(byCountThenVersion());
      int count = sidTotals[sid];
      apps.add(
          new Application(
              names.getOrDefault(sid, "?"),
              count,
              reporting == 0 ? null : (double) count / reporting,
              List.copyOf(list.subList(0, Math.min(MAX_VERSIONS, list.size()))),
              Math.max(0, list.size() - MAX_VERSIONS)));
    }
    apps.sort(
        Comparator.comparingInt(Application::machines).reversed().thenComparing(Application::name));
    return new Summary(unit, machines, reporting, applicationsCount, apps);
  }

  Totals totals(String unit) {
    Set<String> scope = unit == null ? null : subtree(unit);
    Map<String, List<Machine>> members = new HashMap<>();
    for (Unit u : fleet.units()) {
      if (scope == null || scope.contains(u.code())) {
        members.put(u.code(), new ArrayList<>());
      }
    }
    for (Machine m : fleet.machines()) {
      List<Machine> list = members.get(m.unitCode());
      if (list != null && m.retiredAt() == null) {
        list.add(m);
      }
    }
    int machines = 0;
    int reporting = 0;
    List<UnitSoftware> counted = new ArrayList<>();
    int maxSid = 0;
    int maxVid = 0;
    for (var e : members.entrySet()) {
      UnitSoftware counts = counts(e.getKey(), e.getValue());
      counted.add(counts);
      machines += counts.machines();
      reporting += counts.reporting();
      maxSid = Math.max(maxSid, counts.maxSid());
      maxVid = Math.max(maxVid, counts.maxVid());
    }
    // Ids are dense integers: a province's hundreds of units add up in two arrays.
    int[] sidTotals = new int[maxSid + 1];
    int[] vidTotals = new int[maxVid + 1];
    for (UnitSoftware counts : counted) {
      int[] sids = counts.sids();
      int[] sidMachines = counts.sidMachines();
      for (int i = 0; i < sids.length; i++) {
        sidTotals[sids[i]] += sidMachines[i];
      }
      int[] vids = counts.vids();
      int[] vidMachines = counts.vidMachines();
      for (int i = 0; i < vids.length; i++) {
        vidTotals[vids[i]] += vidMachines[i];
      }
    }
    return new Totals(machines, reporting, sidTotals, vidTotals);
  }

  /** The name of each application id (for the search). */
  Map<Integer, String> names(List<Integer> sids) {
    return store.softwareNames(sids);
  }

  /** The unit's counts, rebuilt when its machines changed. */
  private UnitSoftware counts(String unit, List<Machine> members) {
    long signature = UnitSoftware.signature(members);
    UnitSoftware cached = units.get(unit);
    if (cached != null && cached.signature() == signature) {
      return cached;
    }
    UnitSoftware built = UnitSoftware.build(store, members, signature, applications);
    units.put(unit, built);
    return built;
  }

  /** Fills the counts of every unit, so that the first question after a start is quick too. */
  public void warm() {
    summary(null, 1);
  }

  private Set<String> subtree(String unit) {
    fleet.requireUnit(unit);
    return fleet.subtree(unit);
  }
}

package io.digiready.collector.fleet;

import io.digiready.collector.problem.Problem;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything current, in memory: units, machines, and the token hashes that authenticate agents.
 * Only the writer thread changes it, after a commit; request threads read it freely.
 */
public final class Fleet {
  private final Map<String, Unit> units = new ConcurrentHashMap<>();
  private final Map<String, Machine> machines;
  private final Map<String, String> machineByTokenHash;
  // A unit's page and export read its own machines, not the million of a ministry.
  private final Map<String, Set<String>> idsByUnit = new ConcurrentHashMap<>();
  private final Map<String, EnrollmentToken> enrollmentByHash = new ConcurrentHashMap<>();
  private final Map<String, ViewerToken> viewerByHash = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong unitChanges =
      new java.util.concurrent.atomic.AtomicLong();

  public Fleet() {
    this(0);
  }

  /**
   * Sized for {@code expectedMachines} (those about to be loaded): a million machines then go in
   * without the maps doubling twenty times on the way, at start.
   */
  public Fleet(int expectedMachines) {
    // The map sizes itself for this many entries at its load factor.
    int capacity = Math.max(16, expectedMachines);
    machines = new ConcurrentHashMap<>(capacity);
    machineByTokenHash = new ConcurrentHashMap<>(capacity);
  }

  public void load(List<Unit> u, List<Machine> m, List<EnrollmentToken> tokens) {
    u.forEach(this::putUnit);
    m.forEach(this::putMachine);
    tokens.forEach(this::putEnrollmentToken);
  }

  public void putUnit(Unit unit) {
    units.put(unit.code(), unit);
    unitChanges.incrementAndGet();
  }

  /** Grows with every unit written: work that depends only on the units can tell it is current. */
  public long unitChanges() {
    return unitChanges.get();
  }

  public Optional<Unit> unit(String code) {
    return Optional.ofNullable(code == null ? null : units.get(code));
  }

  /** The unit, or a "not found" problem naming the field {@code unit}. */
  public Unit requireUnit(String code) {
    return unit(code)
        .orElseThrow(
            () -> Problem.notFound("unit", "unknown unit. Found: " + Problem.shorten(code)));
  }

  public Collection<Unit> units() {
    return units.values();
  }

  /**
   * The time zone of a unit's office hours, its own or its nearest ancestor's, else the default.
   * Bounded by the number of units, so a cycle written by an older version cannot hang it.
   */
  public ZoneId zone(String code) {
    Unit u = units.get(code);
    for (int hops = 0; u != null && hops <= units.size(); hops++) {
      if (u.officeHours() != null && u.officeHours().timeZone() != null) {
        return ZoneId.of(u.officeHours().timeZone());
      }
      u = u.parent() == null ? null : units.get(u.parent());
    }
    return ZoneId.of(OfficeHours.DEFAULT.timeZone());
  }

  /**
   * The applications a machine of this unit must have: the unit's own list, else its nearest
   * ancestor's, else none. Bounded like {@link #zone}.
   */
  public List<RequiredApplication> requiredFor(String code) {
    Unit u = units.get(code);
    for (int hops = 0; u != null && hops <= units.size(); hops++) {
      if (u.requiredApplications() != null) {
        return u.requiredApplications();
      }
      u = u.parent() == null ? null : units.get(u.parent());
    }
    return List.of();
  }

  /** The unit and every unit below it, breadth first over a children index built once. */
  public Set<String> subtree(String root) {
    Map<String, List<String>> children = new HashMap<>();
    for (Unit u : units.values()) {
      if (u.parent() != null) {
        children.computeIfAbsent(u.parent(), p -> new ArrayList<>()).add(u.code());
      }
    }
    Set<String> out = new HashSet<>();
    out.add(root);
    Deque<String> todo = new ArrayDeque<>(out);
    while (!todo.isEmpty()) {
      for (String child : children.getOrDefault(todo.poll(), List.of())) {
        if (out.add(child)) {
          todo.add(child);
        }
      }
    }
    return out;
  }

  /** Replaces the machine and keeps the token index in step (a re-enrollment revokes the old). */
  public synchronized void putMachine(Machine put) {
    Machine machine = sharingUnitCode(put);
    Machine old = machines.put(machine.id(), machine);
    if (old == null || !old.unitCode().equals(machine.unitCode())) {
      if (old != null) {
        Set<String> ids = idsByUnit.get(old.unitCode());
        if (ids != null) {
          ids.remove(old.id());
        }
      }
      idsByUnit
          .computeIfAbsent(machine.unitCode(), c -> ConcurrentHashMap.newKeySet())
          .add(machine.id());
    }
    if (old != null && !old.tokenHash().equals(machine.tokenHash())) {
      machineByTokenHash.remove(old.tokenHash());
    }
    if (machine.retiredAt() == null) {
      machineByTokenHash.put(machine.tokenHash(), machine.id());
    } else {
      machineByTokenHash.remove(machine.tokenHash());
    }
  }

  /**
   * The machine with its unit's code as the unit's own string: a million machines then share ten
   * thousand codes instead of holding a copy each, and a walk over them finds their unit's entry by
   * reference.
   */
  private Machine sharingUnitCode(Machine m) {
    Unit u = units.get(m.unitCode());
    if (u == null || u.code() == m.unitCode()) {
      return m;
    }
    return new Machine(
        m.id(),
        u.code(),
        m.tokenHash(),
        m.enrolledAt(),
        m.retiredAt(),
        m.identity(),
        m.liveness(),
        m.hardware(),
        m.possibleDuplicateOf());
  }

  /** The machines of these units, retired ones too, in no particular order. */
  public List<Machine> machinesIn(Set<String> unitCodes) {
    List<Machine> out = new ArrayList<>();
    for (String code : unitCodes) {
      for (String id : idsByUnit.getOrDefault(code, Set.of())) {
        Machine m = machines.get(id);
        if (m != null && m.unitCode().equals(code)) {
          out.add(m);
        }
      }
    }
    return out;
  }

  public Optional<Machine> machine(String id) {
    return Optional.ofNullable(id == null ? null : machines.get(id));
  }

  public Collection<Machine> machines() {
    return machines.values();
  }

  public Optional<String> machineIdForTokenHash(String hash) {
    return Optional.ofNullable(machineByTokenHash.get(hash));
  }

  public void putEnrollmentToken(EnrollmentToken token) {
    enrollmentByHash.put(token.tokenHash(), token);
  }

  /** Counts one use of the token in memory, after the use was committed. */
  public void enrollmentTokenUsed(String tokenHash) {
    enrollmentByHash.computeIfPresent(tokenHash, (h, t) -> t.usedOnce());
  }

  public void removeEnrollmentToken(String id) {
    enrollmentByHash.values().removeIf(t -> t.id().equals(id));
  }

  public void putViewerToken(ViewerToken token) {
    viewerByHash.put(token.tokenHash(), token);
  }

  public void removeViewerToken(String id) {
    viewerByHash.values().removeIf(t -> t.id().equals(id));
  }

  public Optional<ViewerToken> viewerTokenForHash(String hash) {
    return Optional.ofNullable(viewerByHash.get(hash));
  }

  public Optional<EnrollmentToken> enrollmentTokenForHash(String hash) {
    return Optional.ofNullable(enrollmentByHash.get(hash));
  }
}

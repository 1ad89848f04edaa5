package io.digiready.collector.units;

import io.digiready.collector.config.ConfigLoader;
import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Tokens;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** Creates and updates units (one by one or from CSV) and their enrollment tokens. */
public final class UnitService {
  private final Fleet fleet;
  private final GroupCommitWriter writer;
  private final Store store;
  private final Clock clock;
  private final Duration defaultTokenLifetime;
  private volatile Consumer<List<String>> requiredChanged = codes -> {};

  public UnitService(
      Fleet fleet,
      GroupCommitWriter writer,
      Store store,
      Clock clock,
      Duration defaultTokenLifetime) {
    this.fleet = fleet;
    this.writer = writer;
    this.store = store;
    this.clock = clock;
    this.defaultTokenLifetime = defaultTokenLifetime;
  }

  /**
   * Called, after the commit, with the units whose own required applications a save changed (the
   * machines below them are then worked out again).
   */
  public void onRequiredApplicationsChanged(Consumer<List<String>> listener) {
    this.requiredChanged = listener;
  }

  public Unit create(UnitBody body) {
    Unit unit = UnitRules.toUnit(body, "");
    if (fleet.unit(unit.code()).isPresent()) {
      throw Problem.conflict("code", "a unit with this code exists. Found: " + unit.code());
    }
    checkTree(unit);
    return save(List.of(unit), Map.of(unit.code(), ""), true).get(0);
  }

  public Unit update(String code, UnitBody body) {
    fleet.requireUnit(code);
    if (body.code() != null && !body.code().equals(code)) {
      throw Problem.invalid("code", "must match the path (codes do not change)");
    }
    Unit unit =
        UnitRules.toUnit(
            new UnitBody(
                code,
                body.name(),
                body.parent(),
                body.kind(),
                body.staff(),
                body.equipmentTarget(),
                body.connectivityTarget(),
                body.officeHours(),
                body.protectionTarget(),
                body.requiredApplications()),
            "");
    checkTree(unit);
    return save(List.of(unit), Map.of(unit.code(), ""), false).get(0);
  }

  public record ImportResult(int created, int updated) {}

  /** All or nothing: the first bad line rejects the whole file. */
  public ImportResult importCsv(byte[] csv) {
    List<UnitCsv.Row> rows = UnitCsv.parse(csv);
    Map<String, Unit> merged = unitsByCode();
    Map<String, Integer> lineOf = new HashMap<>();
    List<Unit> units = new ArrayList<>();
    int created = 0;
    for (UnitCsv.Row row : rows) {
      String prefix = "line " + row.line() + ": ";
      Unit unit = UnitRules.toUnit(row.body(), prefix);
      if (lineOf.containsKey(unit.code())) {
        throw Problem.invalid(
            prefix + "code: repeats line " + lineOf.get(unit.code()) + ". Found: " + unit.code());
      }
      lineOf.put(unit.code(), row.line());
      Unit existing = merged.get(unit.code());
      if (existing == null) {
        created++;
      } else {
        // CSV has no office hours column: keep those set through the API. A file without the
        // protectionTarget or requiredApplications column (older templates) keeps the unit's.
        unit =
            new Unit(
                unit.code(),
                unit.name(),
                unit.parent(),
                unit.kind(),
                unit.staff(),
                unit.equipmentTarget(),
                unit.connectivityTarget(),
                existing.officeHours(),
                row.body().protectionTarget() == null
                    ? existing.protectionTarget()
                    : unit.protectionTarget(),
                row.requiredColumn()
                    ? unit.requiredApplications()
                    : existing.requiredApplications());
      }
      merged.put(unit.code(), unit);
      units.add(unit);
    }
    Map<String, String> changed = new LinkedHashMap<>();
    for (UnitCsv.Row row : rows) {
      changed.put(row.body().code(), "line " + row.line() + ": ");
    }
    UnitRules.checkTree(merged, changed);
    save(parentsFirst(units), changed, false);
    return new ImportResult(created, units.size() - created);
  }

  /**
   * Writes the units after checking the tree rules again inside the transaction, against the tree
   * as the database holds it under the tree's lock: the check before, against this collector's
   * memory, gives the usual 400; this one catches a write that another collector (or another
   * request in the same group) committed meanwhile, and answers 409, so that two moves each legal
   * alone can never both land and make a cycle or a too deep tree.
   */
  private List<Unit> save(List<Unit> units, Map<String, String> changed, boolean creating) {
    Instant now = clock.instant();
    List<String> listChanged = new ArrayList<>();
    for (Unit u : units) {
      var before = fleet.unit(u.code()).map(Unit::requiredApplications).orElse(null);
      if (!Objects.equals(before, u.requiredApplications())) {
        listChanged.add(u.code());
      }
    }
    writer.call(
        tx -> {
          Map<String, String> parents = tx.units().lockTree();
          for (Unit u : units) {
            if (creating && parents.containsKey(u.code())) {
              throw Problem.conflict(
                  "code", "a unit with this code was made meanwhile. Found: " + u.code());
            }
            parents.put(u.code(), u.parent());
          }
          try {
            UnitRules.checkParents(parents, changed);
          } catch (Problem p) {
            throw p.asConflict("parent", " (the tree was changed meanwhile by another write)");
          }
          for (Unit u : units) {
            tx.units().upsert(u, now);
          }
          return units;
        },
        saved -> saved.forEach(fleet::putUnit));
    if (!listChanged.isEmpty()) {
      requiredChanged.accept(listChanged);
    }
    return units;
  }

  /** The tree with this unit in it must stay a tree of at most {@link UnitRules#MAX_DEPTH}. */
  private void checkTree(Unit unit) {
    Map<String, Unit> merged = unitsByCode();
    merged.put(unit.code(), unit);
    UnitRules.checkTree(merged, Map.of(unit.code(), ""));
  }

  /**
   * Orders units so that a parent is written before its children (foreign keys): each unit goes
   * after the chain of its pending ancestors, walked with a loop (the tree is checked first, so the
   * walk ends).
   */
  private static List<Unit> parentsFirst(List<Unit> units) {
    Map<String, Unit> pending = new HashMap<>();
    units.forEach(u -> pending.put(u.code(), u));
    List<Unit> ordered = new ArrayList<>();
    for (Unit u : units) {
      List<Unit> chain = new ArrayList<>();
      for (Unit at = pending.remove(u.code());
          at != null;
          at = at.parent() == null ? null : pending.remove(at.parent())) {
        chain.add(at);
      }
      for (int i = chain.size() - 1; i >= 0; i--) {
        ordered.add(chain.get(i));
      }
    }
    return ordered;
  }

  private Map<String, Unit> unitsByCode() {
    Map<String, Unit> map = new HashMap<>();
    fleet.units().forEach(u -> map.put(u.code(), u));
    return map;
  }

  public record NewToken(
      String id,
      String unit,
      String token,
      Instant createdAt,
      Instant expiresAt,
      Integer maxUses) {}

  static final int MAX_TOKEN_USES = 1_000_000;

  /** Returns the secret once; only its hash is stored. */
  public NewToken newEnrollmentToken(String unitCode, TokenOptions options) {
    fleet.requireUnit(unitCode);
    Instant now = clock.instant();
    Instant expiresAt =
        options.expiresAt() == null ? now.plus(defaultTokenLifetime) : options.expiresAt();
    if (!expiresAt.isAfter(now)) {
      throw Problem.invalid("expiresAt", "must be in the future. Found: " + expiresAt);
    }
    if (expiresAt.isAfter(now.plus(Duration.ofDays(ConfigLoader.MAX_ENROLLMENT_TOKEN_DAYS)))) {
      throw Problem.invalid(
          "expiresAt",
          "must be at most "
              + ConfigLoader.MAX_ENROLLMENT_TOKEN_DAYS
              + " days from now. Found: "
              + expiresAt);
    }
    Integer maxUses = options.maxUses();
    if (maxUses != null && (maxUses < 1 || maxUses > MAX_TOKEN_USES)) {
      throw Problem.invalid(
          "maxUses", "must be from 1 to " + MAX_TOKEN_USES + " (or left out). Found: " + maxUses);
    }
    String secret = Tokens.newToken();
    EnrollmentToken token =
        new EnrollmentToken(
            Tokens.newId("et-"), unitCode, Tokens.sha256Hex(secret), now, expiresAt, maxUses, 0);
    writer.call(
        tx -> {
          tx.tokens().insertEnrollment(token);
          return token;
        },
        fleet::putEnrollmentToken);
    return new NewToken(token.id(), unitCode, secret, token.createdAt(), expiresAt, maxUses);
  }

  public List<Store.TokenRow> enrollmentTokens(String unitCode) {
    fleet.requireUnit(unitCode);
    return store.enrollmentTokens(unitCode);
  }

  public void revokeEnrollmentToken(String id) {
    Instant now = clock.instant();
    boolean revoked =
        writer.call(
            tx -> tx.tokens().revokeEnrollment(id, now), done -> fleet.removeEnrollmentToken(id));
    if (!revoked) {
      throw Problem.notFound("id", "unknown or already revoked enrollment token");
    }
  }
}

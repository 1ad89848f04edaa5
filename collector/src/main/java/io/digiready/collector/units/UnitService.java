package io.digiready.collector.units;

import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Tokens;
import io.digiready.collector.fleet.Unit;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creates and updates units (one by one or from CSV) and their enrollment tokens. */
public final class UnitService {
  private final Fleet fleet;
  private final GroupCommitWriter writer;
  private final Store store;
  private final Clock clock;

  public UnitService(Fleet fleet, GroupCommitWriter writer, Store store, Clock clock) {
    this.fleet = fleet;
    this.writer = writer;
    this.store = store;
    this.clock = clock;
  }

  public Unit create(UnitBody body) {
    Unit unit = UnitRules.toUnit(body, "");
    if (fleet.unit(unit.code()).isPresent()) {
      throw Problem.conflict("code", "a unit with this code exists. Found: " + unit.code());
    }
    UnitRules.checkParent(unit, unitsByCode(), "");
    return save(List.of(unit)).get(0);
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
                body.protectionTarget()),
            "");
    UnitRules.checkParent(unit, unitsByCode(), "");
    return save(List.of(unit)).get(0);
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
        // protectionTarget column (older templates) keeps the unit's protection target too.
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
                    : unit.protectionTarget());
      }
      merged.put(unit.code(), unit);
      units.add(unit);
    }
    for (UnitCsv.Row row : rows) {
      UnitRules.checkParent(merged.get(row.body().code()), merged, "line " + row.line() + ": ");
    }
    save(parentsFirst(units, merged));
    return new ImportResult(created, units.size() - created);
  }

  private List<Unit> save(List<Unit> units) {
    Instant now = clock.instant();
    writer.call(
        tx -> {
          for (Unit u : units) {
            tx.upsertUnit(u, now);
          }
          return units;
        },
        saved -> saved.forEach(fleet::putUnit));
    return units;
  }

  /** Orders units so that a parent is written before its children (foreign keys). */
  private static List<Unit> parentsFirst(List<Unit> units, Map<String, Unit> merged) {
    Map<String, Unit> pending = new HashMap<>();
    units.forEach(u -> pending.put(u.code(), u));
    List<Unit> ordered = new ArrayList<>();
    for (Unit u : units) {
      addWithParents(u, pending, ordered);
    }
    return ordered;
  }

  private static void addWithParents(Unit u, Map<String, Unit> pending, List<Unit> ordered) {
    if (pending.remove(u.code()) == null) {
      return;
    }
    Unit parent = u.parent() == null ? null : pending.get(u.parent());
    if (parent != null) {
      addWithParents(parent, pending, ordered);
    }
    ordered.add(u);
  }

  private Map<String, Unit> unitsByCode() {
    Map<String, Unit> map = new HashMap<>();
    fleet.units().forEach(u -> map.put(u.code(), u));
    return map;
  }

  public record NewToken(String id, String unit, String token, Instant createdAt) {}

  /** Returns the secret once; only its hash is stored. */
  public NewToken newEnrollmentToken(String unitCode) {
    fleet.requireUnit(unitCode);
    String secret = Tokens.newToken();
    EnrollmentToken token =
        new EnrollmentToken(
            Tokens.newId("et-"), unitCode, Tokens.sha256Hex(secret), clock.instant());
    writer.call(
        tx -> {
          tx.insertEnrollmentToken(token);
          return token;
        },
        fleet::putEnrollmentToken);
    return new NewToken(token.id(), unitCode, secret, token.createdAt());
  }

  public List<Store.TokenRow> enrollmentTokens(String unitCode) {
    fleet.requireUnit(unitCode);
    return store.enrollmentTokens(unitCode);
  }

  public void revokeEnrollmentToken(String id) {
    Instant now = clock.instant();
    boolean revoked =
        writer.call(
            tx -> tx.revokeEnrollmentToken(id, now), done -> fleet.removeEnrollmentToken(id));
    if (!revoked) {
      throw Problem.notFound("id", "unknown or already revoked enrollment token");
    }
  }
}

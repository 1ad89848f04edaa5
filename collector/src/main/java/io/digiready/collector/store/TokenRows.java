package io.digiready.collector.store;

import static io.digiready.collector.store.MachineRows.setInstant;
import static io.digiready.collector.store.MachineRows.setLong;

import io.digiready.collector.fleet.EnrollmentToken;
import io.digiready.collector.fleet.ViewerToken;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Enrollment and viewer tokens: their rows, the writes that use or revoke them, their reads. */
final class TokenRows implements Tx.Tokens {
  /** Column 8 is {@code revoked_at}. */
  static final String ENROLLMENT_SELECT =
      "SELECT id, unit_code, token_hash, created_at, expires_at, max_uses, uses, revoked_at"
          + " FROM enrollment_tokens";

  static final String VIEWER_SELECT =
      "SELECT id, name, token_hash, created_at, revoked_at FROM viewer_tokens";

  private final Statements st;
  private final WriteOrder order;
  private final SharedDatabase shared;

  TokenRows(Statements st, WriteOrder order, SharedDatabase shared) {
    this.st = st;
    this.order = order;
    this.shared = shared;
  }

  static EnrollmentToken enrollmentToken(ResultSet rs) throws SQLException {
    Long maxUses = MachineRows.longOrNull(rs, 6);
    return new EnrollmentToken(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Instant.ofEpochMilli(rs.getLong(4)),
        MachineRows.instant(rs, "expires_at"),
        maxUses == null ? null : maxUses.intValue(),
        rs.getInt(7));
  }

  static ViewerToken viewerToken(ResultSet rs) throws SQLException {
    return new ViewerToken(
        rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
  }

  /** A unit's enrollment tokens with their uses, for the admin's list. */
  static List<Store.TokenRow> enrollmentTokens(Reads db, String unitCode) {
    return db.query(
        "SELECT id, unit_code, created_at, expires_at, max_uses, uses, revoked_at"
            + " FROM enrollment_tokens WHERE unit_code = ? ORDER BY created_at, id",
        p -> p.setString(1, unitCode),
        rs -> {
          Long maxUses = MachineRows.longOrNull(rs, "max_uses");
          int uses = rs.getInt("uses");
          return new Store.TokenRow(
              rs.getString(1),
              rs.getString(2),
              Instant.ofEpochMilli(rs.getLong(3)),
              MachineRows.instant(rs, "expires_at"),
              maxUses == null ? null : maxUses.intValue(),
              uses,
              maxUses == null ? null : (int) Math.max(0, maxUses - uses),
              MachineRows.instant(rs, "revoked_at"));
        });
  }

  static List<Store.ViewerTokenRow> viewerTokens(Reads db) {
    return db.query(
        "SELECT id, name, created_at, revoked_at FROM viewer_tokens ORDER BY created_at, id",
        p -> {},
        rs ->
            new Store.ViewerTokenRow(
                rs.getString(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                MachineRows.instant(rs, "revoked_at")));
  }

  @Override
  public void insertEnrollment(EnrollmentToken t) throws SQLException {
    order.beforeSharedWrite();
    PreparedStatement p =
        st.sql(
            "INSERT INTO enrollment_tokens (id, unit_code, token_hash, created_at, expires_at,"
                + " max_uses, uses) VALUES (?, ?, ?, ?, ?, ?, ?)");
    p.setString(1, t.id());
    p.setString(2, t.unitCode());
    p.setString(3, t.tokenHash());
    p.setLong(4, t.createdAt().toEpochMilli());
    setInstant(p, 5, t.expiresAt());
    setLong(p, 6, t.maxUses() == null ? null : t.maxUses().longValue());
    p.setInt(7, t.uses());
    p.executeUpdate();
  }

  @Override
  public boolean useEnrollment(String id, Instant now) throws SQLException {
    order.beforeSharedWrite();
    PreparedStatement p =
        st.sql(
            "UPDATE enrollment_tokens SET uses = uses + 1 WHERE id = ? AND revoked_at IS NULL"
                + " AND (expires_at IS NULL OR expires_at > ?)"
                + " AND (max_uses IS NULL OR uses < max_uses)");
    p.setString(1, id);
    p.setLong(2, now.toEpochMilli());
    return p.executeUpdate() == 1;
  }

  @Override
  public void lockEnrollments(Collection<String> ids) throws SQLException {
    if (!ids.isEmpty()) {
      order.beforeRead();
      shared.lockEnrollmentTokens(st, ids);
    }
  }

  @Override
  public boolean revokeEnrollment(String id, Instant now) throws SQLException {
    order.beforeSharedWrite();
    PreparedStatement p =
        st.sql("UPDATE enrollment_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    p.setLong(1, now.toEpochMilli());
    p.setString(2, id);
    return p.executeUpdate() == 1;
  }

  @Override
  public void insertViewer(ViewerToken t) throws SQLException {
    order.beforeSharedWrite();
    PreparedStatement p =
        st.sql("INSERT INTO viewer_tokens (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)");
    p.setString(1, t.id());
    p.setString(2, t.name());
    p.setString(3, t.tokenHash());
    p.setLong(4, t.createdAt().toEpochMilli());
    p.executeUpdate();
  }

  @Override
  public boolean revokeViewer(String id, Instant now) throws SQLException {
    order.beforeSharedWrite();
    PreparedStatement p =
        st.sql("UPDATE viewer_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    p.setLong(1, now.toEpochMilli());
    p.setString(2, id);
    return p.executeUpdate() == 1;
  }
}

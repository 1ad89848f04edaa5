package io.digiready.collector.viewers;

import io.digiready.collector.fleet.Fleet;
import io.digiready.collector.fleet.Tokens;
import io.digiready.collector.fleet.ViewerToken;
import io.digiready.collector.problem.Problem;
import io.digiready.collector.store.GroupCommitWriter;
import io.digiready.collector.store.Store;
import io.digiready.protocol.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Creates, lists and revokes viewer tokens, so that administrators who only read figures never hold
 * the admin token. The secret is returned once, at creation; only its hash is stored.
 */
public final class ViewerTokenService {
  static final int MAX_NAME = 100;

  private final Fleet fleet;
  private final Store store;
  private final GroupCommitWriter writer;
  private final Clock clock;

  public ViewerTokenService(Fleet fleet, Store store, GroupCommitWriter writer, Clock clock) {
    this.fleet = fleet;
    this.store = store;
    this.writer = writer;
    this.clock = clock;
  }

  public record Body(String name) {}

  public record Created(String id, String name, String token, Instant createdAt) {}

  public Created create(Body body) {
    String name = body.name();
    if (name == null || name.isBlank()) {
      throw Problem.invalid("name", "is required (who or what office will use the token)");
    }
    if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
      throw Problem.invalid(
          "name", "must be at most " + MAX_NAME + " characters without control characters");
    }
    if (!Text.wellFormed(name)) {
      throw Problem.invalid("name", Text.NOT_WELL_FORMED);
    }
    String secret = Tokens.newToken();
    ViewerToken token =
        new ViewerToken(
            Tokens.newId("vt-"), name.strip(), Tokens.sha256Hex(secret), clock.instant());
    writer.call(
        tx -> {
          tx.tokens().insertViewer(token);
          return token;
        },
        fleet::putViewerToken);
    return new Created(token.id(), token.name(), secret, token.createdAt());
  }

  public List<Store.ViewerTokenRow> list() {
    return store.viewerTokens();
  }

  public void revoke(String id) {
    Instant now = clock.instant();
    boolean revoked =
        writer.call(tx -> tx.tokens().revokeViewer(id, now), done -> fleet.removeViewerToken(id));
    if (!revoked) {
      throw Problem.notFound("id", "unknown or already revoked viewer token");
    }
  }
}

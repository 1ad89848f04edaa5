package io.digiready.agent.spool;

/** One spooled report: its spool id, when it was spooled, and its JSON. */
public record Entry(Kind kind, long id, long timeMillis, byte[] payload) {
  public enum Kind {
    HEARTBEAT,
    INVENTORY
  }
}

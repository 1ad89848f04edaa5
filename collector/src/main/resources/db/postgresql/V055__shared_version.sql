-- One row that every write of a unit, a token or a machine's identity moves in its own transaction,
-- just before it commits (the row's lock serialises those commits). A collector reads it before
-- answering a request and, when it moved since its last look, catches up with the changes first:
-- a write answered through one collector is seen by the next request through any other.
CREATE TABLE shared_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO shared_version (id, version) VALUES (1, 0);

-- Read-only tokens for administrators who only look at figures; stored as hashes like the others.
CREATE TABLE viewer_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

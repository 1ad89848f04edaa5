-- A machine's raw records of one hour are kept in parts of RawHeartbeatCodec.PART_SEQS
-- consecutive sequence numbers (part = seq / PART_SEQS), so that a stored row stops growing at
-- about 2 KB. Appending to a row rewrites all of it, overflow pages included; rows that grew with
-- every batch of an agent catching up made each commit cost what the hour already held.
-- Rows written before become part 0 of their hour; later records of that hour go to their own
-- part (part 0 too when their seq is below PART_SEQS). Readers take all rows of an hour either way.
CREATE TABLE raw_heartbeat_parts (
  id INTEGER PRIMARY KEY,
  hour INTEGER NOT NULL,
  mid INTEGER NOT NULL,
  part INTEGER NOT NULL,
  heartbeats INTEGER NOT NULL,
  body BLOB NOT NULL,
  UNIQUE (mid, hour, part)
);
INSERT INTO raw_heartbeat_parts (id, hour, mid, part, heartbeats, body)
  SELECT id, hour, mid, 0, heartbeats, body FROM raw_heartbeat_hours;
DROP TABLE raw_heartbeat_hours;
ALTER TABLE raw_heartbeat_parts RENAME TO raw_heartbeat_hours;
CREATE INDEX raw_heartbeat_hours_hour ON raw_heartbeat_hours(hour);

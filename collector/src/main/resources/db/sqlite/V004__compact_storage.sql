-- Storage that lasts years (issue 13). Rollups become one row per machine and UTC day, and per
-- unit and day, with the day's 24 hourly counters as columns (a 0 costs no byte in SQLite), keyed
-- by integers and by day first, so that today's rows sit together at the end of each B-tree.
-- Probe results are kept per unit, target and day for the long retention; per machine they live
-- only in the raw heartbeats, packed as binary per machine and hour. The machines table keeps
-- identity and inventory; the fields every heartbeat changes move to a narrow machine_state row.

CREATE TABLE unit_keys (
  uid INTEGER PRIMARY KEY,
  unit_code TEXT NOT NULL UNIQUE
);
INSERT INTO unit_keys (unit_code) SELECT code FROM units ORDER BY created_at, code;

CREATE TABLE machine_state (
  mid INTEGER PRIMARY KEY,
  machine_id TEXT NOT NULL UNIQUE,
  last_seen_at INTEGER,
  last_heartbeat_at INTEGER,
  last_seq INTEGER NOT NULL DEFAULT 0,
  lost_heartbeats INTEGER NOT NULL DEFAULT 0,
  last_internet_up INTEGER,
  last_internet_ok_at INTEGER,
  clock_skew_seconds INTEGER,
  memory_used_bytes INTEGER,
  disk_free_bytes INTEGER,
  disk_total_bytes INTEGER,
  last_heartbeat BLOB
);
INSERT INTO machine_state (machine_id, last_seen_at, last_heartbeat_at, last_seq, lost_heartbeats,
    last_internet_up, last_internet_ok_at, clock_skew_seconds, memory_used_bytes, disk_free_bytes,
    disk_total_bytes)
  SELECT id, last_seen_at, last_heartbeat_at, last_seq, lost_heartbeats, last_internet_up,
    last_internet_ok_at, clock_skew_seconds, memory_used_bytes, disk_free_bytes, disk_total_bytes
  FROM machines ORDER BY enrolled_at, id;

CREATE TABLE machine_days (
  day INTEGER NOT NULL,
  mid INTEGER NOT NULL,
  @hours[h{hh} INTEGER NOT NULL DEFAULT 0],
  @hours[i{hh} INTEGER NOT NULL DEFAULT 0],
  PRIMARY KEY (day, mid)
) WITHOUT ROWID;
INSERT INTO machine_days (day, mid, @hours[h{hh}],
  @hours[i{hh}])
SELECT hour / 86400000, s.mid,
  @hours[SUM(CASE WHEN (hour / 3600000) % 24 = {h} THEN heartbeats ELSE 0 END)],
  @hours[SUM(CASE WHEN (hour / 3600000) % 24 = {h} THEN internet_up ELSE 0 END)]
FROM heartbeat_hours h JOIN machine_state s ON s.machine_id = h.machine_id
GROUP BY hour / 86400000, s.mid;

CREATE TABLE unit_days (
  day INTEGER NOT NULL,
  uid INTEGER NOT NULL,
  @hours[m{hh} INTEGER NOT NULL DEFAULT 0],
  @hours[h{hh} INTEGER NOT NULL DEFAULT 0],
  @hours[i{hh} INTEGER NOT NULL DEFAULT 0],
  PRIMARY KEY (day, uid)
) WITHOUT ROWID;
INSERT INTO unit_days (day, uid, @hours[m{hh}],
  @hours[h{hh}],
  @hours[i{hh}])
SELECT hour / 86400000, k.uid,
  @hours[SUM(CASE WHEN (hour / 3600000) % 24 = {h} THEN machines ELSE 0 END)],
  @hours[SUM(CASE WHEN (hour / 3600000) % 24 = {h} THEN heartbeats ELSE 0 END)],
  @hours[SUM(CASE WHEN (hour / 3600000) % 24 = {h} THEN internet_up ELSE 0 END)]
FROM unit_heartbeat_hours u JOIN unit_keys k ON k.unit_code = u.unit_code
GROUP BY hour / 86400000, k.uid;

CREATE TABLE probe_targets (
  target_id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  UNIQUE (kind, target)
);
INSERT INTO probe_targets (kind, target) SELECT DISTINCT kind, target FROM probe_hours ORDER BY kind, target;

CREATE TABLE unit_probe_days (
  day INTEGER NOT NULL,
  uid INTEGER NOT NULL,
  target_id INTEGER NOT NULL,
  successes INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  latency_count INTEGER NOT NULL,
  latency_sum INTEGER NOT NULL,
  latency_max INTEGER,
  PRIMARY KEY (day, uid, target_id)
) WITHOUT ROWID;
INSERT INTO unit_probe_days (day, uid, target_id, successes, failures, latency_count, latency_sum,
    latency_max)
SELECT p.hour / 86400000, k.uid, t.target_id, SUM(p.successes), SUM(p.failures),
  SUM(p.latency_count), SUM(p.latency_sum), MAX(p.latency_max)
FROM probe_hours p
  JOIN machines m ON m.id = p.machine_id
  JOIN unit_keys k ON k.unit_code = m.unit_code
  JOIN probe_targets t ON t.kind = p.kind AND t.target = p.target
GROUP BY p.hour / 86400000, k.uid, t.target_id;

-- Raw heartbeats: every heartbeat of one machine in one hour, appended as compact binary records
-- (see RawHeartbeatCodec); the JSON copies of the old table are converted by the migration's Java
-- step before the old table goes.
-- hour: hours since 1970-01-01T00:00Z (day: days since then, in the tables above).
CREATE TABLE raw_heartbeat_hours (
  id INTEGER PRIMARY KEY,
  hour INTEGER NOT NULL,
  mid INTEGER NOT NULL,
  heartbeats INTEGER NOT NULL,
  body BLOB NOT NULL,
  UNIQUE (mid, hour)
);
CREATE INDEX raw_heartbeat_hours_hour ON raw_heartbeat_hours(hour);

DROP TABLE heartbeat_hours;
DROP TABLE unit_heartbeat_hours;
DROP TABLE probe_hours;

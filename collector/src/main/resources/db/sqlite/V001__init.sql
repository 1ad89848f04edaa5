-- Units form a tree; names are any Unicode and are stored as given.
CREATE TABLE units (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent TEXT REFERENCES units(code),
  kind TEXT NOT NULL,
  staff INTEGER NOT NULL,
  equipment_target REAL NOT NULL,
  connectivity_target REAL NOT NULL,
  office_hours TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE enrollment_tokens (
  id TEXT PRIMARY KEY,
  unit_code TEXT NOT NULL REFERENCES units(code),
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

-- One row per workstation: identity, the current state, and the latest inventory.
CREATE TABLE machines (
  id TEXT PRIMARY KEY,
  unit_code TEXT NOT NULL REFERENCES units(code),
  token_hash TEXT NOT NULL UNIQUE,
  hostname TEXT NOT NULL,
  hardware_uuid TEXT,
  system_serial TEXT,
  baseboard_serial TEXT,
  macs TEXT,
  os_install_id TEXT,
  enrolled_at INTEGER NOT NULL,
  retired_at INTEGER,
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
  last_heartbeat TEXT,
  memory_bytes INTEGER,
  logical_cpus INTEGER,
  cpu_name TEXT,
  os_family TEXT,
  os_version TEXT,
  inventory TEXT,
  inventory_at INTEGER
);
CREATE INDEX machines_unit ON machines(unit_code);
CREATE INDEX machines_hardware_uuid ON machines(unit_code, hardware_uuid);
CREATE INDEX machines_system_serial ON machines(unit_code, system_serial);

CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  machine_id TEXT,
  unit_code TEXT,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX events_machine ON events(machine_id, id);

-- Heartbeats roll up into one row per machine and hour instead of one row each.
CREATE TABLE heartbeat_hours (
  machine_id TEXT NOT NULL,
  hour INTEGER NOT NULL,
  heartbeats INTEGER NOT NULL,
  internet_up INTEGER NOT NULL,
  PRIMARY KEY (machine_id, hour)
) WITHOUT ROWID;
CREATE INDEX heartbeat_hours_hour ON heartbeat_hours(hour);

CREATE TABLE probe_hours (
  machine_id TEXT NOT NULL,
  hour INTEGER NOT NULL,
  target TEXT NOT NULL,
  kind TEXT NOT NULL,
  successes INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  latency_count INTEGER NOT NULL,
  latency_sum INTEGER NOT NULL,
  latency_max INTEGER,
  PRIMARY KEY (machine_id, hour, target, kind)
) WITHOUT ROWID;
CREATE INDEX probe_hours_hour ON probe_hours(hour);

-- Optional short-lived copy of each heartbeat for troubleshooting.
CREATE TABLE raw_heartbeats (
  machine_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (machine_id, seq)
) WITHOUT ROWID;
CREATE INDEX raw_heartbeats_received ON raw_heartbeats(received_at);

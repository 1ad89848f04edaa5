-- Hourly totals per unit, kept next to the per-machine rows, so that a district's 30-day
-- availability chart sums a few thousand rows instead of one per machine and hour. A machine's
-- hours stay with the unit it was in at the time.
CREATE TABLE unit_heartbeat_hours (
  unit_code TEXT NOT NULL,
  hour INTEGER NOT NULL,
  machines INTEGER NOT NULL,
  heartbeats INTEGER NOT NULL,
  internet_up INTEGER NOT NULL,
  PRIMARY KEY (unit_code, hour)
) WITHOUT ROWID;
CREATE INDEX unit_heartbeat_hours_hour ON unit_heartbeat_hours(hour);

INSERT INTO unit_heartbeat_hours (unit_code, hour, machines, heartbeats, internet_up)
  SELECT m.unit_code, h.hour, COUNT(*), SUM(h.heartbeats), SUM(h.internet_up)
  FROM heartbeat_hours h JOIN machines m ON m.id = h.machine_id
  GROUP BY m.unit_code, h.hour;

-- The heartbeat's fields moved to machine_state (V004) and the JSON copies of heartbeats were
-- converted to binary (V005): the old places go.
DROP TABLE raw_heartbeats;
ALTER TABLE machines DROP COLUMN last_seen_at;
ALTER TABLE machines DROP COLUMN last_heartbeat_at;
ALTER TABLE machines DROP COLUMN last_seq;
ALTER TABLE machines DROP COLUMN lost_heartbeats;
ALTER TABLE machines DROP COLUMN last_internet_up;
ALTER TABLE machines DROP COLUMN last_internet_ok_at;
ALTER TABLE machines DROP COLUMN clock_skew_seconds;
ALTER TABLE machines DROP COLUMN memory_used_bytes;
ALTER TABLE machines DROP COLUMN disk_free_bytes;
ALTER TABLE machines DROP COLUMN disk_total_bytes;
ALTER TABLE machines DROP COLUMN last_heartbeat;

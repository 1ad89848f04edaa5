-- See db/sqlite/V040__raw_heartbeat_parts.sql.
ALTER TABLE raw_heartbeat_hours ADD COLUMN part BIGINT NOT NULL DEFAULT 0;
ALTER TABLE raw_heartbeat_hours DROP CONSTRAINT raw_heartbeat_hours_mid_hour_key;
ALTER TABLE raw_heartbeat_hours ADD CONSTRAINT raw_heartbeat_hours_mid_hour_part_key
  UNIQUE (mid, hour, part);

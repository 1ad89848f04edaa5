-- Every unit's figures for every day (issue 16); see db/sqlite/V020__unit_coverage_days.sql for what
-- each column and status means. Same table in PostgreSQL's types.
CREATE TABLE unit_coverage_days (
  uid BIGINT NOT NULL,
  day BIGINT NOT NULL,
  status INTEGER NOT NULL,
  as_of BIGINT NOT NULL,
  staff INTEGER NOT NULL,
  own_staff INTEGER NOT NULL,
  equipped_staff INTEGER NOT NULL,
  working_machines INTEGER NOT NULL,
  internet_machines INTEGER NOT NULL,
  compliant_machines INTEGER NOT NULL,
  equipment_coverage DOUBLE PRECISION,
  connectivity_coverage DOUBLE PRECISION,
  compliance DOUBLE PRECISION,
  readiness_score DOUBLE PRECISION,
  equipment_target DOUBLE PRECISION NOT NULL,
  connectivity_target DOUBLE PRECISION NOT NULL,
  unit_rank INTEGER NOT NULL,
  siblings INTEGER NOT NULL,
  PRIMARY KEY (uid, day)
);
CREATE INDEX unit_coverage_days_day ON unit_coverage_days(day);

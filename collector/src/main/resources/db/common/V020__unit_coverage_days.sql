-- Every unit's figures for every day (issue 16): what coverage/CoverageCalculator computes for the
-- unit's subtree, so that a report written in April can say "as of 31 March, compared with 31
-- December". One row per unit and calendar day in the unit's time zone (days since 1970-01-01),
-- keyed by the unit's integer key, kept unitHistoryRetentionDays (ten years by default: about 60
-- bytes a row, 220 MB for 1,000 units over ten years).
--
-- status: 0 today so far (the lease holder rewrites it every hour and at shutdown, until the day
-- ends); 1 taken at the day's end by a running collector; 2 carried forward: no collector was
-- running when the day ended, so the row repeats the last figures one took (as_of says when). A
-- row with status 1 or 2 never changes again: a later change of staff or target starts the next day.
CREATE TABLE unit_coverage_days (
  uid ${bigint} NOT NULL,
  day ${bigint} NOT NULL,
  status INTEGER NOT NULL,
  as_of ${bigint} NOT NULL,
  staff INTEGER NOT NULL,
  own_staff INTEGER NOT NULL,
  equipped_staff INTEGER NOT NULL,
  working_machines INTEGER NOT NULL,
  internet_machines INTEGER NOT NULL,
  compliant_machines INTEGER NOT NULL,
  equipment_coverage ${real},
  connectivity_coverage ${real},
  compliance ${real},
  readiness_score ${real},
  equipment_target ${real} NOT NULL,
  connectivity_target ${real} NOT NULL,
  unit_rank INTEGER NOT NULL,
  siblings INTEGER NOT NULL,
  PRIMARY KEY (uid, day)
) ${withoutRowid};
CREATE INDEX unit_coverage_days_day ON unit_coverage_days(day);

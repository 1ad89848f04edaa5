-- See db/sqlite/V032__coverage_days_protection.sql.
ALTER TABLE unit_coverage_days ADD COLUMN protected_machines INTEGER;
ALTER TABLE unit_coverage_days ADD COLUMN protection_coverage DOUBLE PRECISION;
ALTER TABLE unit_coverage_days ADD COLUMN protection_target DOUBLE PRECISION;

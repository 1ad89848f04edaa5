-- The protection figures (issue 17) in each unit's daily figures, so that a report on a past day
-- gives them as that day had them. NULL in the rows written before: not known, never guessed.
ALTER TABLE unit_coverage_days ADD COLUMN protected_machines INTEGER;
ALTER TABLE unit_coverage_days ADD COLUMN protection_coverage ${real};
ALTER TABLE unit_coverage_days ADD COLUMN protection_target ${real};

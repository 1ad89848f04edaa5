-- Required applications per unit (issue 29): a unit's list as JSON ([{"label","match"}]; NULL =
-- its parent's), each machine's missing labels as JSON (worked out when its software list arrives
-- or its unit's list changes; NULL = not yet), and the software-ready figures in each unit's daily
-- figures (NULL in the rows written before: not known, never guessed).
ALTER TABLE units ADD COLUMN required_applications TEXT;
ALTER TABLE machines ADD COLUMN software_missing TEXT;
ALTER TABLE unit_coverage_days ADD COLUMN software_ready_machines INTEGER;
ALTER TABLE unit_coverage_days ADD COLUMN software_coverage ${real};
ALTER TABLE unit_coverage_days ADD COLUMN software_target ${real};

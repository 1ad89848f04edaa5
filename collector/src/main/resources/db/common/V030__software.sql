-- Installed software, anti-malware and OS update status (issue 17).
--
-- Units get a protection target like their other targets. Machines keep the few protection figures
-- readiness needs as columns (loaded into memory at start, like memory and CPUs): the state of their
-- best anti-malware product (protected, out_of_date, disabled, none; NULL = unknown), its name, the
-- time of the newest OS update, and when the software list was last stored (NULL = never sent, as
-- with agents older than the software section).
ALTER TABLE units ADD COLUMN protection_target ${real} NOT NULL DEFAULT 1.0;
ALTER TABLE machines ADD COLUMN anti_malware TEXT;
ALTER TABLE machines ADD COLUMN anti_malware_product TEXT;
ALTER TABLE machines ADD COLUMN os_updated_at ${bigint};
ALTER TABLE machines ADD COLUMN software_at ${bigint};

-- Software lists are normalized so that the questions asked of them stay cheap with thousands of
-- PCs and hundreds of applications each: one row per application name, one per release (name,
-- version, vendor; '' when the agent sent none), and a narrow row per machine and release keyed by
-- integers. name_key is the name in lower case (Java's Locale.ROOT), for lookups that ignore case.
CREATE TABLE software_names (
  sid ${identity} PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  name_key TEXT NOT NULL
);
CREATE INDEX software_names_key ON software_names(name_key);

CREATE TABLE software_releases (
  vid ${identity} PRIMARY KEY,
  sid INTEGER NOT NULL,
  version TEXT NOT NULL,
  vendor TEXT NOT NULL,
  UNIQUE (sid, version, vendor)
);

-- install_day: days since 1970-01-01 (the agent's local date of installation), NULL when unknown.
-- The primary key serves "what does this machine have"; the second index "which machines have it".
CREATE TABLE machine_software (
  mid ${bigint} NOT NULL,
  vid INTEGER NOT NULL,
  install_day INTEGER,
  PRIMARY KEY (mid, vid)
) ${withoutRowid};
CREATE INDEX machine_software_vid ON machine_software(vid, mid);

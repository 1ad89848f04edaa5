-- Several collectors share this database, and each keeps units, machines and tokens in memory: a
-- row that changes gets the next number of one sequence, so that every collector can fetch what
-- changed since its last look (a cheap incremental poll on indexed columns) and follow the others.
CREATE SEQUENCE changes;

CREATE FUNCTION mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed := nextval('changes');
  RETURN NEW;
END
$$;

ALTER TABLE units ADD COLUMN changed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE machines ADD COLUMN changed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE machine_state ADD COLUMN changed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enrollment_tokens ADD COLUMN changed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE viewer_tokens ADD COLUMN changed BIGINT NOT NULL DEFAULT 0;

CREATE TRIGGER units_changed BEFORE INSERT OR UPDATE ON units
  FOR EACH ROW EXECUTE FUNCTION mark_changed();
CREATE TRIGGER machines_changed BEFORE INSERT OR UPDATE ON machines
  FOR EACH ROW EXECUTE FUNCTION mark_changed();
CREATE TRIGGER machine_state_changed BEFORE INSERT OR UPDATE ON machine_state
  FOR EACH ROW EXECUTE FUNCTION mark_changed();
CREATE TRIGGER enrollment_tokens_changed BEFORE INSERT OR UPDATE ON enrollment_tokens
  FOR EACH ROW EXECUTE FUNCTION mark_changed();
CREATE TRIGGER viewer_tokens_changed BEFORE INSERT OR UPDATE ON viewer_tokens
  FOR EACH ROW EXECUTE FUNCTION mark_changed();

CREATE INDEX units_changed_idx ON units(changed);
CREATE INDEX machines_changed_idx ON machines(changed);
CREATE INDEX machine_state_changed_idx ON machine_state(changed);
CREATE INDEX enrollment_tokens_changed_idx ON enrollment_tokens(changed);
CREATE INDEX viewer_tokens_changed_idx ON viewer_tokens(changed);

-- Settings every collector shares: the admin token's hash.
CREATE TABLE settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

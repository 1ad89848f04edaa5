-- Every heartbeat updates its machine's machine_state row, and each update sets `changed` (V002's
-- trigger). While `changed` was indexed no such update could be HOT: each one wrote an entry into
-- all three indexes and left a dead row for vacuum, and at thousands of heartbeats a second the
-- table and its indexes swelled between vacuum runs, slowing the writer group's locking read
-- with them (a 1,000-machine bench ended with 31,043 dead rows and not one HOT update). Without
-- that index the updates are HOT and the page's own pruning reclaims the old rows; the room left
-- free on each page keeps the new version on the same page.
--
-- The only reader of machine_state.changed is the followers' look at liveness every 2 s, which now
-- reads the table through: 432 kB for the bench's 1,000 machines, so about 40 MB at 100,000.
DROP INDEX machine_state_changed_idx;
ALTER TABLE machine_state SET (fillfactor = 80);

-- The writer group's update of machine states sets `changed` itself (one nextval per row in the
-- statement) instead of calling the PL/pgSQL trigger for each row; every other write of
-- machine_state still gets its number from the trigger, which the WHEN clause runs only when the
-- statement left `changed` as it was.
DROP TRIGGER machine_state_changed ON machine_state;
CREATE TRIGGER machine_state_changed BEFORE INSERT ON machine_state
  FOR EACH ROW EXECUTE FUNCTION mark_changed();
CREATE TRIGGER machine_state_changed_update BEFORE UPDATE ON machine_state
  FOR EACH ROW WHEN (NEW.changed = OLD.changed) EXECUTE FUNCTION mark_changed();

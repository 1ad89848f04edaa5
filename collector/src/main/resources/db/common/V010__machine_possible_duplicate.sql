-- A machine enrolled with the hardware of another machine that was still alive (or a clone of
-- it) is a new machine, never a takeover of the other: this column names the other one.
ALTER TABLE machines ADD COLUMN possible_duplicate_of TEXT;

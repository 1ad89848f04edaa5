-- As sqlite/V010: the machine this one may duplicate (enrolled with the hardware of a live one).
ALTER TABLE machines ADD COLUMN possible_duplicate_of TEXT;

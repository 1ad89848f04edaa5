-- As sqlite/V011: enrollment tokens expire and may be limited in uses; uses counts enrollments.
ALTER TABLE enrollment_tokens ADD COLUMN expires_at BIGINT;
ALTER TABLE enrollment_tokens ADD COLUMN max_uses INTEGER;
ALTER TABLE enrollment_tokens ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;

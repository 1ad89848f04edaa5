-- Enrollment tokens expire and may be limited in uses (issue 14). uses counts the enrollments
-- made with a token. Tokens made before expiry existed get the default: 30 days from their
-- creation (a token older than that stops working; the administrator makes a new one).
ALTER TABLE enrollment_tokens ADD COLUMN expires_at ${bigint};
ALTER TABLE enrollment_tokens ADD COLUMN max_uses INTEGER;
ALTER TABLE enrollment_tokens ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;
UPDATE enrollment_tokens SET expires_at = created_at + 2592000000 WHERE expires_at IS NULL;

-- Chains become keyed (HMAC-SHA256 with a key kept outside the database). The chains stored before are marked
-- as plain SHA-256; the store verifies and keys each intact one the first time it opens the database, and then
-- notes that it has done so in audit_state.
ALTER TABLE chain_heads ADD COLUMN scheme VARCHAR(16) DEFAULT 'sha256' NOT NULL;

CREATE TABLE audit_state (
    name VARCHAR(64)  PRIMARY KEY,
    val  VARCHAR(128) NOT NULL
);

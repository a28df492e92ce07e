-- Signed checkpoints of the custody log (issue 12): each row is an operator key's Ed25519
-- signature of core.anchors.head_text(entry_id, entry_hash), written in the same transaction
-- as the log entries it covers. Checkpoints sign the log; they are not log entries.
-- (IF NOT EXISTS: tests that undo later schemas with SQL leave these in place.)
CREATE TABLE IF NOT EXISTS checkpoints (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL,
    entry_hash TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    key_fingerprint TEXT NOT NULL,
    signature TEXT NOT NULL  -- hex of the 64-byte signature
);
CREATE INDEX IF NOT EXISTS checkpoints_entry ON checkpoints (entry_id);
CREATE TRIGGER IF NOT EXISTS checkpoints_no_update BEFORE UPDATE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
CREATE TRIGGER IF NOT EXISTS checkpoints_no_delete BEFORE DELETE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
-- registered public keys are read from their log entries: a small index finds them
CREATE INDEX IF NOT EXISTS custody_log_key_registrations ON custody_log (id)
    WHERE action = 'key-registered';

-- Version 8: the custody log carries every value the catalogue holds. Each thumbnail's SHA-256
-- is recorded (verify checks it); a catalogue made by an earlier version gets a logged
-- baseline of its current state, written by the Python step registered for this version
-- (db/baseline.py) in this same transaction, so verify can replay the log from it.

ALTER TABLE photos ADD COLUMN thumbnail_sha256 TEXT;

-- Version 5: a caption per photo, exactly as typed.

ALTER TABLE photos ADD COLUMN caption TEXT NOT NULL DEFAULT '';

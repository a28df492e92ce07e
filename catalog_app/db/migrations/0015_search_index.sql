-- Version 15: full-text search (issue 15). photo_search is an FTS5 index over what a person
-- types to find a photo: its caption, keywords, incident name and place, camera, and the file
-- names it was imported from. unicode61 folds case for every script ("бучі" finds "Бучі") and
-- remove_diacritics 2 lets "cafe" find "café". It is derived data, kept in step by the
-- triggers below in the same transaction as every write, rebuilt here for an existing
-- catalogue, and not part of the state the custody log replays into.
-- (IF NOT EXISTS: tests undo later schemas with SQL and migrate again.)
CREATE VIRTUAL TABLE IF NOT EXISTS photo_search USING fts5(
    caption, keywords, incident, place, camera, names,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

-- one photo's searchable text, as the triggers and the rebuild write it
CREATE VIEW IF NOT EXISTS photo_search_text AS
SELECT p.id AS id,
       p.caption AS caption,
       coalesce((SELECT group_concat(k.keyword, ' ') FROM photo_keywords k
                 WHERE k.photo_id = p.id), '') AS keywords,
       coalesce(i.name, '') AS incident,
       coalesce(i.place, '') AS place,
       trim(coalesce(p.camera_make, '') || ' ' || coalesce(p.camera_model, '')) AS camera,
       coalesce((SELECT group_concat(replace(s.path, rtrim(s.path, replace(s.path, '/', '')),
                                             ''), ' ')
                 FROM sources s WHERE s.photo_id = p.id), '') AS names
FROM photos p LEFT JOIN incidents i ON i.id = p.incident_id;

CREATE TRIGGER IF NOT EXISTS photo_search_photo_added AFTER INSERT ON photos BEGIN
    INSERT INTO photo_search (rowid, caption, keywords, incident, place, camera, names)
    SELECT * FROM photo_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER IF NOT EXISTS photo_search_photo_changed
AFTER UPDATE OF caption, incident_id, camera_make, camera_model ON photos BEGIN
    DELETE FROM photo_search WHERE rowid = NEW.id;
    INSERT INTO photo_search (rowid, caption, keywords, incident, place, camera, names)
    SELECT * FROM photo_search_text WHERE id = NEW.id;
END;

CREATE TRIGGER IF NOT EXISTS photo_search_keyword_added AFTER INSERT ON photo_keywords BEGIN
    DELETE FROM photo_search WHERE rowid = NEW.photo_id;
    INSERT INTO photo_search (rowid, caption, keywords, incident, place, camera, names)
    SELECT * FROM photo_search_text WHERE id = NEW.photo_id;
END;

CREATE TRIGGER IF NOT EXISTS photo_search_keyword_removed AFTER DELETE ON photo_keywords BEGIN
    DELETE FROM photo_search WHERE rowid = OLD.photo_id;
    INSERT INTO photo_search (rowid, caption, keywords, incident, place, camera, names)
    SELECT * FROM photo_search_text WHERE id = OLD.photo_id;
END;

CREATE TRIGGER IF NOT EXISTS photo_search_source_added AFTER INSERT ON sources BEGIN
    DELETE FROM photo_search WHERE rowid = NEW.photo_id;
    INSERT INTO photo_search (rowid, caption, keywords, incident, place, camera, names)
    SELECT * FROM photo_search_text WHERE id = NEW.photo_id;
END;

CREATE TRIGGER IF NOT EXISTS photo_search_incident_changed
AFTER UPDATE OF name, place ON incidents BEGIN
    DELETE FROM photo_search WHERE rowid IN (SELECT id FROM photos WHERE incident_id = NEW.id);
    INSERT INTO photo_search (rowid, caption, keywords, incident, place, camera, names)
    SELECT * FROM photo_search_text WHERE id IN (SELECT id FROM photos WHERE incident_id = NEW.id);
END;

-- an existing catalogue's photos (and a re-run after a test undid this version)
DELETE FROM photo_search;
INSERT INTO photo_search (rowid, caption, keywords, incident, place, camera, names)
SELECT * FROM photo_search_text;

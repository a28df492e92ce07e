"""SQL that undoes later schema versions, for tests that make a catalogue look older."""

from __future__ import annotations

# Version 15's search index: its triggers name photo_keywords and the photos columns, so it is
# undone before a test drops those (SQLite then refuses an ALTER TABLE naming a lost table).
UNDO_SEARCH_INDEX = (
    "DROP TRIGGER IF EXISTS photo_search_photo_added;"
    " DROP TRIGGER IF EXISTS photo_search_photo_changed;"
    " DROP TRIGGER IF EXISTS photo_search_keyword_added;"
    " DROP TRIGGER IF EXISTS photo_search_keyword_removed;"
    " DROP TRIGGER IF EXISTS photo_search_source_added;"
    " DROP TRIGGER IF EXISTS photo_search_incident_changed;"
    " DROP VIEW IF EXISTS photo_search_text; DROP TABLE IF EXISTS photo_search;"
)

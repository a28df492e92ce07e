"""The import entry carries every recorded column of the photo exactly as stored, its source,
and its thumbnail's SHA-256; duplicate-hash backfills are logged."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from catalog_app.core.record import PHOTO_RECORD
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.support.synthetic import make_jpegs


def test_the_import_entry_carries_the_row(tmp_path: Path) -> None:
    make_jpegs(tmp_path / "card", 3)
    with Catalogue.open(tmp_path / "cat", create=True) as catalogue:
        list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
        entries = [e for e in catalogue.custody_log() if e.action == "import"]
        root = catalogue.layout.root
    conn = sqlite3.connect(root / "catalogue.sqlite")
    conn.row_factory = sqlite3.Row
    assert len(entries) == 3
    for entry in entries:
        row = conn.execute("SELECT * FROM photos WHERE id = ?", (entry.photo_id,)).fetchone()
        stored = {k: (row[k].hex() if isinstance(row[k], bytes) else row[k])
                  for k in PHOTO_RECORD}
        assert entry.details["photo"] == stored
        assert set(entry.details["photo"]) == set(PHOTO_RECORD)
        thumb = (root / row["thumbnail_path"]).read_bytes()
        assert row["thumbnail_sha256"] == hashlib.sha256(thumb).hexdigest()
        source = conn.execute("SELECT path, path_raw FROM sources WHERE photo_id = ?",
                              (entry.photo_id,)).fetchone()
        assert entry.details["source"]["path"] == source["path"]
        assert entry.details["source"]["path_raw"] == bytes(source["path_raw"]).hex()
    conn.close()


def test_duplicate_hash_backfills_are_logged(new_catalogue: Catalogue, tmp_path: Path) -> None:
    make_jpegs(tmp_path / "card", 1)
    list(ImportJob(new_catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
    new_catalogue.set_duplicate_hashes([(1, b"\x01" * 8, "abc")], ACTOR)
    entry = new_catalogue.custody_log(1)[-1]
    assert (entry.action, entry.details) == ("duplicate-hashes", {
        "phash_canonical": "01" * 8, "pixel_hash": "abc"})
    assert new_catalogue.state_check().problems == []

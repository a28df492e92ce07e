"""Migration 0011 rebuilds the imports table so an import can be 'interrupted': every row and
id kept, every reference to them sound, the other statuses still the only others allowed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from catalog_app.db import migrate
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.support.synthetic import make_jpegs


def test_a_schema_7_catalogue_is_upgraded_with_its_imports_whole(tmp_path: Path,
                                                                 monkeypatch) -> None:
    shipped = migrate.available()
    monkeypatch.setattr(migrate, "available", lambda: [s for s in shipped if s[0] <= 7])
    root = tmp_path / "cat"
    make_jpegs(tmp_path / "card", 5, size=(96, 72))
    with Catalogue.open(root, create=True) as catalogue:
        for _ in range(2):
            list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
        running = catalogue.begin_import(["/killed"], False, ACTOR)
    db = root / "catalogue.sqlite"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute("UPDATE imports SET status = 'interrupted'")
        before = conn.execute("SELECT * FROM imports ORDER BY id").fetchall()
    conn.close()
    monkeypatch.undo()

    with Catalogue.open(root, actor=ACTOR) as catalogue:  # upgrades, then marks the killed one
        assert catalogue.import_status(running) == "interrupted"
        assert catalogue.integrity_problems() == []
        assert catalogue.count_photos() == 5
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrate.latest_version()
        after = conn.execute("SELECT * FROM imports ORDER BY id").fetchall()
        assert after[:2] == before[:2] and after[2][0] == before[2][0] == running
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute("UPDATE imports SET status = 'lost' WHERE id = 1")
    conn.close()
    assert list((root / "backups").glob("catalogue-schema7-*.sqlite"))

"""Migration 0011 rebuilds the imports table so an import can be 'interrupted': every row and
id kept, every reference to them sound, the other statuses still the only others allowed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from catalog_app.db import migrate
from catalog_app.db.catalogue import Catalogue
from tests.conftest import ACTOR
from tests.db.test_upgrade_baseline import _schema_7


def test_a_schema_7_catalogue_is_upgraded_with_its_imports_whole(tmp_path: Path,
                                                                 monkeypatch) -> None:
    root = tmp_path / "cat"
    _schema_7(root, tmp_path / "card", monkeypatch)  # rows as version 7 wrote them
    db = root / "catalogue.sqlite"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
        running = conn.execute(  # an import killed while running, as version 7 left it
            "INSERT INTO imports (started_at, status, operator, machine, app_version,"
            " in_place, paths) VALUES ('2025-03-02T08:00:00Z', 'running', 'field-operator',"
            " 'old-laptop', '0.0.9', 0, '[\"/killed\"]')").lastrowid
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute("UPDATE imports SET status = 'interrupted'")
        before = conn.execute("SELECT * FROM imports ORDER BY id").fetchall()
    conn.close()

    with Catalogue.open(root, actor=ACTOR) as catalogue:  # upgrades, then marks the killed one
        assert catalogue.import_status(running) == "interrupted"
        assert catalogue.integrity_problems() == []
        assert catalogue.count_photos() == 2
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrate.latest_version()
        after = conn.execute("SELECT * FROM imports ORDER BY id").fetchall()
        assert after[:1] == before[:1] and after[1][0] == before[1][0] == running
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute("UPDATE imports SET status = 'lost' WHERE id = 1")
    conn.close()
    assert list((root / "backups").glob("catalogue-schema7-*.sqlite"))

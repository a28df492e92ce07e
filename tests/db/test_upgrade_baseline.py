"""A catalogue written by schema 7 (whose log did not carry the values) is upgraded by
migration 8 with a logged baseline of its state, and verify proves the state from there."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from catalog_app.cli import main
from catalog_app.core import store
from catalog_app.core.layout import Layout
from catalog_app.core.models import Actor
from catalog_app.db import migrate
from catalog_app.db.catalogue import Catalogue
from catalog_app.db.custody import CustodyWriter
from tests.support.synthetic import make_jpegs

OLD = Actor("field-operator", "old-laptop", "0.0.9")


def _schema_7(root: Path, card: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Migrations 1-7 only, then rows and log entries written the way version 7 wrote them."""
    steps = [(v, sql) for v, sql in migrate.available() if v <= 7]
    with monkeypatch.context() as patch:
        patch.setattr(migrate, "available", lambda: steps)
        Catalogue.open(root, create=True).close()
    layout = Layout(root)
    conn = sqlite3.connect(layout.db_path, isolation_level=None)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
    conn.execute("BEGIN IMMEDIATE")
    log = CustodyWriter(conn, OLD)
    conn.execute("INSERT INTO imports (id, started_at, finished_at, status, operator, machine,"
                 " app_version, in_place, paths, imported) VALUES (1, '2025-03-01T10:00:00Z',"
                 " '2025-03-01T10:01:00Z', 'finished', 'field-operator', 'old-laptop',"
                 " '0.0.9', 0, '[\"/card\"]', 2)")
    log.append("import-started", {"import": 1, "paths": ["/card"], "in_place": False})
    conn.execute("INSERT INTO incidents (id, name, description, created_at) VALUES"
                 " (1, 'Market fire', 'seen from the bridge', '2025-03-01T11:00:00Z')")
    log.append("incident-added", {"incident": 1, "name": "Market fire"})
    for pid, path in enumerate(make_jpegs(card, 2), start=1):
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        stored, _ = store.store_original(layout, sha, data, ".jpg", None)
        thumb = store.store_thumbnail(layout, sha, data)
        conn.execute(
            "INSERT INTO photos (id, sha256, stored_path, format, size_bytes, width, height,"
            " taken_at, time_source, sort_time, phash, dhash, thumbnail_path, imported_at,"
            " import_id, caption, incident_id, restricted) VALUES (?, ?, ?, 'JPEG', ?, 320,"
            " 240, '2024-07-12T09:00:00', 'unknown', '2024-07-12T09:00:00', 0, 0, ?,"
            " '2025-03-01T10:00:30Z', 1, 'smoke over the market', 1, ?)",
            (pid, sha, stored, len(data), thumb, pid - 1))
        conn.execute("INSERT INTO sources (photo_id, path, path_raw, size_bytes, import_id,"
                     " recorded_at) VALUES (?, ?, ?, ?, 1, '2025-03-01T10:00:30Z')",
                     (pid, str(path), bytes(path), len(data)))
        conn.execute("INSERT INTO photo_keywords VALUES (?, 'fire')", (pid,))
        log.append("import", {"import": 1, "sha256": sha, "path": str(path),
                              "stored_path": stored}, photo_id=pid)
        log.append("caption", {"old": "", "new": "smoke over the market"}, photo_id=pid)
    log.append("import-finished", {"import": 1, "imported": 2, "already_present": 0,
                                   "failed": 0})
    conn.execute("COMMIT")
    conn.close()


def test_an_upgraded_catalogue_is_proven_from_its_baseline(tmp_path: Path, capsys,
                                                          monkeypatch) -> None:
    root = tmp_path / "catalogue"
    _schema_7(root, tmp_path / "card", monkeypatch)
    with Catalogue.open(root) as catalogue:  # migration 8: the baseline, logged
        entries = catalogue.custody_log()
        photo_ids = [p.id for p in catalogue.photos()]
    assert [e.action for e in entries[:7]][-1] == "import-finished"
    baseline = entries[7]
    assert baseline.action == "baseline" and baseline.details["entries_before"] == 7
    photos = [e for e in entries if e.action == "photo-baseline"]
    assert [e.photo_id for e in photos] == photo_ids == [1, 2]
    first = photos[0].details
    assert set(first) == {"photo", "caption", "incident", "graphic", "restricted",
                          "caption_review", "keywords"}  # the contract with package checks
    assert len([e for e in entries if e.action == "source-baseline"]) == 2
    assert first["caption"] == "smoke over the market" and first["incident"] == 1
    assert first["keywords"] == ["fire"] and first["restricted"] is False
    assert photos[1].details["restricted"] is True
    assert first["photo"]["thumbnail_sha256"] is not None
    assert {e.action for e in entries} >= {"import-baseline", "incident-baseline"}

    capsys.readouterr()
    assert main(["--catalogue", str(root), "verify"]) == 0
    out = capsys.readouterr().out
    assert (f"State matches the log (from the baseline at entry {baseline.id}, recorded when "
            f"this catalogue was upgraded on {baseline.at[:10]})") in out

    with Catalogue.open(root) as catalogue:  # a change after the upgrade is proven too
        catalogue.set_caption(2, "smoke, seen from the bridge", OLD)
    assert main(["--catalogue", str(root), "verify"]) == 0

    conn = sqlite3.connect(root / "catalogue.sqlite")
    with conn:
        conn.execute("UPDATE photos SET restricted = 0 WHERE id = 2")
    conn.close()
    capsys.readouterr()
    assert main(["--catalogue", str(root), "verify"]) == 1
    assert ("photo 2: restricted differs from its custody record: log says 1, catalogue says 0"
            in capsys.readouterr().out)


def test_a_new_catalogue_gets_no_baseline(tmp_path: Path) -> None:
    with Catalogue.open(tmp_path / "new", create=True) as catalogue:
        assert catalogue.custody_log() == []

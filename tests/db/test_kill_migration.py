"""SIGKILL in the middle of a schema migration: the catalogue stays at its old version, whole,
and the next open finishes the update."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from catalog_app.core.store import sha256_file
from catalog_app.db import migrate
from catalog_app.db.catalogue import Catalogue
from catalog_app.services.importing import ImportJob
from tests.conftest import ACTOR
from tests.support.schema_undo import UNDO_SEARCH_INDEX
from tests.support.synthetic import make_jpegs

KILL_INSIDE_MIGRATION = """
import os, signal, sqlite3, sys
from pathlib import Path
from catalog_app.db import migrate
# step 6, with a kill after its statements ran and before its COMMIT
steps = [(v, sql + "\\nSELECT die();" if v == 6 else sql) for v, sql in migrate.available()]
migrate.available = lambda: steps
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.create_function("die", 0, lambda: os.kill(os.getpid(), signal.SIGKILL))
migrate.migrate(conn, Path(sys.argv[1]), Path(sys.argv[2]))
"""


def _downgrade_to_6(db: Path) -> None:
    """Undo schema 7 with SQL, as if the catalogue was written by an older version."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(
        f"BEGIN; {UNDO_SEARCH_INDEX}"
        " ALTER TABLE photos DROP COLUMN thumbnail_sha256; DROP INDEX photos_zone_unknown;"
        " ALTER TABLE photos DROP COLUMN preview_missing;"
        " ALTER TABLE photos DROP COLUMN corrected_local;"
        " PRAGMA user_version = 6; COMMIT;")
    conn.close()


def _downgrade_to_5(db: Path) -> None:
    """Undo schemas 7 and 6 with SQL, as if the catalogue was written by an older version."""
    _downgrade_to_6(db)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(
        "BEGIN; DROP TABLE camera_clocks; DROP TABLE photo_keywords;"
        " ALTER TABLE photos DROP COLUMN graphic; ALTER TABLE photos DROP COLUMN restricted;"
        " ALTER TABLE photos DROP COLUMN caption_review; PRAGMA user_version = 5; COMMIT;")
    conn.close()


def test_a_kill_inside_a_migration(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    make_jpegs(tmp_path / "card", 20)
    with Catalogue.open(root, create=True) as catalogue:
        list(ImportJob(catalogue, [str(tmp_path / "card")], ACTOR, workers=0).run())
        db, backups = catalogue.layout.db_path, catalogue.layout.backups
        assert migrate.latest_version() >= 7  # 0011 rebuilds imports: it can run again
    _downgrade_to_5(db)
    killed = subprocess.run([sys.executable, "-c", KILL_INSIDE_MIGRATION, str(db),
                             str(backups)], capture_output=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 5  # all of step 6, or none
    assert "graphic" not in {r[1] for r in conn.execute("PRAGMA table_info(photos)")}
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert list(backups.glob("catalogue-schema5-*.sqlite"))  # taken before the step began
    with Catalogue.open(root) as catalogue:  # the next open finishes the update
        assert catalogue.integrity_problems() == [] and catalogue.custody_chain_problems() == []
        assert catalogue.count_photos() == 20
        assert all(not p.graphic for p in catalogue.photos())
        for photo_id, sha, stored in catalogue.stored_files():
            assert sha256_file(catalogue.layout.resolve(stored)) == sha, photo_id
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrate.latest_version()

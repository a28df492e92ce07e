"""Edits behind the app's back for the red-team tests: SQL, forged log entries, relinked chains."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from catalog_app.core.custody import GENESIS, canonical_details, entry_hash
from catalog_app.core.models import Actor

TRIGGERS = {
    "custody_log_no_update": "CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON "
    "custody_log\nBEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;",
    "custody_log_no_delete": "CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON "
    "custody_log\nBEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;",
    "photos_no_delete": "CREATE TRIGGER photos_no_delete BEFORE DELETE ON photos\n"
    "BEGIN SELECT RAISE(ABORT, 'photos are evidence and are never deleted'); END;",
    "checkpoints_no_delete": "CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON "
    "checkpoints\nBEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;",
    "timestamps_no_delete": "CREATE TRIGGER timestamps_no_delete BEFORE DELETE ON timestamps\n"
    "BEGIN SELECT RAISE(ABORT, 'time-stamp tokens are evidence and are never deleted'); END;",
}


def connect(root: Path) -> sqlite3.Connection:
    return sqlite3.connect(root / "catalogue.sqlite")


def sql(root: Path, *statements: str | tuple[str, tuple]) -> None:
    """Run statements in one transaction with the sqlite3 module, as anyone with the folder."""
    conn = connect(root)
    with conn:
        for item in statements:
            text, params = (item, ()) if isinstance(item, str) else item
            conn.execute(text, params)
    conn.close()


def one(root: Path, query: str, params: tuple = ()) -> Any:
    conn = connect(root)
    try:
        return conn.execute(query, params).fetchone()
    finally:
        conn.close()


def append_entry(conn: sqlite3.Connection, action: str, details: dict[str, Any],
                 photo_id: int | None = None, operator: str = "tester",
                 at: str = "2026-12-01T12:00:00.000000Z") -> int:
    """Append a forged entry whose hash extends the chain (the triggers do not stop inserts)."""
    last = conn.execute("SELECT id, entry_hash, machine, app_version FROM custody_log"
                        " ORDER BY id DESC LIMIT 1").fetchone()
    number, previous, machine, version = last if last else (0, GENESIS, "m", "v")
    text = canonical_details(details)
    digest = entry_hash(previous, at, Actor(operator, machine, version), action, photo_id, text)
    conn.execute("INSERT INTO custody_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (number + 1, at, operator, machine, version, action, photo_id, text, previous,
                  digest))
    return int(number + 1)


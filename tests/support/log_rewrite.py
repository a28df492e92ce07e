"""The one consistent rewrite of the custody log behind the app's back, with recomputed hashes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from catalog_app.core.custody import GENESIS, canonical_details, entry_hash
from catalog_app.core.models import Actor


def rewrite_log(target: Path | sqlite3.Connection, first: int, change: dict[str, Any]) -> None:
    """What someone holding the files can do: drop the custody log's append-only triggers,
    merge `change` into entry `first`'s details, recompute every hash from `first` on, and put
    the triggers back as they were.

    `target` is the catalogue's database file (the rewrite is one transaction of its own) or an
    open connection (the rewrite joins the caller's transaction; the caller commits)."""
    if isinstance(target, sqlite3.Connection):
        _rewrite(target, first, change)
        return
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        _rewrite(conn, first, change)
        conn.execute("COMMIT")
    finally:
        conn.close()


def _rewrite(conn: sqlite3.Connection, first: int, change: dict[str, Any]) -> None:
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                            " AND tbl_name = 'custody_log'").fetchall()
    assert triggers, "the custody log has its append-only triggers"
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    before = conn.execute("SELECT entry_hash FROM custody_log WHERE id = ?",
                          (first - 1,)).fetchone()
    previous = before[0] if before else GENESIS
    rows = conn.execute("SELECT id, at, operator, machine, app_version, action, photo_id,"
                        " details FROM custody_log WHERE id >= ? ORDER BY id",
                        (first,)).fetchall()
    assert rows and rows[0][0] == first, f"the custody log has an entry {first}"
    for entry, at, operator, machine, version, action, photo, details in rows:
        if entry == first:
            details = canonical_details({**json.loads(details), **change})
        digest = entry_hash(previous, at, Actor(operator, machine, version), action, photo,
                            details)
        conn.execute("UPDATE custody_log SET details = ?, prev_hash = ?, entry_hash = ?"
                     " WHERE id = ?", (details, previous, digest, entry))
        previous = digest
    for _, sql in triggers:
        conn.execute(sql)

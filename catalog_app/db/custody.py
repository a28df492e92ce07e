"""Append to the custody log: each entry carries the SHA-256 of the one before (a hash chain)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from catalog_app.core import testpoints
from catalog_app.core.custody import GENESIS, canonical_details, entry_hash, now_utc
from catalog_app.core.models import Actor, CustodyEntry
from catalog_app.db.rows import named

__all__ = ["GENESIS", "CustodyWriter", "chain_problems", "chain_problems_of", "entry_hash",
           "head", "now_utc", "read_entries"]

class CustodyWriter:
    """Appends entries inside the caller's write transaction (which holds SQLite's lock)."""

    def __init__(self, conn: sqlite3.Connection, actor: Actor) -> None:
        self._conn = conn
        self._actor = actor
        row = conn.execute("SELECT entry_hash FROM custody_log ORDER BY id DESC LIMIT 1").fetchone()
        self._head = row[0] if row else GENESIS

    @property
    def operator(self) -> str:
        return self._actor.operator

    def append(self, action: str, details: dict[str, Any], photo_id: int | None = None) -> str:
        at = now_utc()
        text = canonical_details(details)
        digest = entry_hash(self._head, at, self._actor, action, photo_id, text)
        self._conn.execute(
            "INSERT INTO custody_log (at, operator, machine, app_version, action, photo_id,"
            " details, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (at, self._actor.operator, self._actor.machine, self._actor.app_version, action,
             photo_id, text, self._head, digest),
        )
        self._head = digest
        testpoints.reached("custody", action)  # a kill test may stop here, before COMMIT
        return digest


def read_entries(conn: sqlite3.Connection, photo_id: int | None = None) -> list[CustodyEntry]:
    fields = ("id", "at", "operator", "machine", "app_version", "action", "photo_id", "details",
              "prev_hash", "entry_hash")  # CustodyEntry's fields, read by name
    sql = f"SELECT {', '.join(fields)} FROM custody_log"
    found = (named(conn, sql + " WHERE photo_id = ? ORDER BY id", (photo_id,))
             if photo_id is not None else named(conn, sql + " ORDER BY id"))
    return [CustodyEntry(**{**{f: row[f] for f in fields},
                            "details": json.loads(row["details"])}) for row in found]


def chain_problems(conn: sqlite3.Connection, last: int | None = None) -> list[str]:
    """Every entry (up to `last`) whose hash or link to the one before does not hold; empty
    when intact."""
    problems = []
    previous = GENESIS
    expected_id = 1
    actors: dict[tuple[str, str, str], Actor] = {}
    for row in conn.execute(
            "SELECT id, at, operator, machine, app_version, action, photo_id, details,"
            " prev_hash, entry_hash FROM custody_log WHERE id <= ? ORDER BY id",
            (last if last is not None else 2**62,)):
        entry_id, at, operator, machine, version, action, photo_id, details, prev, digest = row
        if entry_id != expected_id:
            problems.append(f"entries {expected_id} to {entry_id - 1} are missing")
        if prev != previous:
            problems.append(f"entry {entry_id} does not follow entry {entry_id - 1}")
        actor = actors.get((operator, machine, version))
        if actor is None:
            actor = actors[(operator, machine, version)] = Actor(operator, machine, version)
        if entry_hash(prev, at, actor, action, photo_id, details) != digest:
            problems.append(f"entry {entry_id} ({action}) was altered after it was written")
        previous, expected_id = digest, entry_id + 1
    return problems


def chain_problems_of(db_path: str, last: int) -> list[str]:
    """chain_problems over a read-only connection of its own (run in a worker process)."""
    conn = sqlite3.connect(f"{Path(db_path).as_uri()}?mode=ro", uri=True)
    try:
        return chain_problems(conn, last)
    finally:
        conn.close()


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    """(number of entries, hash of the last one): what a copy is checked against."""
    row = conn.execute("SELECT count(*), (SELECT entry_hash FROM custody_log ORDER BY id DESC"
                       " LIMIT 1) FROM custody_log").fetchone()
    return row[0], row[1] or GENESIS

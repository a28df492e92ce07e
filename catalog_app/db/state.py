"""Read every table into the shape core/replay.py folds the log into, and replay the log."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from catalog_app.core.record import (
    CLOCK_FIELDS,
    FACE_SCAN_FIELDS,
    FAILURE_FIELDS,
    IMPORT_FIELDS,
    INCIDENT_FIELDS,
    LINK_FIELDS,
    NOT_DUPLICATE_FIELDS,
    PHOTO_FIELDS,
    POSITION_FIELDS,
    REDACTION_FIELDS,
    SHOT_FIELDS,
    SOURCE_FIELDS,
    State,
)
from catalog_app.core.replay import Replayed, Row, replay
from catalog_app.core.workers import spawn_pool
from catalog_app.db import custody


def _hex(value: Any) -> Any:
    return bytes(value).hex() if isinstance(value, bytes | memoryview) else value


def _table(conn: sqlite3.Connection, table: str, keys: tuple[str, ...],
          fields: tuple[str, ...]) -> dict[Any, dict[str, Any]]:
    present = {column[1] for column in conn.execute(f"PRAGMA table_info({table})")}
    if not present:  # a table a later migration makes: empty while an older schema upgrades
        return {}
    # a column a later migration adds reads as NULL while an older schema is upgraded (an
    # expression, such as a CAST of a column, is taken as written)
    names = ", ".join(n if n in present or "(" in n else "NULL" for n in (*keys, *fields))
    found: dict[Any, dict[str, Any]] = {}
    width = len(keys)
    for row in conn.execute(f"SELECT {names} FROM {table}"):
        values = [_hex(v) for v in row]
        key = values[0] if width == 1 else tuple(values[:width])
        found[key] = dict(zip(fields, values[width:], strict=True))
    return found


def held(conn: sqlite3.Connection) -> State:
    """Every table the log records, as core/record.py's State: key -> {field: value}."""
    return {
        "photos": _table(conn, "photos", ("id",), PHOTO_FIELDS),
        # a path_raw stored as TEXT is read as its bytes: it then differs from the log's
        "sources": _table(conn, "sources", ("photo_id", "CAST(path_raw AS BLOB)"),
                          SOURCE_FIELDS),
        "photo_keywords": _table(conn, "photo_keywords", ("photo_id", "keyword"), ()),
        "camera_clocks": _table(conn, "camera_clocks", ("make", "model", "serial"),
                               CLOCK_FIELDS),
        "duplicate_links": _table(conn, "duplicate_links", ("photo_id",), LINK_FIELDS),
        "not_duplicates": _table(conn, "not_duplicates", ("a", "b"), NOT_DUPLICATE_FIELDS),
        "incidents": _table(conn, "incidents", ("id",), INCIDENT_FIELDS),
        "imports": _table(conn, "imports", ("id",), IMPORT_FIELDS),
        "import_failures": _table(conn, "import_failures", ("id",), FAILURE_FIELDS),
        # (migration 8 records a baseline from this before migration 13 makes the table)
        "redactions": _table(conn, "redactions", ("id",), REDACTION_FIELDS)
        if _exists(conn, "redactions") else {},
        # (migration 8's baseline reads the tables before migration 14 makes this one)
        "face_scans": _table(conn, "face_scans", ("photo_id",), FACE_SCAN_FIELDS)
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'face_scans'").fetchone()
        else {},
        "shot_links": _table(conn, "shot_links", ("photo_id",), SHOT_FIELDS),
        # (a table migration 16 makes: _table reads it as empty while an older one upgrades)
        "photo_positions": _table(conn, "photo_positions", ("photo_id",), POSITION_FIELDS),
    }


def _exists(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (table,)).fetchone() is not None


def held_times(conn: sqlite3.Connection) -> dict[int, tuple[str | None, str | None]]:
    """Each photo's stored (sort_time, corrected_local)."""
    return {pid: (s, c) for pid, s, c in conn.execute(
        "SELECT id, sort_time, corrected_local FROM photos")}


_IN_PROCESS = 20_000  # entries below which a second process costs more than it saves


def _rows(conn: sqlite3.Connection, last: int) -> Iterator[Row]:
    cursor = conn.execute("SELECT id, at, operator, machine, app_version, action, photo_id,"
                          " details FROM custody_log WHERE id <= ? ORDER BY id", (last,))
    try:
        yield from cursor
    finally:  # closed before its connection, whatever stopped the fold
        cursor.close()


def replay_log(conn: sqlite3.Connection, db_path: Path | None = None
               ) -> tuple[Replayed, list[str]]:
    """The state the log records, and the chain's problems: the chain is checked in a second
    process (on its own read-only connection) while this one replays, when the log is long."""
    last = conn.execute("SELECT coalesce(max(id), 0) FROM custody_log").fetchone()[0]
    if db_path is None or last < _IN_PROCESS:
        return replay(_rows(conn, last)), custody.chain_problems(conn, last)
    with spawn_pool(1) as pool:  # a lean worker that dies with verify
        chain = pool.submit(custody.chain_problems_of, str(db_path), last)
        replayed = replay(_rows(conn, last))
        return replayed, chain.result()

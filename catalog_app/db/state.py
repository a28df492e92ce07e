"""Read every table into the shape core/replay.py folds the log into, and replay the log."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from catalog_app.core.custody import GENESIS, entry_hash
from catalog_app.core.models import Actor
from catalog_app.core.record import (
    CLOCK_FIELDS,
    FAILURE_FIELDS,
    IMPORT_FIELDS,
    INCIDENT_FIELDS,
    LINK_FIELDS,
    NOT_DUPLICATE_FIELDS,
    PHOTO_FIELDS,
    SOURCE_FIELDS,
    State,
)
from catalog_app.core.replay import Replayed, Row, replay


def _hex(value: Any) -> Any:
    return bytes(value).hex() if isinstance(value, bytes | memoryview) else value


def _rows(conn: sqlite3.Connection, table: str, keys: tuple[str, ...],
          fields: tuple[str, ...]) -> dict[Any, dict[str, Any]]:
    names = ", ".join((*keys, *fields))
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
        "photos": _rows(conn, "photos", ("id",), PHOTO_FIELDS),
        "sources": _rows(conn, "sources", ("photo_id", "path_raw"), SOURCE_FIELDS),
        "photo_keywords": _rows(conn, "photo_keywords", ("photo_id", "keyword"), ()),
        "camera_clocks": _rows(conn, "camera_clocks", ("make", "model", "serial"),
                               CLOCK_FIELDS),
        "duplicate_links": _rows(conn, "duplicate_links", ("photo_id",), LINK_FIELDS),
        "not_duplicates": _rows(conn, "not_duplicates", ("a", "b"), NOT_DUPLICATE_FIELDS),
        "incidents": _rows(conn, "incidents", ("id",), INCIDENT_FIELDS),
        "imports": _rows(conn, "imports", ("id",), IMPORT_FIELDS),
        "import_failures": _rows(conn, "import_failures", ("id",), FAILURE_FIELDS),
    }


def held_times(conn: sqlite3.Connection) -> dict[int, tuple[str | None, str | None]]:
    """Each photo's stored (sort_time, corrected_local)."""
    return {pid: (s, c) for pid, s, c in conn.execute(
        "SELECT id, sort_time, corrected_local FROM photos")}


class _Chained:
    """The log's rows, each checked against the hash chain as replay reads it (one pass)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.problems: list[str] = []

    def __iter__(self) -> Iterator[Row]:
        previous, expected_id = GENESIS, 1
        problems = self.problems
        actors: dict[tuple[str, str, str], Actor] = {}
        for row in self._conn.execute(
                "SELECT id, at, operator, machine, app_version, action, photo_id, details,"
                " prev_hash, entry_hash FROM custody_log ORDER BY id"):
            entry_id, at, operator, machine, version, action, photo_id, details, prev, digest \
                = row
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
            yield row[:8]  # type: ignore[misc]


def replay_log(conn: sqlite3.Connection) -> tuple[Replayed, list[str]]:
    """The state the log records and the chain's problems, from one read of the log."""
    chained = _Chained(conn)
    return replay(chained), chained.problems

"""The catalogue's SQL schema (tables, columns, indexes, triggers) against what the app makes."""

from __future__ import annotations

import functools
import re
import sqlite3

from catalog_app.db import migrate

_WHY = {"trigger": "the rules it enforces (an append-only log, photos never deleted) no "
                   "longer hold"}


def _normal(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    return {(kind, name): _normal(sql) for kind, name, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}


@functools.cache
def expected() -> dict[tuple[str, str], str]:
    """What the app's migrations make, run once on an in-memory database (cached)."""
    conn = sqlite3.connect(":memory:")
    try:
        for _, sql in migrate.available():
            conn.executescript(sql)
        return _objects(conn)
    finally:
        conn.close()


def problems(conn: sqlite3.Connection) -> list[str]:
    """One sentence per table, index or trigger missing, changed or unknown to the app."""
    want, have = expected(), _objects(conn)
    found = []
    for kind, name in sorted(want.keys() - have.keys()):
        why = _WHY.get(kind)
        found.append(f"schema: {kind} {name} is missing" + (f" ({why})" if why else ""))
    for kind, name in sorted(have.keys() - want.keys()):
        found.append(f"schema: {kind} {name} is not one the app makes")
    for kind, name in sorted(want.keys() & have.keys()):
        if want[(kind, name)] != have[(kind, name)]:
            found.append(f"schema: {kind} {name} differs from what the app makes: "
                         f"{have[(kind, name)][:200]}")
    return found

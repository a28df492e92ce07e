"""Apply numbered schema migrations, each in one transaction, after backing the file up."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from catalog_app.errors import CatalogueError, CatalogueTooNew

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available() -> list[tuple[int, str]]:
    """(version, SQL) for every migration shipped with the app, in order."""
    found = []
    for entry in resources.files("catalog_app.db.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest_version() -> int:
    return available()[-1][0]


def migrate(conn: sqlite3.Connection, db_path: Path, backups: Path) -> list[int]:
    """Bring the schema up to date; returns the versions applied.

    An existing catalogue is copied to `backups/` (SQLite backup API) before the first step.
    Each step runs in its own transaction with its user_version bump, so a crash leaves the
    catalogue at the last complete version.
    """
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    steps = available()
    newest = steps[-1][0]
    if current > newest:
        from catalog_app.i18n import _

        raise CatalogueTooNew(_(
            "This catalogue was written by a newer version of catalog_app (schema {version}, "
            "this version knows up to {newest}); update the app to open it.").format(
                version=current, newest=newest))
    pending = [(v, sql) for v, sql in steps if v > current]
    if pending and current > 0:
        _backup(conn, backups, current)
    for version, sql in pending:
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\n")
            for step in _python_steps().get(version, ()):
                step(conn)  # in the same transaction as the version's SQL
            conn.execute(f"PRAGMA user_version = {version}")  # not executescript: it would
            conn.execute("COMMIT")  # commit first, and the bump would be a step of its own
        except BaseException as exc:
            if conn.in_transaction:
                conn.rollback()
            if isinstance(exc, sqlite3.Error):
                raise CatalogueError(
                    f"The catalogue could not be updated to schema {version} ({exc}); it was "
                    f"left unchanged at schema {version - 1}, with a backup in {backups}."
                ) from exc
            raise
    return [v for v, _ in pending]


def _python_steps() -> dict[int, tuple[Callable[[sqlite3.Connection], object], ...]]:
    """Work a version needs beyond its SQL (it runs inside that version's transaction)."""
    from catalog_app.db import baseline, sort_order

    return {7: (sort_order.refresh,),  # every photo's sort_time by core/clock.py's rule
            8: (baseline.record,)}  # the state an older catalogue holds, as logged entries


def _backup(conn: sqlite3.Connection, backups: Path, version: int) -> Path:
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups / f"catalogue-schema{version}-{stamp}.sqlite"
    with sqlite3.connect(target) as copy:
        conn.backup(copy)
    copy.close()
    return target

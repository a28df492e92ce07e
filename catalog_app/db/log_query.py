"""The custody log narrowed for its viewer: entries by action, operator, photo and date."""

from __future__ import annotations

import json
import sqlite3

from catalog_app.core.log_filter import LogFilter
from catalog_app.core.models import CustodyEntry
from catalog_app.db.rows import named

_FIELDS = ("id", "at", "operator", "machine", "app_version", "action", "photo_id", "details",
           "prev_hash", "entry_hash")


def entries(conn: sqlite3.Connection, spec: LogFilter) -> tuple[list[CustodyEntry], int]:
    """The newest `spec.limit` entries matching `spec` (oldest first), and how many match."""
    clauses: list[str] = ["1"]
    params: list[object] = []
    if spec.action:
        clauses.append("action = ?")
        params.append(spec.action)
    if spec.operator:
        clauses.append("operator = ?")
        params.append(spec.operator)
    if spec.photo_id is not None:
        clauses.append("photo_id = ?")
        params.append(spec.photo_id)
    if spec.date_from:  # `at` is an ISO time in UTC: its first ten characters are its day
        clauses.append("substr(at, 1, 10) >= ?")
        params.append(spec.date_from)
    if spec.date_to:
        clauses.append("substr(at, 1, 10) <= ?")
        params.append(spec.date_to)
    where = " AND ".join(clauses)
    total = conn.execute(f"SELECT count(*) FROM custody_log WHERE {where}", params).fetchone()[0]
    rows = named(conn, f"SELECT {', '.join(_FIELDS)} FROM custody_log WHERE {where}"
                       f" ORDER BY id DESC LIMIT ?", (*params, spec.limit))
    found = [CustodyEntry(**{**{f: row[f] for f in _FIELDS},
                             "details": json.loads(row["details"])}) for row in rows]
    return found[::-1], total


def facets(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """Every action and every operator the log holds, A to Z (the viewer's choices)."""
    actions = [r[0] for r in conn.execute("SELECT DISTINCT action FROM custody_log ORDER BY 1")]
    operators = [r[0] for r in conn.execute(
        "SELECT DISTINCT operator FROM custody_log ORDER BY 1")]
    return actions, operators

"""The timestamps table: heads queued for an RFC 3161 token, and the tokens once stored."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol

from catalog_app.core.custody import now_utc
from catalog_app.core.models import Actor
from catalog_app.core.tsa import Stamp, StoredTimestamp
from catalog_app.db.unit_of_work import UnitOfWork

LOGGED_ACTION = "timestamped"

_ROWS = ("SELECT t.id, t.entry_id, t.entry_hash, t.requested_at, t.tsa_url,"
         " CAST(t.token AS BLOB), t.gen_time, t.tsa_name, CAST(t.ca_pem AS BLOB), c.entry_hash"
         " FROM timestamps t"
         " LEFT JOIN custody_log c ON c.id = t.entry_id")


class _Queues(Protocol):
    def queue_timestamp(self, entries: int, entry_hash: str) -> bool: ...


def queue(where: sqlite3.Connection | _Queues, entries: int, entry_hash: str) -> bool:
    """Queue the head (`entries`, `entry_hash`) for a time-stamp token; no network, no log
    entry. `where` is a connection inside the caller's write transaction (the checkpoint
    writer's), or a catalogue (its own short transaction). False if it was already queued."""
    if not isinstance(where, sqlite3.Connection):
        return where.queue_timestamp(entries, entry_hash)
    if entries <= 0:
        return False
    cursor = where.execute(
        "INSERT INTO timestamps (entry_id, entry_hash, requested_at) VALUES (?, ?, ?)"
        " ON CONFLICT (entry_id, entry_hash) DO NOTHING", (entries, entry_hash, now_utc()))
    return cursor.rowcount == 1


def listed(conn: sqlite3.Connection, queued_only: bool = False) -> list[StoredTimestamp]:
    """Every row in the order queued, each with the log's hash at its entry today."""
    sql = _ROWS + (" WHERE t.token IS NULL" if queued_only else "") + " ORDER BY t.id"
    return [StoredTimestamp(row_id, entry_id, entry_hash, requested, url,
                            bytes(token) if token is not None else None, gen_time, name,
                            bytes(ca) if ca is not None else None, current)
            for row_id, entry_id, entry_hash, requested, url, token, gen_time, name, ca, current
            in conn.execute(sql)]


def store(uow: UnitOfWork, row_id: int, token: bytes, tsa_url: str, stamp: Stamp,
          ca_pem: bytes) -> bool:
    """Fill a queued row with its token and log `timestamped`, in the caller's unit of work.
    False (nothing written) if another run stored a token for it first."""
    conn = uow.connection
    row = conn.execute("SELECT entry_id, entry_hash FROM timestamps WHERE id = ? AND token IS"
                       " NULL", (row_id,)).fetchone()
    if row is None:
        return False
    conn.execute("UPDATE timestamps SET token = ?, tsa_url = ?, gen_time = ?, tsa_name = ?,"
                 " ca_pem = ?, stamped_at = ? WHERE id = ?",
                 (token, tsa_url, stamp.gen_time, stamp.tsa_name, ca_pem, now_utc(), row_id))
    uow.record_event(LOGGED_ACTION, {
        "entry": row[0], "hash": row[1], "tsa": tsa_url, "tsa_name": stamp.tsa_name,
        "gen_time": stamp.gen_time, "serial": str(stamp.serial),
        "token_sha256": hashlib.sha256(token).hexdigest()})
    return True


def logged(conn: sqlite3.Connection) -> list[tuple[int, dict]]:
    """(log entry id, details) of every `timestamped` entry: tokens the log says were stored."""
    return [(entry_id, json.loads(details)) for entry_id, details in conn.execute(
        "SELECT id, details FROM custody_log WHERE action = ? ORDER BY id", (LOGGED_ACTION,))]


class TimestampsMixin:
    """Methods of Catalogue for time-stamp tokens (the table above)."""

    _conn: sqlite3.Connection
    _write: Callable[[], AbstractContextManager[sqlite3.Connection]]
    unit_of_work: Callable[[Actor], AbstractContextManager[UnitOfWork]]

    def queue_timestamp(self, entries: int, entry_hash: str) -> bool:
        with self._write() as conn:
            return queue(conn, entries, entry_hash)

    def timestamps(self, queued_only: bool = False) -> list[StoredTimestamp]:
        return listed(self._conn, queued_only)

    def store_timestamp(self, row_id: int, token: bytes, tsa_url: str, stamp: Stamp,
                        ca_pem: bytes, actor: Actor) -> bool:
        with self.unit_of_work(actor) as uow:
            return store(uow, row_id, token, tsa_url, stamp, ca_pem)

    def logged_timestamps(self) -> list[tuple[int, dict]]:
        return logged(self._conn)

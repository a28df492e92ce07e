"""Signed checkpoints of the custody log's head, and the public keys registered in the log."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol

from catalog_app.core import testpoints
from catalog_app.core.anchors import head_text
from catalog_app.core.custody import now_utc
from catalog_app.core.keys import REGISTERED, Checkpoint, RegisteredKey
from catalog_app.db import timestamps
from catalog_app.db.interface import CatalogueStore


class Signer(Protocol):
    """An unlocked key (core.keys.SessionKey): its fingerprint and its signature of bytes."""

    @property
    def fingerprint(self) -> str: ...

    def sign(self, data: bytes) -> bytes: ...


class CheckpointStore(CatalogueStore, Protocol):
    """A catalogue that keeps checkpoints (what CheckpointsMixin adds to an engine)."""

    def sign_checkpoints_with(self, key: Signer | None) -> None: ...
    def sign_checkpoint(self) -> Checkpoint | None: ...


def _last_entry(conn: sqlite3.Connection) -> tuple[int, str] | None:
    row = conn.execute("SELECT id, entry_hash FROM custody_log ORDER BY id DESC LIMIT 1"
                       ).fetchone()
    return (row[0], row[1]) if row else None


def sign_head(conn: sqlite3.Connection, key: Signer, again: bool = False) -> Checkpoint | None:
    """Sign the log's last entry inside the caller's transaction; None when the log is empty
    or (unless `again`) this key already signed that entry. A kill test may stop at the
    `checkpoint` test point, after the row is written and before the commit."""
    head = _last_entry(conn)
    if head is None:
        return None
    entry, entry_hash = head
    if not again:
        signed = conn.execute("SELECT 1 FROM checkpoints WHERE entry_id = ?"
                              " AND key_fingerprint = ?", (entry, key.fingerprint)).fetchone()
        if signed is not None:
            return None
    signature = key.sign(head_text(entry, entry_hash))
    at = now_utc()
    cursor = conn.execute(
        "INSERT INTO checkpoints (entry_id, entry_hash, signed_at, key_fingerprint, signature)"
        " VALUES (?, ?, ?, ?, ?)", (entry, entry_hash, at, key.fingerprint, signature.hex()))
    testpoints.reached("checkpoint")
    return Checkpoint(int(cursor.lastrowid or 0), entry, entry_hash, at, key.fingerprint,
                      signature)


def listed(conn: sqlite3.Connection) -> list[tuple[Checkpoint, str | None]]:
    """Every checkpoint, with the hash the log holds today at its entry (None: no entry)."""
    found = []
    for row in conn.execute(
            "SELECT c.id, c.entry_id, c.entry_hash, c.signed_at, c.key_fingerprint,"
            " c.signature, l.entry_hash FROM checkpoints c"
            " LEFT JOIN custody_log l ON l.id = c.entry_id ORDER BY c.id"):
        try:
            signature = bytes.fromhex(row[5])
        except (TypeError, ValueError):
            signature = b""
        found.append((Checkpoint(row[0], row[1], row[2], row[3], row[4], signature), row[6]))
    return found


def registered_keys(conn: sqlite3.Connection) -> list[RegisteredKey]:
    """Every public key a `key-registered` entry of the log records, in the log's order."""
    keys = []
    for entry, at, operator, details in conn.execute(
            "SELECT id, at, operator, details FROM custody_log WHERE action = ?"
            " ORDER BY id", (REGISTERED,)):
        try:
            data = json.loads(details)
            keys.append(RegisteredKey(str(data["fingerprint"]),
                                      str(data["public_key"]).encode("ascii"),
                                      bool(data["protected"]), entry, at, operator))
        except (ValueError, KeyError, TypeError, UnicodeEncodeError):
            continue  # an unreadable registration registers nothing
    return keys


class CheckpointsMixin:
    """Methods of Catalogue for checkpoints: a session key signs the head of every write."""

    _conn: sqlite3.Connection
    _write: Callable[[], AbstractContextManager[sqlite3.Connection]]
    checkpoint_key: Signer | None = None

    def sign_checkpoints_with(self, key: Signer | None) -> None:
        """From now on every write that adds log entries ends with `key`'s checkpoint."""
        self.checkpoint_key = key

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        """Called by _write before COMMIT: the write's checkpoint, in its transaction."""
        if self.checkpoint_key is not None:
            sign_head(conn, self.checkpoint_key)

    def sign_checkpoint(self) -> Checkpoint | None:
        """Sign the current head now with the session key (None: no key or an empty log), and
        queue that head for a trusted time-stamp (`catalog-app timestamp` sends the queue)."""
        key = self.checkpoint_key
        if key is None:
            return None
        with self._write() as conn:
            made = sign_head(conn, key, again=True)
            if made is not None:
                timestamps.queue(conn, made.entry, made.entry_hash)
            return made

    def checkpoints(self) -> list[tuple[Checkpoint, str | None]]:
        return listed(self._conn)

    def registered_keys(self) -> list[RegisteredKey]:
        return registered_keys(self._conn)


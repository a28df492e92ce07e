"""The custody log's pure rules: canonical entry text, the hash chain, UTC time stamps."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from catalog_app.core.models import Actor

GENESIS = "0" * 64


def now_utc() -> str:
    """The current time, ISO 8601 UTC with a Z."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def canonical_details(details: dict[str, Any]) -> str:
    """The one text form of an entry's details that its hash covers."""
    return json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(
    prev_hash: str, at: str, actor: Actor, action: str, photo_id: int | None, details: str
) -> str:
    """The hash of one entry: canonical JSON of its fields and the previous hash."""
    body = _ENTRY_TEXT.encode(
        [prev_hash, at, actor.operator, actor.machine, actor.app_version, action, photo_id,
         details])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


# json.dumps(..., ensure_ascii=False, separators=(",", ":")), made once: the same text, without
# building an encoder per entry (verify hashes a million entries)
_ENTRY_TEXT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

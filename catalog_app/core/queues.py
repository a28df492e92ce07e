"""The sidebar's review queues as values: their collection keys and their listed counts."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReviewQueues:
    """The sidebar's lists beyond the fixed collections, each entry with its photos' count."""

    keywords: list[tuple[str, int]]
    cameras: list[tuple[str, str, int]]  # make, model ('' when missing), count
    archived: list[tuple[int, str, int]]  # incident id, name, count


def keyword_key(keyword: str) -> str:
    return f"keyword:{keyword}"


def camera_key(make: str, model: str) -> str:
    """A camera's collection key: its make and model as recorded ('' for a missing one)."""
    return "camera:" + json.dumps([make, model], ensure_ascii=False)


def archived_key(incident_id: int) -> str:
    return f"archived:{incident_id}"


def parse_key(collection: str) -> tuple[str, object] | None:
    """('keyword', word), ('camera', (make, model)) or ('archived', id); None otherwise."""
    kind, _, value = collection.partition(":")
    if kind == "keyword" and value:
        return kind, value
    if kind == "camera" and value:
        make, model = json.loads(value)
        return kind, (str(make), str(model))
    if kind == "archived" and value.isdigit():
        return kind, int(value)
    return None

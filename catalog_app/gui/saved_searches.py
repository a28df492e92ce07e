"""Saved searches: a name and what the grid showed (collection and filters), kept per catalogue
in the window's settings (a view of the catalogue, not a change to it: nothing is logged)."""

from __future__ import annotations

import json
from dataclasses import asdict

from catalog_app.core.models import PhotoFilter

_FIELDS = set(PhotoFilter.__dataclass_fields__)


def to_text(searches: dict[str, PhotoFilter]) -> str:
    return json.dumps([{"name": name, **asdict(spec)} for name, spec in searches.items()],
                      ensure_ascii=False)


def from_text(text: str) -> dict[str, PhotoFilter]:
    """The searches saved in `text`; an entry in another shape (a hand-edited file) is skipped."""
    try:
        entries = json.loads(text) if text else []
    except ValueError:
        return {}
    found: dict[str, PhotoFilter] = {}
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            values = {k: v for k, v in entry.items() if k in _FIELDS}
            try:
                found[entry["name"]] = PhotoFilter(**values)
            except TypeError:
                continue
    return found

"""What the custody log viewer shows: entries narrowed by action, operator, photo and dates."""

from __future__ import annotations

from dataclasses import dataclass

LOG_VIEW_LIMIT = 5000  # newest entries shown at once; narrowing the filter shows older ones


@dataclass(frozen=True, slots=True)
class LogFilter:
    action: str | None = None
    operator: str | None = None
    photo_id: int | None = None
    date_from: str | None = None  # ISO date (UTC day of the entry), inclusive
    date_to: str | None = None
    limit: int = LOG_VIEW_LIMIT

"""What an incident's fields must be, the same from the window, the command line and any import.

Pure: a face calls `problem` before it writes (or raises BadIncident with its sentence).
"""

from __future__ import annotations

from datetime import datetime

from catalog_app.errors import UsageError
from catalog_app.i18n import _


class BadIncident(UsageError, ValueError):
    """An incident's fields cannot be recorded as given; the message says why."""


def problem(*, name: str | None = None, lat: float | None = None, lon: float | None = None,
            starts_at: str | None = None, ends_at: str | None = None) -> str | None:
    """The first thing wrong with these fields, as one sentence; None when they can be recorded.

    A field left None is not being set (an edit changes only what it names). A name, when set,
    is not blank; a position is both a latitude and a longitude, in range, or neither; dates are
    ISO 8601: a day alone, or a time of day with its zone (an offset or Z); the end is not
    before the start.
    """
    if name is not None and not name.strip():
        return _("An incident needs a name.")
    if (lat is None) != (lon is None):
        return _("Give both a latitude and a longitude, or neither.")
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return _("The latitude must be -90 to 90 and the longitude -180 to 180.")
    when: dict[str, datetime] = {}
    for label, value in (("start", starts_at), ("end", ends_at)):
        if value:
            text = value.strip()
            try:
                when[label] = datetime.fromisoformat(text)
            except ValueError:
                return (_("The start {text} is not a date and time such as "
                          "2024-07-08T10:45+03:00.") if label == "start" else
                        _("The end {text} is not a date and time such as "
                          "2024-07-08T10:45+03:00.")).format(text=repr(text))
            if len(text) > 10 and when[label].tzinfo is None:
                return (_("The start {text} has no time zone: add its offset, as in "
                          "2024-07-08T10:45+03:00 (or Z for UTC).") if label == "start" else
                        _("The end {text} has no time zone: add its offset, as in "
                          "2024-07-08T10:45+03:00 (or Z for UTC).")).format(text=repr(text))
    if "start" in when and "end" in when:
        start, end = when["start"], when["end"]
        both_timed = start.tzinfo is not None and end.tzinfo is not None
        if (end < start) if both_timed else (end.date() < start.date()):
            return _("The end is before the start.")
    return None


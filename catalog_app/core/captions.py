"""Caption templates for a selection: {incident}, {place}, {date}, {time}, {n}, {camera}."""

from __future__ import annotations

import string

from catalog_app.core.models import Incident, Photo
from catalog_app.errors import UsageError
from catalog_app.i18n import _

FIELDS = ("incident", "place", "date", "time", "n", "camera", "caption")


class BadTemplate(UsageError, ValueError):
    """A template with an unknown field or unbalanced braces."""


def check(template: str) -> None:
    try:
        names = [name for _t, name, _s, _c in string.Formatter().parse(template)
                 if name is not None]
    except ValueError as exc:
        raise BadTemplate(_("The template has an unbalanced brace ({why}); write {{{{ and }}}} "
                            "for a literal brace.").format(why=exc)) from exc
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        raise BadTemplate(_("The template has an unknown field {{{field}}}; the fields are "
                            "{fields}.").format(field=unknown[0],
                                                fields=", ".join(f"{{{f}}}" for f in FIELDS)))


def render(template: str, photos: list[Photo], incidents: dict[int, Incident]
           ) -> list[tuple[int, str]]:
    """(photo id, caption) for each photo in order; {n} counts from 1."""
    check(template)
    out = []
    for n, photo in enumerate(photos, start=1):
        incident = incidents.get(photo.incident[0]) if photo.incident else None
        when = photo.best_time
        cam = photo.capture.camera
        values = {
            "incident": incident.name if incident else "",
            "place": (incident.place or "") if incident else "",
            "date": f"{when.day} {when:%B %Y}" if when else "",
            "time": f"{when:%H:%M}" if when else "",
            "n": str(n),
            "camera": " ".join(x for x in (cam.make, cam.model) if x),
            "caption": photo.caption,
        }
        out.append((photo.id, template.format_map(values)))
    return out

"""Reasons that are stored, logged or written to JSON in English, worded for a person at display.

An import failure's reason is kept in the catalogue and in the custody log (import_failures,
`import-failed` details), a suggestion's and a geotag's reason go to --json: all stay English in
every language. The CLI and the window show them through describe_reason(), which gives the
current language's wording and leaves anything it does not know (an OS or library message) as
it was stored. Each reason here is also the English text the code that makes it writes.
"""

from __future__ import annotations

import re
from functools import cache

from catalog_app import i18n
from catalog_app.i18n import N_, _

# Reasons without a value in them: the stored text is the message id itself.
FIXED = (
    # core/scan.py: what is passed over or fails while a card is read
    N_("not a regular file (a device, pipe or socket)"),
    N_("the catalogue's own folder (never imported into itself)"),
    N_("broken symbolic link"),
    N_("no such file or folder"),
    N_("folder already scanned (a symbolic link loop or repeat)"),
    N_("macOS resource-fork file, not a photo"),
    N_("permission denied"),
    N_("symbolic link loop"),
    N_("no extension"),
    # core/store.py
    N_("not a regular file (it was replaced by a device, pipe or socket after the folder was "
       "scanned)"),
    # core/imaging.py
    N_("image data is damaged or uses a feature the decoder does not support"),
    N_("not an image in a format this app can read"),
    N_("image needs more memory to decode than is available"),
    N_("image data is truncated (the file is incomplete)"),
    N_("image has no pixels"),
    # core/raw.py
    N_("the camera raw file is cut short: its sensor data ends before it should"),
    N_("this camera raw format or its compression is not supported by LibRaw"),
    N_("the camera raw file has no sensor image"),
    N_("the camera raw file is damaged or cannot be decoded"),
)

# Reasons with values: {reason} is itself a reason (worded in turn), {pixels} a number
# written with the language's digit grouping, anything else is shown as stored.
TEMPLATES = (
    N_("folder cannot be read ({reason})"),
    N_("not a photo file type ({kind}), and its content is not an image"),
    N_("on the card only as a symbolic link to {path}, outside the folder imported: the bytes "
       "recorded are the link target's"),
    N_("the photo cannot be shown ({reason})"),
    N_("image is too large to decode safely (more than {pixels} pixels)"),
    # core/store.py
    N_("the copy of {hash}… did not verify against its SHA-256"),
    # core/suggest.py
    N_("taken {distance} m from its centre (radius {radius} m), within its dates"),
    N_("same camera ({camera}) {minutes} min from photo {photo}, which is tagged to it"),
    # core/geotrack.py: why a photo was not placed on a track
    N_("its time ({time}) is outside the track's ({starts} to {ends})"),
    N_("its time ({time}) falls in a gap of {gap} s in the track, more than {limit} s"),
)

_FIELD = re.compile(r"\\\{(\w+)\\\}")  # a {name} in an escaped template


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each template as a pattern matching the English it makes (its values as groups)."""
    return tuple((re.compile(_FIELD.sub(r"(?P<\1>.+?)", re.escape(t))), t) for t in TEMPLATES)


def describe_reason(reason: str) -> str:
    """A stored English reason in the current language; unknown text comes back unchanged."""
    if i18n.current() == i18n.DEFAULT or not reason:
        return reason
    translated = _(reason)
    if translated != reason:
        return translated
    for pattern, template in _patterns():
        found = pattern.fullmatch(reason)
        if found:
            values = {name: _value(name, value) for name, value in found.groupdict().items()}
            return _(template).format(**values)
    return reason


def _value(name: str, value: str) -> str:
    if name == "reason":
        return describe_reason(value)
    if name == "kind":  # "no extension", or the suffix in quotes: "'.txt'"
        quoted = len(value) > 2 and value[0] == value[-1] == "'"
        return _("'{suffix}'").format(suffix=value[1:-1]) if quoted else _(value)
    if name == "pixels" and value.replace(",", "").isdigit():
        return i18n.number(int(value.replace(",", "")))
    return value

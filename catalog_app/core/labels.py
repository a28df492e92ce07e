"""How values are named to a person, the same in every face and export."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from catalog_app import i18n

if TYPE_CHECKING:
    from datetime import datetime

    from catalog_app.core.models import Camera


# Words that close a maker's company name and are left out of a camera's name to a person.
_COMPANY = re.compile(r"[\s,.]+(co|ltd|corporation|corp|company|inc|ag|ab|gmbh|kg|plc|llc|"
                      r"computer|imaging|electric|camera|systems|optical)\.?$", re.IGNORECASE)


def short_make(make: str | None) -> str:
    """'CASIO COMPUTER CO.,LTD.' -> 'CASIO', 'NIKON CORPORATION' -> 'NIKON'; '' for none."""
    name = " ".join((make or "").split()).rstrip(" ,.")
    while True:
        cut = _COMPANY.sub("", name).rstrip(" ,.")
        if cut == name or not cut:
            return name
        name = cut


def make_spellings(makes: Iterable[str | None]) -> dict[str, str]:
    """One spelling per maker of cameras listed together ('samsung' and 'SAMSUNG' are one),
    keyed by the short make's casefold: the spelling most of them use, then the first A-Z."""
    seen = Counter(short_make(m) for m in makes if short_make(m))
    chosen: dict[str, str] = {}
    for spelling, _n in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0])):
        chosen.setdefault(spelling.casefold(), spelling)
    return chosen


def camera_label(camera: Camera, *, serial: bool = False,
                 spellings: dict[str, str] | None = None) -> str:
    """'Canon EOS 40D' (with ' 1234' if `serial` and one is recorded); '' when nothing is.
    The make once, then the model: a model that already begins with a word of its make
    ('Canon' 'Canon DIGITAL IXUS 40') is shown alone; company words are dropped ('CASIO
    COMPUTER CO.,LTD.' -> 'CASIO'); `spellings` (make_spellings) unifies a maker's case."""
    make = short_make(camera.make)
    make = (spellings or {}).get(make.casefold(), make)
    model = " ".join((camera.model or "").split())
    first = model.split(" ", 1)[0].casefold()
    if make and first and first in (w.casefold() for w in make.split()):
        make = ""  # the model names its maker already
    parts = (make, model, camera.serial if serial else None)
    return " ".join(part for part in parts if part)


def wipe_warning(not_preserved: int, language: str | None = None) -> str | None:
    """What an import says before anything else when files on the card were not kept, in
    the current language, or in `language` ("en" for JSON, the same in every language)."""
    if not not_preserved:
        return None
    lang = i18n.normalise(language) or i18n.current()
    text = i18n.translation(lang).ngettext(
        "Do not wipe the card yet: {n} file was not preserved",
        "Do not wipe the card yet: {n} files were not preserved", not_preserved)
    if lang == i18n.DEFAULT:
        return text.format(n=not_preserved)  # as it always was, in the window and in JSON
    from babel.numbers import format_decimal
    return text.format(n=format_decimal(not_preserved, locale=lang))


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 photo', '3 photos', '0 photos', in English only: the noun comes as a value, and
    gettext cannot translate a sentence built from pieces. Shown text uses i18n.counted
    ("{n} photo", "{n} photos", n) or Qt's %Ln; this stays for stored and machine forms."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def time_label(when: datetime | None, empty: str = "") -> str:
    """'2015-04-10 20:15:02+03:00': a capture time to the second, as a person reads it."""
    return when.replace(microsecond=0).isoformat(sep=" ") if when is not None else empty

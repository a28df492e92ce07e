"""The fixed texts of exported materials (galleries, package READMEs, manifest descriptions)
in the export's language, never the global one: a Ukrainian window may export English pages.

    G_, GN_ = texts.for_language(lang)
    G_("Sources"); GN_("{n} photo", "{n} photos", n)

tools/i18n.py extracts G_/GN_ into the "gallery" gettext domain."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from catalog_app import i18n

Gettext = Callable[[str], str]
Ngettext = Callable[..., str]


def G_(message: str) -> str:
    """Marks a module constant for the "gallery" domain; translate it with for_language()."""
    return message


def language(lang: str | None) -> str:
    """`lang` as one of i18n.LANGUAGES; the current language when it is not given."""
    return i18n.normalise(lang) or i18n.current()


def translation(lang: str):  # type: ignore[no-untyped-def]
    return i18n.translation(language(lang), i18n.GALLERY_DOMAIN)


def for_language(lang: str) -> tuple[Gettext, Ngettext]:
    """G_(text) and GN_(singular, plural, n, **values) in `lang`; GN_ fills in {n} with the
    language's digit grouping and any other {name} from `values`."""
    code = language(lang)
    catalogue = translation(code)

    def G_(message: str) -> str:
        return catalogue.gettext(message)

    def GN_(singular: str, plural: str, n: int, **values: object) -> str:
        from babel.numbers import format_decimal
        return catalogue.ngettext(singular, plural, n).format(
            n=format_decimal(n, locale=code), **values)

    return G_, GN_


def text_direction(lang: str) -> str:
    from babel import Locale
    return Locale.parse(language(lang)).text_direction


# Day-month-year in every language ("2 December 2026", "2 грудня 2026 р.")
_DAY = {"en": "d MMMM y", "uk": "d MMMM y 'р.'"}


def day(moment: datetime, lang: str) -> str:
    from babel.dates import format_date
    code = language(lang)
    return format_date(moment, _DAY.get(code, "long"), locale=code)


def day_and_time(moment: datetime, lang: str) -> str:
    """'2 December 2026, 14:05' / '2 грудня 2026 р., 14:05' (the time as the camera gave it:
    no zone conversion)."""
    from babel.dates import format_time
    code = language(lang)
    return f"{day(moment, code)}, {format_time(moment.replace(tzinfo=None), 'HH:mm', locale=code)}"

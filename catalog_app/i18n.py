"""The language of everything outside the window: gettext catalogues (compiled with Babel)."""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "uk")  # English is the source language: it needs no catalogue
DEFAULT = "en"
DOMAIN = "catalog_app"  # messages, --help, table headings, errors
GALLERY_DOMAIN = "gallery"  # the fixed texts of exported galleries and packages
LOCALE_DIR = Path(__file__).with_name("locale")

_language = DEFAULT


def normalise(value: str | None) -> str | None:
    """'uk_UA.UTF-8' -> 'uk'; None for a language the app does not speak."""
    if not value:
        return None
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """The language gettext would choose: LANGUAGE (when a locale is set), then LC_ALL,
    LC_MESSAGES and LANG; English for C, POSIX and languages the app does not speak."""
    env = os.environ if environ is None else environ
    locale = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    if locale and locale not in ("C", "POSIX") and not locale.startswith("C."):
        for item in env.get("LANGUAGE", "").split(":"):
            if code := normalise(item):
                return code
    return normalise(locale) or DEFAULT


@cache
def translation(language: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The compiled catalogue of `domain` in `language` (no translation for English)."""
    if language == DEFAULT:
        return gettext.NullTranslations()
    return gettext.translation(domain, LOCALE_DIR, languages=[language], fallback=True)


def set_language(language: str) -> None:
    """Every later message is in `language` (one of LANGUAGES)."""
    global _language
    _language = normalise(language) or DEFAULT


def current() -> str:
    return _language


@contextmanager
def using(language: str) -> Iterator[None]:
    """Messages in `language` inside the block (the machine form of a sentence: JSON, the
    log), the language before it after."""
    global _language
    before, _language = _language, normalise(language) or DEFAULT
    try:
        yield
    finally:
        _language = before


def _(message: str) -> str:
    """`message` in the current language."""
    return translation(_language).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message for `n` (Ukrainian has three)."""
    return translation(_language).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` as meant in `context` (a one-letter mark, a short word that has several
    translations)."""
    return translation(_language).pgettext(context, message)


def N_(message: str) -> str:
    """Marks a constant for extraction; translate it with _() where it is shown."""
    return message


def number(n: int) -> str:
    """`n` with the current language's digit grouping ('1,234', '1 234')."""
    from babel.numbers import format_decimal
    return format_decimal(n, locale=_language)


def counted(singular: str, plural: str, n: int, **values: object) -> str:
    """ngettext with `{n}` filled in by number(n): counted("{n} photo", "{n} photos", n)."""
    return ngettext(singular, plural, n).format(n=number(n), **values)
